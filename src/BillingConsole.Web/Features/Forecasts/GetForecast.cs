using BillingConsole.Domain.Common;
using BillingConsole.Domain.Forecasts;
using BillingConsole.Domain.ResourcePacks;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Forecasts;

/// <summary>A pack type's forecast with the names the console shows.</summary>
public sealed record PackForecastRow(PackForecast Forecast, string Name, string NameEn);

/// <summary>The account's forecast (SPEC F1) and the names of its pack types.</summary>
public sealed record ForecastView(Forecast Forecast, IReadOnlyList<PackForecastRow> Packs);

/// <summary>
/// Reads what SPEC F1 needs (cash balance, the window's bills, the first billed day, each pack type's remaining in
/// its live packs and its deductions in the window) and hands it to <see cref="ForecastCalculator"/>.
/// </summary>
public sealed class GetForecastHandler(IDbContextFactory<BillingDbContext> dbFactory, TimeProvider clock,
    BillingCalendar calendar)
{
    public async Task<ForecastView?> HandleAsync(Guid accountId, CancellationToken ct)
    {
        var today = calendar.DayOf(clock.GetUtcNow().UtcDateTime);
        var (first7, last) = ForecastCalculator.Window(today);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var balance = await db.Accounts.AsNoTracking().Where(a => a.Id == accountId)
            .Select(a => (long?)a.BalanceUnits).SingleOrDefaultAsync(ct);
        if (balance is null) return null;
        var bills = db.Bills.AsNoTracking().Where(b => b.AccountId == accountId);
        var spend = await bills.Where(b => b.UsageDay >= first7 && b.UsageDay <= last).SumAsync(b => b.PayableUnits, ct);
        var first = await bills.Select(b => (DateOnly?)b.UsageDay).MinAsync(ct);
        var live = await db.ResourcePacks.AsNoTracking()
            .Where(p => p.AccountId == accountId && (p.Status == PackStatus.Active || p.Status == PackStatus.Exhausted))
            .GroupBy(p => p.PackTypeCode)
            .Select(g => new { Code = g.Key, Remaining = g.Sum(p => p.Remaining) })
            .ToListAsync(ct);
        var used = await (from d in db.PackDeductions.AsNoTracking()
                          join p in db.ResourcePacks.AsNoTracking() on d.PackId equals p.Id
                          where d.AccountId == accountId && d.UsageDay >= first7 && d.UsageDay <= last
                          group d by p.PackTypeCode into g
                          select new { Code = g.Key, Quantity = g.Sum(d => d.Quantity) })
            .ToListAsync(ct);
        var usedByType = used.ToDictionary(u => u.Code, u => u.Quantity, StringComparer.Ordinal);
        var forecast = ForecastCalculator.Calculate(today, Money.FromUnits(balance.Value), Money.FromUnits(spend), first,
            live.Select(l => new PackUsageInput(l.Code, l.Remaining, usedByType.GetValueOrDefault(l.Code))));
        var types = await db.PackTypes.AsNoTracking().ToDictionaryAsync(t => t.Code, ct);
        var rows = forecast.Packs.Select(p => types.TryGetValue(p.PackTypeCode, out var t)
                ? new PackForecastRow(p, t.Name, t.NameEn)
                : new PackForecastRow(p, p.PackTypeCode, p.PackTypeCode))
            .ToList();
        return new ForecastView(forecast, rows);
    }
}
