using MailKit.Net.Smtp;
using MailKit.Security;

namespace BillingConsole.Infrastructure.Notifications;

/// <summary>Sends through an SMTP server with MailKit; one connection per message keeps failures independent.</summary>
public sealed class SmtpNotificationSender(EmailOptions options, TimeProvider clock) : INotificationSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        var smtp = options.Smtp;
        using var mime = MimeMessages.Build(message, smtp, clock.GetUtcNow());
        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("Email:Smtp:Host is not set."), smtp.Port,
            smtp.UseTls ? SecureSocketOptions.Auto : SecureSocketOptions.None, ct);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, ct);
        }
        await client.SendAsync(mime, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
