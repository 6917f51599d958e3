namespace BillingConsole.Infrastructure.Notifications;

/// <summary>
/// The e-mail seam (STYLE §2): SMTP through MailKit when <c>Email:Smtp:Host</c> is set, otherwise <c>.eml</c> files in
/// <c>Email:PickupDirectory</c>. Throws when the message could not be handed over; the outbox retries it.
/// </summary>
public interface INotificationSender
{
    Task SendAsync(EmailMessage message, CancellationToken ct);
}
