using BillingConsole.Domain.Common;
using BillingConsole.Domain.Metering;
using BillingConsole.Domain.Pricing;
using BillingConsole.Domain.ResourcePacks;
using BillingConsole.Domain.Settlement;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Settlement;

/// <summary>A deduction the allocator decided, with the meter it was for.</summary>
internal sealed record MeterDeduction(string MeterCode, PackDeduction Deduction);

/// <summary>
/// Unbilled usage of one meter: an hour's roll-up (<see cref="Of"/>), or, for an account that holds no pack, a day's sum
/// at the day's first hour (only pack allocation looks at hours; docs/settlement.md "Reading a chunk").
/// </summary>
internal sealed record UnbilledUsage(Guid AccountId, string MeterCode, DateTime HourStartUtc, DateOnly UsageDay, long Quantity)
{
    public static UnbilledUsage Of(UsageHourlyRollup r) =>
        new(r.AccountId, r.MeterCode, r.HourStartUtc, r.UsageDay, r.BillableQuantity - r.BilledQuantity);
}

/// <summary>What one bill is computed from: its usage lines and the pack deductions already applied to the packs.</summary>
internal sealed record SettlementPlan(IReadOnlyList<BillUsage> Usages, IReadOnlyList<MeterDeduction> Deductions);

/// <summary>
/// Turns one account's unbilled hourly roll-ups into bill usage: packs first through <see cref="PackAllocator"/>
/// (SPEC P4), the rest pay-as-you-go. Deductions are applied to the tracked packs in the caller's unit of work.
/// </summary>
internal static class SettlementUsage
{
    public static async Task<SettlementPlan> PlanAsync(BillingDbContext db, BillingCalendar calendar,
        SettlementCatalog catalog, Guid accountId, IReadOnlyList<UnbilledUsage> rows, CancellationToken ct)
    {
        var typeCodes = PackTypesFor(catalog, rows.Select(r => r.MeterCode));
        var packs = typeCodes.Count == 0
            ? []
            : await db.ResourcePacks.Where(p => p.AccountId == accountId && typeCodes.Contains(p.PackTypeCode)).ToListAsync(ct);
        var usedByPeriod = await CyclicUsageAsync(db, packs, ct);
        return await PlanAsync(db, calendar, catalog, accountId, rows, packs, usedByPeriod, ct);
    }

    /// <summary>The pack types that can cover any of these meters.</summary>
    public static List<string> PackTypesFor(SettlementCatalog catalog, IEnumerable<string> meterCodes)
    {
        var used = meterCodes.Distinct().ToList();
        return catalog.PackTypes.Where(t => used.Any(t.Covers)).Select(t => t.Code).ToList();
    }

    /// <summary>
    /// With the account's packs (tracked, in the caller's unit of work) and the cyclic packs' usage per period already
    /// read, as a chunk of settlements reads them once for all its accounts. Both are updated with the deductions, so
    /// the account's next day in the same unit of work sees what this one took.
    /// </summary>
    public static async Task<SettlementPlan> PlanAsync(BillingDbContext db, BillingCalendar calendar,
        SettlementCatalog catalog, Guid accountId, IReadOnlyList<UnbilledUsage> rows, IReadOnlyList<ResourcePack> packs,
        Dictionary<(Guid, DateTime), long> usedByPeriod, CancellationToken ct)
    {
        var meters = catalog.Meters;
        var packTypes = catalog.PackTypes;
        var usedMeters = rows.Select(r => r.MeterCode).Distinct().Order(StringComparer.Ordinal).ToList();

        var usages = new List<BillUsage>();
        var deductions = new List<MeterDeduction>();
        foreach (var meterCode in usedMeters)
        {
            var meter = meters.GetValueOrDefault(meterCode)
                        ?? throw new InvalidOperationException($"Usage of meter {meterCode} is not in the catalog.");
            var meterRows = rows.Where(r => r.MeterCode == meterCode).OrderBy(r => r.HourStartUtc).ToList();
            var covering = packs.Where(p => packTypes.Any(t => t.Code == p.PackTypeCode && t.Covers(meterCode))).ToList();
            var applied = covering.Count == 0
                ? []
                : await AllocateAsync(db, calendar, accountId, meterCode, meterRows, covering, usedByPeriod, ct);
            deductions.AddRange(applied.Select(d => new MeterDeduction(meterCode, d)));
            foreach (var day in meterRows.GroupBy(r => r.UsageDay))
            {
                usages.Add(new BillUsage
                {
                    Service = meterCode,
                    UsageDay = day.Key,
                    Quantity = day.Sum(r => r.Quantity),
                    PackDeductedQuantity = applied.Where(d => calendar.DayOf(d.UsageStartUtc) == day.Key).Sum(d => d.Quantity),
                    UnitPrice = meter.UnitPrice,
                });
            }
        }
        return new SettlementPlan(usages, deductions);
    }

