using BillingConsole.Domain.QuotaAlerts;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.Notifications;
using BillingConsole.Web.Jobs;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.QuotaAlerts;

/// <summary>
/// SPEC J1 alert evaluation sweep: evaluates every account that holds packs (catching what a lost trigger missed and
/// the first evaluation of a new month), then sends the due e-mails of the outbox.
/// </summary>
public sealed class AlertEvaluationJob(IDbContextFactory<BillingDbContext> dbFactory,
    EvaluateQuotaAlertsHandler evaluate, SendNotificationsHandler send, TimeProvider clock) : IBillingJob
{
    public string Id => RecurringJobs.AlertEvaluation;

    public async Task<string> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<Guid> accounts;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            accounts = await db.ResourcePacks.AsNoTracking()
                .Where(p => p.EffectiveAtUtc <= now && p.ExpiresAtUtc > now)
                .Select(p => p.AccountId).Distinct().ToListAsync(ct);
        }
        var alerts = 0;
        foreach (var accountId in accounts)
        {
            alerts += await evaluate.HandleAsync(accountId, QuotaAlertTrigger.Sweep, ct);
        }
        var mail = await send.HandleAsync(ct);
        return $"{alerts} alerts, {mail.Sent} e-mails sent, {mail.Failed} failed";
    }
}
