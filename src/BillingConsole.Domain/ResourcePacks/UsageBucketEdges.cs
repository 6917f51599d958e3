using BillingConsole.Domain.Common;

namespace BillingConsole.Domain.ResourcePacks;

/// <summary>Bucket edges the caller should count usage between, so that no bucket straddles a pack boundary.</summary>
public static class UsageBucketEdges
{
    /// <summary>
    /// Sorted, distinct edges from <paramref name="fromUtc"/> to <paramref name="toUtc"/> (both included): every
    /// local hour start in between (which also covers month starts for cyclic packs) plus every effective, expiry
    /// and unsubscribe time of the packs that falls strictly inside. Consecutive edges form the buckets.
    /// </summary>
    public static IReadOnlyList<DateTime> Between(
        DateTime fromUtc, DateTime toUtc, IEnumerable<PackSnapshot> packs, BillingCalendar calendar)
    {
        if (toUtc <= fromUtc) throw new ArgumentException("The range is empty or reversed.", nameof(toUtc));
        var edges = new SortedSet<DateTime> { fromUtc, toUtc };
        for (var hour = calendar.HourStartUtc(fromUtc); hour < toUtc; hour = calendar.HourStartUtc(hour.AddHours(1)))
        {
            if (hour > fromUtc) edges.Add(hour);
        }
        foreach (var pack in packs)
        {
            foreach (var edge in new DateTime?[] { pack.EffectiveAtUtc, pack.ExpiresAtUtc, pack.UnsubscribedAtUtc })
            {
                if (edge is { } e && e > fromUtc && e < toUtc) edges.Add(e);
            }
        }
        return edges.ToList();
    }

    /// <summary>Turns edges into empty buckets; the caller fills in each bucket's counted quantity.</summary>
    public static IReadOnlyList<(DateTime StartUtc, DateTime EndUtc)> Ranges(IReadOnlyList<DateTime> edges) =>
        edges.Zip(edges.Skip(1), (start, end) => (start, end)).ToList();
}
