using BillingConsole.Domain.Common;
using BillingConsole.Domain.Pricing;
using BillingConsole.Domain.QuotaAlerts;
using BillingConsole.Domain.ResourcePacks;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.QuotaAlerts;

/// <summary>A pack type the account holds or has held, with its catalog names.</summary>
public sealed record HeldPackTypeInfo(string PackTypeCode, string Name, string NameEn, PackCycle Cycle);

/// <summary>Reads what an account holds of each pack type (SPEC A1, A3) from its packs.</summary>
internal static class PackHoldings
{
    /// <summary>
    /// Every type the account has a pack of, in any status (bought, trial or granted; "holds or has held", A1). A
    /// granted pack that has not taken effect yet counts too: the owner may set its alert ahead.
    /// </summary>
    public static async Task<IReadOnlyList<HeldPackTypeInfo>> HeldTypesAsync(BillingDbContext db, Guid accountId,
        CancellationToken ct)
    {
        var codes = await db.ResourcePacks.AsNoTracking().Where(p => p.AccountId == accountId)
            .Select(p => p.PackTypeCode).Distinct().ToListAsync(ct);
        var types = await db.PackTypes.AsNoTracking().Where(t => codes.Contains(t.Code)).ToListAsync(ct);
        var byCode = types.ToDictionary(t => t.Code, StringComparer.Ordinal);
        return codes
            .Select(c => byCode.TryGetValue(c, out var t)
                ? new HeldPackTypeInfo(c, t.Name, t.NameEn, t.Cycle)
                : new HeldPackTypeInfo(c, c, c, PackCycle.None))
            .OrderBy(t => t.Cycle == PackCycle.Hourly).ThenBy(t => t.PackTypeCode, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// A3: Σ remaining / Σ total over each type's packs now in validity (effective ≤ now &lt; expiry, active or
    /// exhausted); monthly-cycle packs count this month's allowance, also when the pack-lifecycle job has not reset it
    /// yet. The arm epoch is the lifetime Σ total of the type's packs that have taken effect (PackTypeHolding docs).
    /// </summary>
    public static async Task<IReadOnlyList<PackTypeHolding>> HoldingsAsync(BillingDbContext db, Guid accountId,
        DateTime nowUtc, BillingCalendar calendar, CancellationToken ct)
    {
        var packs = await db.ResourcePacks.AsNoTracking()
            .Where(p => p.AccountId == accountId && p.EffectiveAtUtc <= nowUtc).ToListAsync(ct);
        var monthStart = calendar.MonthStartUtc(calendar.MonthOf(nowUtc));
        var holdings = new List<PackTypeHolding>();
        foreach (var type in packs.GroupBy(p => p.PackTypeCode, StringComparer.Ordinal))
        {
            var inValidity = type.Where(p => p.ExpiresAtUtc > nowUtc
                && p.Status is PackStatus.Active or PackStatus.Exhausted).ToList();
            if (inValidity.Count == 0) continue;
            var cycle = inValidity[0].Cycle;
            long remaining = 0, total = 0;
            foreach (var pack in inValidity)
            {
                var stale = cycle == PackCycle.Monthly && pack.PeriodStartUtc < monthStart;
                remaining += stale ? pack.Allowance : pack.Remaining;
                total += cycle == PackCycle.None ? pack.Total : pack.Allowance;
            }
            holdings.Add(new PackTypeHolding(type.Key, cycle, remaining, total, type.Sum(p => p.Total)));
        }
        return holdings;
    }
}
