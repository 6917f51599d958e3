using BillingConsole.Domain.Common;
using BillingConsole.Domain.Forecasts;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.Support;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Forecasts;

/// <summary>The forecast-alert and budget settings as the page edits them.</summary>
public sealed record ForecastAlertSettings(bool BalanceEnabled, int BalanceDays, bool PacksEnabled, int PackDays,
    Money? Budget, IReadOnlyList<int> Percents);

/// <summary>Reads and saves SPEC F2/F3 settings (off by default); saving is audited and refused while impersonating.</summary>
public sealed class ForecastAlertSettingsHandler(IDbContextFactory<BillingDbContext> dbFactory, AuditLog audit,
    TimeProvider clock)
{
    public async Task<ForecastAlertSettings> GetAsync(Guid accountId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rule = await db.ForecastAlertRules.AsNoTracking().SingleOrDefaultAsync(r => r.AccountId == accountId, ct)
            ?? ForecastAlertRule.CreateDefault(accountId, clock.GetUtcNow().UtcDateTime);
        return new(rule.BalanceEnabled, rule.BalanceDays, rule.PacksEnabled, rule.PackDays,
            rule.BudgetUnits is { } b ? Money.FromUnits(b) : null, rule.PercentList);
    }

    public async Task<Result<ForecastAlertSettings>> SaveAsync(Guid accountId, ForecastAlertSettings s, CancellationToken ct)
    {
        if (ReadOnlyGuard.Refusal<ForecastAlertSettings>("changing alert settings") is { } refused) return refused;
        if (s.BalanceDays is < 1 or > 365 || s.PackDays is < 1 or > 365)
        {
            return Result<ForecastAlertSettings>.Invalid("days", "The number of days is a whole number from 1 to 365.");
        }
        if (s.Budget is { } budget && (!budget.IsPositive || !budget.IsWholeFen))
        {
            return Result<ForecastAlertSettings>.Invalid("budget", "The budget is an amount above 0 with at most two decimals.");
        }
        if (s.Percents.Count == 0 || s.Percents.Any(p => p is < 1 or > 1000))
        {
            return Result<ForecastAlertSettings>.Invalid("percents", "Budget percentages are whole numbers from 1 to 1000.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rule = await db.ForecastAlertRules.SingleOrDefaultAsync(r => r.AccountId == accountId, ct);
        if (rule is null)
        {
            rule = ForecastAlertRule.CreateDefault(accountId, now);
            db.ForecastAlertRules.Add(rule);
        }
        rule.Configure(s.BalanceEnabled, s.BalanceDays, s.PacksEnabled, s.PackDays, s.Budget?.Units, s.Percents, now);
        audit.Add(db, "forecast_alerts.saved", accountId.ToString(),
            $"balance {s.BalanceEnabled}/{s.BalanceDays}d, packs {s.PacksEnabled}/{s.PackDays}d, budget {s.Budget?.ToFenString() ?? "none"} at {rule.BudgetPercents}",
            accountId);
        await db.SaveChangesAsync(ct);
        return Result<ForecastAlertSettings>.Ok(s);
    }
}
