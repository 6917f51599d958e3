using BillingConsole.Domain.Common;
using BillingConsole.Domain.Pricing;

namespace BillingConsole.Domain.ResourcePacks;

/// <summary>Input checks of <see cref="PackAllocator"/>: bad input is a caller bug, so these throw.</summary>
internal static class PackAllocatorGuards
{
    public static List<UsageBucket> CheckBuckets(IReadOnlyList<UsageBucket> buckets)
    {
        var ordered = buckets.OrderBy(b => b.StartUtc).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var b = ordered[i];
            if (b.EndUtc <= b.StartUtc) throw new ArgumentException($"Bucket {b} is empty or reversed.", nameof(buckets));
            if (b.Quantity < 0) throw new ArgumentException($"Bucket {b} has a negative quantity.", nameof(buckets));
            if (i > 0 && ordered[i - 1].EndUtc > b.StartUtc)
            {
                throw new ArgumentException($"Buckets {ordered[i - 1]} and {b} overlap.", nameof(buckets));
            }
        }
        return ordered;
    }

    public static void CheckPacks(IReadOnlyList<PackSnapshot> packs)
    {
        if (packs.Select(p => p.PackId).Distinct().Count() != packs.Count)
        {
            throw new ArgumentException("A pack is listed twice.", nameof(packs));
        }
        foreach (var p in packs)
        {
            if (p.ExpiresAtUtc <= p.EffectiveAtUtc) throw new ArgumentException($"Pack {p.PackId} expires before it starts.", nameof(packs));
            if (p.Remaining < 0 || p.Allowance < 0) throw new ArgumentException($"Pack {p.PackId} has a negative quantity.", nameof(packs));
        }
    }

    /// <summary>
    /// True when the pack covers the whole bucket, false when it covers none of it; throws when it would cover only
    /// part of it, or when the bucket spans more than one of the pack's cycle periods.
    /// </summary>
    public static bool CoversWhole(PackSnapshot pack, UsageBucket bucket, BillingCalendar calendar)
    {
        foreach (var edge in Edges(pack))
        {
            if (bucket.StartUtc < edge && edge < bucket.EndUtc)
            {
                throw new ArgumentException(
                    $"Bucket [{bucket.StartUtc:O}, {bucket.EndUtc:O}) straddles {edge:O} of pack {pack.PackId}; split it there.");
            }
        }
        if (!pack.Covers(bucket.StartUtc, bucket.EndUtc)) return false;
        if (pack.Cycle != PackCycle.None)
        {
            var periodStart = PackPeriods.PeriodStartUtc(pack.Cycle, bucket.StartUtc, calendar);
            if (bucket.EndUtc > PackPeriods.PeriodEndUtc(pack.Cycle, periodStart, calendar))
            {
                throw new ArgumentException(
                    $"Bucket [{bucket.StartUtc:O}, {bucket.EndUtc:O}) spans two {pack.Cycle} periods of pack {pack.PackId}.");
            }
        }
        return true;
    }

    private static IEnumerable<DateTime> Edges(PackSnapshot pack)
    {
        yield return pack.EffectiveAtUtc;
        yield return pack.ExpiresAtUtc;
        if (pack.UnsubscribedAtUtc is { } u) yield return u;
    }
}