    private static async Task<IReadOnlyList<PackDeduction>> AllocateAsync(BillingDbContext db, BillingCalendar calendar,
        Guid accountId, string meterCode, IReadOnlyList<UnbilledUsage> rows, IReadOnlyList<ResourcePack> packs,
        Dictionary<(Guid, DateTime), long> usedByPeriod, CancellationToken ct)
    {
        var snapshots = packs.Select(p => PackSnapshot.Of(p, UsedOf(p.Id, usedByPeriod))).ToList();
        var buckets = new List<UsageBucket>();
        foreach (var row in rows)
        {
            var hourEnd = calendar.HourStartUtc(row.HourStartUtc.AddHours(1));
            var edges = UsageBucketEdges.Between(row.HourStartUtc, hourEnd, snapshots, calendar);
            var unbilled = row.Quantity;
            buckets.AddRange(edges.Count == 2
                ? [new UsageBucket(row.HourStartUtc, hourEnd, unbilled)]
                : await SplitHourAsync(db, accountId, meterCode, UsageBucketEdges.Ranges(edges), unbilled, ct));
        }

        var allocation = PackAllocator.Allocate(buckets.Where(b => b.Quantity > 0).ToList(), snapshots, calendar);
        foreach (var deduction in allocation.Deductions)
        {
            var pack = packs.Single(p => p.Id == deduction.PackId);
            var result = pack.Deduct(deduction.Quantity, deduction.UsageStartUtc, calendar);
            if (!result.IsOk) throw new InvalidOperationException($"Pack {pack.Id}: {result.Error}");
            if (deduction.PeriodStartUtc is { } period)
            {
                var key = (pack.Id, period);
                usedByPeriod[key] = usedByPeriod.GetValueOrDefault(key) + deduction.Quantity;
            }
        }
        return allocation.Deductions;
    }

    /// <summary>
    /// An hour that contains a pack boundary is split by the raw events of that hour. Only the unbilled part is
    /// split: it is attributed to the most recently received events (late events are the newest arrivals), which is
    /// exact unless an hour got late events both before and after it was first billed; see docs/settlement.md.
    /// </summary>
    private static async Task<IEnumerable<UsageBucket>> SplitHourAsync(BillingDbContext db, Guid accountId,
        string meterCode, IReadOnlyList<(DateTime StartUtc, DateTime EndUtc)> ranges, long unbilled, CancellationToken ct)
    {
        var start = ranges[0].StartUtc;
        var end = ranges[^1].EndUtc;
        var events = await db.UsageEvents.AsNoTracking()
            .Where(e => e.AccountId == accountId && e.MeterCode == meterCode && e.Billable
                        && e.OccurredAtUtc >= start && e.OccurredAtUtc < end)
            .OrderByDescending(e => e.ReceivedAtUtc).ThenByDescending(e => e.Id)
            .Select(e => new { e.OccurredAtUtc, e.Quantity })
            .ToListAsync(ct);
        var counts = new long[ranges.Count];
        var left = unbilled;
        foreach (var e in events)
        {
            if (left == 0) break;
            var take = Math.Min(left, e.Quantity);
            var index = ranges.ToList().FindIndex(r => e.OccurredAtUtc >= r.StartUtc && e.OccurredAtUtc < r.EndUtc);
            counts[index] += take;
            left -= take;
        }
        // Roll-ups without matching events (should not happen): count the rest at the hour's start.
        counts[0] += left;
        return ranges.Select((r, i) => new UsageBucket(r.StartUtc, r.EndUtc, counts[i]));
    }

    public static async Task<Dictionary<(Guid, DateTime), long>> CyclicUsageAsync(BillingDbContext db,
        IReadOnlyList<ResourcePack> packs, CancellationToken ct)
    {
        var cyclic = packs.Where(p => p.IsCyclic).Select(p => p.Id).ToList();
        if (cyclic.Count == 0) return [];
        var sums = await db.PackDeductions.AsNoTracking()
            .Where(d => cyclic.Contains(d.PackId) && d.PeriodStartUtc != null)
            .GroupBy(d => new { d.PackId, d.PeriodStartUtc })
            .Select(g => new { g.Key.PackId, g.Key.PeriodStartUtc, Quantity = g.Sum(d => d.Quantity) })
            .ToListAsync(ct);
        return sums.ToDictionary(s => (s.PackId, s.PeriodStartUtc!.Value), s => s.Quantity);
    }

    private static Dictionary<DateTime, long> UsedOf(Guid packId, Dictionary<(Guid, DateTime), long> usedByPeriod) =>
        usedByPeriod.Where(kv => kv.Key.Item1 == packId).ToDictionary(kv => kv.Key.Item2, kv => kv.Value);
}
