using BillingConsole.Domain.Common;
using BillingConsole.Domain.ResourcePacks;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Settlement;

/// <summary>A pack type whose active packs have less than <see cref="GetSpendOverviewHandler.LowPercent"/>% left.</summary>
public sealed record LowPack(string PackTypeCode, string PackTypeName, long Remaining, long Total, string PackTypeNameEn = "")
{
    public int RemainingPercent => Total == 0 ? 0 : (int)(Remaining * 100 / Total);
}

/// <summary>What the overview shows about spending: yesterday's bill, this month so far, the last 30 days.</summary>
public sealed record SpendOverview(DateOnly Yesterday, BillRow? YesterdaysBill, Money MonthToDate, Money OutstandingTotal,
    IReadOnlyList<(DateOnly Day, Money Payable)> Last30Days, IReadOnlyList<LowPack> LowPacks);

public sealed class GetSpendOverviewHandler(IDbContextFactory<BillingDbContext> dbFactory, GetBillsHandler bills,
    TimeProvider clock, BillingCalendar calendar)
{
    public const int LowPercent = 20;

    public async Task<SpendOverview> HandleAsync(Guid accountId, CancellationToken ct)
    {
        var today = calendar.DayOf(clock.GetUtcNow().UtcDateTime);
        var yesterday = today.AddDays(-1);
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var from = today.AddDays(-30);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var daily = await db.Bills.AsNoTracking()
            .Where(b => b.AccountId == accountId && b.UsageDay >= (from < monthStart ? from : monthStart))
            .Select(b => new { b.UsageDay, b.PayableUnits })
            .ToListAsync(ct);
        var outstanding = await db.Bills.Where(b => b.AccountId == accountId).SumAsync(b => b.OutstandingUnits, ct);
        var series = Enumerable.Range(0, 30).Select(i => from.AddDays(i))
            .Select(d => (d, Money.FromUnits(daily.Where(b => b.UsageDay == d).Sum(b => b.PayableUnits))))
            .ToList();
        var yesterdays = (await bills.HandleAsync(new GetBillsQuery(accountId, new DayRange(yesterday, yesterday)), ct))
            .SingleOrDefault();
        return new SpendOverview(yesterday, yesterdays,
            Money.FromUnits(daily.Where(b => b.UsageDay >= monthStart).Sum(b => b.PayableUnits)),
            Money.FromUnits(outstanding), series, await LowPacksAsync(db, accountId, ct));
    }

    private static async Task<IReadOnlyList<LowPack>> LowPacksAsync(BillingDbContext db, Guid accountId,
        CancellationToken ct)
    {
        var packs = await db.ResourcePacks.AsNoTracking()
            .Where(p => p.AccountId == accountId && (p.Status == PackStatus.Active || p.Status == PackStatus.Exhausted))
            .Select(p => new { p.PackTypeCode, p.Remaining, p.Total })
            .ToListAsync(ct);
        var names = await db.PackTypes.AsNoTracking().ToDictionaryAsync(t => t.Code, t => (t.Name, t.NameEn), ct);
        return packs.GroupBy(p => p.PackTypeCode)
            .Select(g => new LowPack(g.Key, names.TryGetValue(g.Key, out var n) ? n.Name : g.Key, g.Sum(p => p.Remaining),
                g.Sum(p => p.Total), names.TryGetValue(g.Key, out var en) ? en.NameEn : ""))
            .Where(p => p.Total > 0 && p.Remaining * 100 < p.Total * LowPercent)
            .OrderBy(p => p.RemainingPercent)
            .ToList();
    }
}
