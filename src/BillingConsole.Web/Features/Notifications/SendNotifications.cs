using BillingConsole.Domain.Notifications;
using BillingConsole.Infrastructure.Notifications;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using BillingConsole.Web.Features.Operations;

namespace BillingConsole.Web.Features.Notifications;

public sealed record SendNotificationsResult(int Sent, int Failed);

/// <summary>
/// Sends the due e-mails of the outbox (SPEC A5). Each row is claimed (attempt counted, next attempt moved past the
/// lease) and saved before it is sent, so two runs do not send it at once; a failure schedules a retry with backoff
/// and after <see cref="OutboundEmail.MaxAttempts"/> marks it failed. The in-app message is never touched.
/// </summary>
public sealed class SendNotificationsHandler(IDbContextFactory<BillingDbContext> dbFactory, INotificationSender sender,
    TimeProvider clock, ILogger<SendNotificationsHandler> logger, BillingMetrics? metrics = null)
{
    private const int BatchSize = 100;

    public async Task<SendNotificationsResult> HandleAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboundEmails
            .Where(e => e.Status == OutboundEmailStatus.Pending && e.NextAttemptAtUtc <= now)
            .OrderBy(e => e.NextAttemptAtUtc).Take(BatchSize).ToListAsync(ct);
        int sent = 0, failed = 0;
        foreach (var email in due)
        {
            if (!await TryClaimAsync(db, email, now, ct)) continue;
            try
            {
                await sender.SendAsync(new EmailMessage(email.To, email.Subject, email.Body, email.AttachmentFileName, email.AttachmentContent), ct);
                email.MarkSent(clock.GetUtcNow().UtcDateTime);
                sent++;
                metrics?.Alert("sent");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                email.MarkAttemptFailed(ex.Message, clock.GetUtcNow().UtcDateTime);
                failed++;
                metrics?.Alert("failed");
                logger.LogWarning("SendNotification: e-mail {EmailId} attempt {Attempt} failed: {Error}", email.Id,
                    email.Attempts, ex.Message);
            }
            await db.SaveChangesAsync(ct);
        }
        return new SendNotificationsResult(sent, failed);
    }

    private static async Task<bool> TryClaimAsync(BillingDbContext db, OutboundEmail email, DateTime now,
        CancellationToken ct)
    {
        email.Claim(now);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another run claimed it first; it sends this one.
            db.Entry(email).State = EntityState.Detached;
            return false;
        }
    }
}
