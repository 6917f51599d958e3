using BillingConsole.Domain.Common;
using BillingConsole.Domain.Pricing;
using BillingConsole.Domain.QuotaAlerts;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.QuotaAlerts;

/// <summary>
/// Evaluates an account's quota alerts (SPEC A2–A5) and stores what fired: occurrence, message and outbox e-mails in
/// one transaction. Safe to run twice or concurrently: an occurrence key another run stored first makes this run's
/// save fail, and the retry re-reads the fired keys and stores only what is still missing (SPEC J2).
/// </summary>
public sealed class EvaluateQuotaAlertsHandler(IDbContextFactory<BillingDbContext> dbFactory, TimeProvider clock,
    BillingCalendar calendar, ILogger<EvaluateQuotaAlertsHandler> logger)
{
    /// <returns>How many alerts this run fired.</returns>
    /// <param name="eventAtUtc">When the triggering event happened (the deduction, the purchase), if known: the
    /// alert records that time (SPEC A5) rather than the time this evaluation runs.</param>
    public Task<int> HandleAsync(Guid accountId, QuotaAlertTrigger trigger, CancellationToken ct,
        DateTime? eventAtUtc = null) =>
        ConcurrencyRetry.ExecuteAsync(async token =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(token);
            var now = clock.GetUtcNow().UtcDateTime;
            var settings = await EnsureDefaultSettingsAsync(db, accountId, now, token);
            var holdings = await PackHoldings.HoldingsAsync(db, accountId, now, calendar, token);
            var prefix = QuotaAlertOccurrenceKeys.AccountPrefix(accountId);
            var fired = await db.AlertOccurrences.AsNoTracking()
                .Where(o => o.AccountId == accountId && o.OccurrenceKey.StartsWith(prefix))
                .Select(o => o.OccurrenceKey).ToListAsync(token);

            var alerts = QuotaAlertEngine.Evaluate(new QuotaAlertEvaluation
            {
                AccountId = accountId,
                Settings = settings,
                Holdings = holdings,
                FiredOccurrenceKeys = fired,
                Trigger = trigger,
                NowUtc = now,
                EventAtUtc = eventAtUtc is { } at && at < now ? at : null,
                Calendar = calendar,
            });
            if (alerts.Count > 0)
            {
                var names = await db.PackTypes.AsNoTracking().ToDictionaryAsync(t => t.Code, t => (t.Name, t.NameEn), token);
                var recipients = await AlertRecipients.ResolveAsync(db, accountId, token);
                foreach (var alert in alerts)
                {
                    AlertMessages.AddQuota(db, alert, names.GetValueOrDefault(alert.PackTypeCode, (alert.PackTypeCode, alert.PackTypeCode)),
                        recipients);
                }
            }
            await db.SaveChangesAsync(token);
            foreach (var alert in alerts)
            {
                logger.LogInformation("EvaluateQuotaAlerts: {Kind} alert {Key} fired on {Trigger}", alert.Kind,
                    alert.OccurrenceKey, trigger);
            }
            return alerts.Count;
        }, ct);

    /// <summary>A1: a type the account starts to hold gets the default setting (enabled, 30 %); hourly types none.</summary>
    private static async Task<List<QuotaAlertSetting>> EnsureDefaultSettingsAsync(BillingDbContext db, Guid accountId,
        DateTime now, CancellationToken ct)
    {
        var settings = await db.QuotaAlertSettings.Where(s => s.AccountId == accountId).ToListAsync(ct);
        var held = await PackHoldings.HeldTypesAsync(db, accountId, ct);
        foreach (var type in held.Where(t => t.Cycle != PackCycle.Hourly))
        {
            if (settings.Any(s => s.PackTypeCode == type.PackTypeCode)) continue;
            var setting = QuotaAlertSetting.CreateDefault(accountId, type.PackTypeCode, now);
            db.QuotaAlertSettings.Add(setting);
            settings.Add(setting);
        }
        return settings;
    }
}
