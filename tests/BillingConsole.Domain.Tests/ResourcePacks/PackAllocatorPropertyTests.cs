using BillingConsole.Domain.Pricing;
using BillingConsole.Domain.ResourcePacks;
using CsCheck;
using static BillingConsole.Domain.Tests.ResourcePacks.PackBuilder;

namespace BillingConsole.Domain.Tests.ResourcePacks;

public sealed class PackAllocatorPropertyTests
{
    private sealed record Scenario(IReadOnlyList<PackSnapshot> Packs, IReadOnlyList<UsageBucket> Buckets, PackAllocation Result);

    private static readonly Gen<PackSnapshot> GenPack =
        Gen.Select(Gen.Int[-2000, 1500], Gen.Int[1, 3000], Gen.Int[0, 40], Gen.Int[-1, 100])
            .SelectMany(t => Gen.Select(Gen.Int[0, 3], Gen.Int[0, 300], Gen.Int[0, 12], Gen.Int[0, 12]),
                (t, u) => Build(t.Item1, t.Item2, t.Item3, t.Item4, u.Item1, u.Item2, u.Item3, u.Item4));

    private static readonly Gen<Scenario> GenScenario =
        Gen.Select(GenPack.Array[0, 6], Gen.Int[0, 30].Array[60], (packs, quantities) =>
        {
            var edges = UsageBucketEdges.Between(DayStartUtc, DayStartUtc.AddDays(1), packs, Calendar);
            var buckets = UsageBucketEdges.Ranges(edges)
                .Select((r, i) => new UsageBucket(r.StartUtc, r.EndUtc, quantities[i % quantities.Length]))
                .ToList();
            return new Scenario(packs, buckets, PackAllocator.Allocate(buckets, packs, Calendar));
        });

    [Fact]
    public void P4_Property_DeductionsPlusPayAsYouGoEqualUsage()
    {
        GenScenario.Sample(s => s.Result.DeductedQuantity + s.Result.PayAsYouGoQuantity == s.Buckets.Sum(b => b.Quantity));
    }

    [Fact]
    public void P4_Property_NoPackGoesBelowZero()
    {
        GenScenario.Sample(s =>
            s.Result.Deductions.All(d => d.Quantity > 0 && d.RemainingAfter >= 0 && d.RemainingAfter == d.RemainingBefore - d.Quantity)
            && s.Packs.All(p => Used(s, p) <= Math.Max(0, InitiallyAvailable(p, s.Buckets))));
    }

    [Fact]
    public void P4_Property_NoDeductionOutsideValidityOrAfterUnsubscribe()
    {
        GenScenario.Sample(s => s.Result.Deductions.All(d =>
        {
            var p = s.Packs.Single(x => x.PackId == d.PackId);
            return d.UsageStartUtc >= p.EffectiveAtUtc && d.UsageEndUtc <= p.ExpiresAtUtc
                   && (p.UnsubscribedAtUtc is null || d.UsageEndUtc <= p.UnsubscribedAtUtc);
        }));
    }

    [Fact]
    public void P4_Property_EarlierExpiringCoveringPacksAreEmptyBeforeALaterOneIsUsed()
    {
        GenScenario.Sample(s => s.Result.Deductions.All(d =>
        {
            var used = s.Packs.Single(x => x.PackId == d.PackId);
            return s.Packs
                .Where(q => q.PackId != used.PackId && q.Covers(d.UsageStartUtc, d.UsageEndUtc) && SortsBefore(q, used))
                .All(q => AvailableAfterBucket(s, q, d.UsageStartUtc) == 0);
        }));
    }

    [Fact]
    public void P4_Property_PayAsYouGoOnlyWhenNoCoveringPackHasQuantityLeft()
    {
        GenScenario.Sample(s => s.Result.PayAsYouGo.All(b =>
            s.Packs.Where(p => p.Covers(b.StartUtc, b.EndUtc)).All(p => AvailableAfterBucket(s, p, b.StartUtc) == 0)));
    }

    private static PackSnapshot Build(int effMin, int durMin, int remaining, int unsubPct, int kind, int purchaseBack,
        int allowance, int usedThisHour)
    {
        var effective = DayStartUtc.AddMinutes(effMin);
        var expires = effective.AddMinutes(durMin);
        var hourly = kind == 0;
        return new PackSnapshot
        {
            PackId = Guid.NewGuid(),
            EffectiveAtUtc = effective,
            ExpiresAtUtc = expires,
            PurchasedAtUtc = effective.AddMinutes(-purchaseBack),
            UnsubscribedAtUtc = unsubPct < 0 ? null : effective.AddMinutes(durMin * unsubPct / 100.0),
            Cycle = hourly ? PackCycle.Hourly : PackCycle.None,
            Remaining = hourly ? 0 : remaining,
            Allowance = hourly ? allowance : 0,
            UsedByPeriodUtc = hourly
                ? new Dictionary<DateTime, long> { [Calendar.HourStartUtc(DayStartUtc.AddHours(12))] = usedThisHour }
                : new Dictionary<DateTime, long>(),
        };
    }

    private static bool SortsBefore(PackSnapshot a, PackSnapshot b) =>
        (a.ExpiresAtUtc, a.EffectiveAtUtc, a.PurchasedAtUtc).CompareTo((b.ExpiresAtUtc, b.EffectiveAtUtc, b.PurchasedAtUtc)) < 0
        || ((a.ExpiresAtUtc, a.EffectiveAtUtc, a.PurchasedAtUtc) == (b.ExpiresAtUtc, b.EffectiveAtUtc, b.PurchasedAtUtc)
            && a.PackId.CompareTo(b.PackId) < 0);

    private static long Used(Scenario s, PackSnapshot p) => s.Result.Deductions.Where(d => d.PackId == p.PackId).Sum(d => d.Quantity);

    private static long InitiallyAvailable(PackSnapshot p, IReadOnlyList<UsageBucket> buckets) => p.Cycle == PackCycle.None
        ? p.Remaining
        : buckets.Select(b => Calendar.HourStartUtc(b.StartUtc)).Distinct()
            .Sum(h => Math.Max(0, p.Allowance - p.UsedByPeriodUtc.GetValueOrDefault(h)));

    /// <summary>What the pack has left in the period of the bucket starting at <paramref name="bucketStart"/>, after that bucket.</summary>
    private static long AvailableAfterBucket(Scenario s, PackSnapshot p, DateTime bucketStart)
    {
        var sameAvailability = s.Result.Deductions.Where(d => d.PackId == p.PackId && d.UsageStartUtc <= bucketStart);
        if (p.Cycle == PackCycle.None) return p.Remaining - sameAvailability.Sum(d => d.Quantity);
        var hour = Calendar.HourStartUtc(bucketStart);
        var usedInHour = sameAvailability.Where(d => d.PeriodStartUtc == hour).Sum(d => d.Quantity);
        return Math.Max(0, p.Allowance - p.UsedByPeriodUtc.GetValueOrDefault(hour)) - usedInHour;
    }
}
