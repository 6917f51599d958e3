using BillingConsole.Domain.Common;
using BillingConsole.Domain.Pricing;

namespace BillingConsole.Domain.ResourcePacks;

/// <summary>
/// What <see cref="PackAllocator"/> needs to know about one candidate pack. A pack covers usage in
/// [<see cref="EffectiveAtUtc"/>, <see cref="ExpiresAtUtc"/>) and before <see cref="UnsubscribedAtUtc"/> (SPEC P4).
/// </summary>
public sealed record PackSnapshot
{
    public required Guid PackId { get; init; }
    public required DateTime EffectiveAtUtc { get; init; }
    public required DateTime ExpiresAtUtc { get; init; }
    public DateTime? UnsubscribedAtUtc { get; init; }
    public required DateTime PurchasedAtUtc { get; init; }
    public PackCycle Cycle { get; init; } = PackCycle.None;

    /// <summary>Non-cyclic packs: the quantity left, also after expiry (SPEC P11). Ignored for cyclic packs.</summary>
    public long Remaining { get; init; }

    /// <summary>Cyclic packs: the quantity per natural month or hour of the billing time zone (SPEC P6, P7).</summary>
    public long Allowance { get; init; }

    /// <summary>Cyclic packs: quantity already deducted per period, keyed by the period's UTC start. Missing = 0.</summary>
    public IReadOnlyDictionary<DateTime, long> UsedByPeriodUtc { get; init; } = new Dictionary<DateTime, long>();

    /// <summary>The end of coverage: the expiry or the unsubscribe, whichever is earlier.</summary>
    public DateTime CoverageEndUtc =>
        UnsubscribedAtUtc is { } u && u < ExpiresAtUtc ? u : ExpiresAtUtc;

    /// <summary>True when the whole of [start, end) lies inside the pack's coverage.</summary>
    public bool Covers(DateTime startUtc, DateTime endUtc) => startUtc >= EffectiveAtUtc && endUtc <= CoverageEndUtc;

    /// <summary>
    /// The snapshot of a pack. <paramref name="deductedByPeriodUtc"/> (cyclic packs only) holds what the deduction
    /// records say was deducted per period start; the pack's own <see cref="ResourcePack.Remaining"/> is authoritative
    /// for its current period.
    /// </summary>
    public static PackSnapshot Of(ResourcePack pack, IReadOnlyDictionary<DateTime, long>? deductedByPeriodUtc = null)
    {
        var used = new Dictionary<DateTime, long>(deductedByPeriodUtc ?? new Dictionary<DateTime, long>());
        if (pack.IsCyclic && pack.PeriodStartUtc is { } current) used[current] = pack.Allowance - pack.Remaining;
        return new PackSnapshot
        {
            PackId = pack.Id,
            EffectiveAtUtc = pack.EffectiveAtUtc,
            ExpiresAtUtc = pack.ExpiresAtUtc,
            UnsubscribedAtUtc = pack.UnsubscribedAtUtc,
            PurchasedAtUtc = pack.PurchasedAtUtc,
            Cycle = pack.Cycle,
            Remaining = pack.IsCyclic ? 0 : pack.Remaining,
            Allowance = pack.Allowance,
            UsedByPeriodUtc = used,
        };
    }

    internal DateTime PeriodKey(DateTime usageStartUtc, BillingCalendar calendar) =>
        Cycle == PackCycle.None ? DateTime.MinValue : PackPeriods.PeriodStartUtc(Cycle, usageStartUtc, calendar);

    internal long AvailableIn(DateTime periodKey) => Cycle == PackCycle.None
        ? Remaining
        : Math.Max(0, Allowance - UsedByPeriodUtc.GetValueOrDefault(periodKey));
}
