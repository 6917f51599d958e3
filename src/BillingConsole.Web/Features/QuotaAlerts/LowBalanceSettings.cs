using BillingConsole.Domain.Common;
using BillingConsole.Domain.QuotaAlerts;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.QuotaAlerts;

public sealed record LowBalanceSetting(bool Enabled, Money Threshold);

/// <summary>Reads and changes the account's low-balance alert (SPEC A6; off by default).</summary>
public sealed class LowBalanceSettingsHandler(IDbContextFactory<BillingDbContext> dbFactory, TimeProvider clock)
{
    public async Task<LowBalanceSetting> GetAsync(Guid accountId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rule = await db.LowBalanceAlertRules.AsNoTracking().FirstOrDefaultAsync(r => r.AccountId == accountId, ct);
        return rule is null ? new LowBalanceSetting(false, Money.Zero) : new LowBalanceSetting(rule.Enabled, rule.Threshold);
    }

    public Task<Result<LowBalanceSetting>> SaveAsync(Guid accountId, bool enabled, Money threshold,
        CancellationToken ct) =>
        ConcurrencyRetry.ExecuteAsync(async token =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(token);
            var now = clock.GetUtcNow().UtcDateTime;
            var rule = await db.LowBalanceAlertRules.FirstOrDefaultAsync(r => r.AccountId == accountId, token);
            if (rule is null)
            {
                rule = LowBalanceAlertRule.CreateDefault(accountId, now);
                db.LowBalanceAlertRules.Add(rule);
            }
            var configured = rule.Configure(enabled, threshold, now);
            if (!configured.IsOk) return configured.Cast<LowBalanceSetting>();
            await db.SaveChangesAsync(token);
            return Result<LowBalanceSetting>.Ok(new LowBalanceSetting(rule.Enabled, rule.Threshold));
        }, ct);
}
