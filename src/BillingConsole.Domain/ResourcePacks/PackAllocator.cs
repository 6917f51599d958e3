using BillingConsole.Domain.Common;
using BillingConsole.Domain.Pricing;

namespace BillingConsole.Domain.ResourcePacks;

/// <summary>
/// Decides which packs absorb one account's billable usage of one meter (SPEC P4, P5, P11).
/// </summary>
/// <remarks>
/// <para>Rule: a pack covers usage in [effective, expiry) that occurred before its unsubscribe. Buckets are taken in
/// chronological order; each one is deducted from the covering pack that expires first (ties: earlier effective,
/// then earlier purchase, then pack id), spilling to the next when a pack runs out. What no pack covers is
/// pay-as-you-go. Time is the usage time only, never "now": usage before an expiry is deducted from the pack's
/// remaining at expiry even when the day is settled later (SPEC P11).</para>
/// <para>Bucket boundaries: every bucket must lie wholly inside or wholly outside each pack's coverage, so a bucket
/// may not straddle a pack's effective time, expiry or unsubscribe time, and for a cyclic pack that covers it, a
/// period boundary (a local hour or month start). Such a bucket is a caller bug and throws
/// <see cref="ArgumentException"/>. <see cref="UsageBucketEdges.Between"/> gives edges that always satisfy this.</para>
/// </remarks>
public static class PackAllocator
{
    /// <summary>Allocates <paramref name="buckets"/> (non-overlapping, any order) to <paramref name="packs"/>.</summary>
    public static PackAllocation Allocate(
        IReadOnlyList<UsageBucket> buckets, IReadOnlyList<PackSnapshot> packs, BillingCalendar calendar)
    {
        var ordered = PackAllocatorGuards.CheckBuckets(buckets);
        PackAllocatorGuards.CheckPacks(packs);
        var byExpiry = packs
            .OrderBy(p => p.ExpiresAtUtc).ThenBy(p => p.EffectiveAtUtc).ThenBy(p => p.PurchasedAtUtc).ThenBy(p => p.PackId)
            .ToList();
        var available = new Dictionary<(Guid, DateTime), long>();
        var deductions = new List<PackDeduction>();
        var payAsYouGo = new List<UsageBucket>();

        foreach (var bucket in ordered)
        {
            var left = bucket.Quantity;
            foreach (var pack in byExpiry)
            {
                if (!PackAllocatorGuards.CoversWhole(pack, bucket, calendar) || left == 0) continue;
                var period = pack.PeriodKey(bucket.StartUtc, calendar);
                var key = (pack.PackId, period);
                var before = available.TryGetValue(key, out var known) ? known : pack.AvailableIn(period);
                var take = Math.Min(before, left);
                if (take == 0) continue;
                available[key] = before - take;
                left -= take;
                deductions.Add(new PackDeduction(pack.PackId, take, before, before - take, bucket.StartUtc,
                    bucket.EndUtc, pack.Cycle == PackCycle.None ? null : period));
            }
            if (left > 0) payAsYouGo.Add(bucket with { Quantity = left });
        }
        return new PackAllocation(deductions, payAsYouGo);
    }
}
