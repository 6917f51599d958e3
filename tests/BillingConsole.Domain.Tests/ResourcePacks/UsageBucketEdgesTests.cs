using BillingConsole.Domain.ResourcePacks;
using static BillingConsole.Domain.Tests.ResourcePacks.PackBuilder;

namespace BillingConsole.Domain.Tests.ResourcePacks;

public sealed class UsageBucketEdgesTests
{
    [Fact]
    public void Between_PackExpiresMidHour_AddsTheExpiryBetweenHourEdges()
    {
        var expiry = DayStartUtc.AddHours(9).AddMinutes(30);
        var pack = Snapshot(DayStartUtc.AddDays(-3), expiry, 10);

        var edges = UsageBucketEdges.Between(DayStartUtc, DayStartUtc.AddDays(1), [pack], Calendar);

        Assert.Equal(26, edges.Count);
        Assert.Contains(expiry, edges);
        Assert.Equal(edges.Order(), edges);
    }

    [Fact]
    public void Between_EdgesFromTheHelper_AreAcceptedByTheAllocator()
    {
        var pack = Snapshot(DayStartUtc.AddMinutes(75), DayStartUtc.AddMinutes(200), 10);
        var edges = UsageBucketEdges.Between(DayStartUtc, DayStartUtc.AddDays(1), [pack], Calendar);
        var buckets = UsageBucketEdges.Ranges(edges).Select(r => new UsageBucket(r.StartUtc, r.EndUtc, 1)).ToList();

        var result = PackAllocator.Allocate(buckets, [pack], Calendar);

        Assert.Equal(buckets.Count, result.DeductedQuantity + result.PayAsYouGoQuantity);
        Assert.Equal(3, result.DeductedQuantity);
    }
}
