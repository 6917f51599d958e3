using BillingConsole.Domain.QuotaAlerts;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.QuotaAlerts;

/// <summary>
/// SPEC A6: looks at the cash balance right after a movement and fires the low-balance alert once per dip. Runs as its
/// own unit of work right after the movement committed (see <see cref="AlertTriggers"/>); the rule's arm count is in
/// the occurrence key, so two observers of the same bill store one alert.
/// </summary>
public sealed class ObserveLowBalanceHandler(IDbContextFactory<BillingDbContext> dbFactory, TimeProvider clock,
    ILogger<ObserveLowBalanceHandler> logger)
{
    /// <returns>True when an alert fired.</returns>
    public Task<bool> HandleAsync(Guid accountId, BalanceMovement movement, CancellationToken ct) =>
        ConcurrencyRetry.ExecuteAsync(async token =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(token);
            var rule = await db.LowBalanceAlertRules.FirstOrDefaultAsync(r => r.AccountId == accountId, token);
            if (rule is null || !rule.Enabled) return false;
            var balance = await db.Accounts.AsNoTracking().Where(a => a.Id == accountId)
                .Select(a => a.BalanceUnits).FirstAsync(token);

            var now = clock.GetUtcNow().UtcDateTime;
            var alert = rule.Observe(movement, Domain.Common.Money.FromUnits(balance), now);
            if (alert is not null)
            {
                var fired = await db.AlertOccurrences.AnyAsync(o => o.OccurrenceKey == alert.OccurrenceKey, token);
                if (fired) return false;
                AlertMessages.AddLowBalance(db, alert, await AlertRecipients.ResolveAsync(db, accountId, token));
            }
            await db.SaveChangesAsync(token);
            if (alert is not null)
            {
                logger.LogInformation("ObserveLowBalance: alert {Key} fired after {Movement}", alert.OccurrenceKey,
                    movement);
            }
            return alert is not null;
        }, ct);
}
