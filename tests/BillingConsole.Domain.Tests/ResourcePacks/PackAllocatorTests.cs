using BillingConsole.Domain.Pricing;
using BillingConsole.Domain.ResourcePacks;
using static BillingConsole.Domain.Tests.ResourcePacks.PackBuilder;

namespace BillingConsole.Domain.Tests.ResourcePacks;

public sealed class PackAllocatorTests
{
    private static readonly DateTime D = DayStartUtc;

    [Fact]
    public void P4_DeductsEarliestExpiringPackFirst()
    {
        var late = Snapshot(D.AddDays(-30), D.AddDays(300), 100);
        var early = Snapshot(D.AddDays(-10), D.AddDays(20), 100);

        var result = PackAllocator.Allocate([Hour(9, 30)], [late, early], Calendar);

        var d = Assert.Single(result.Deductions);
        Assert.Equal(early.PackId, d.PackId);
        Assert.Equal(0, result.PayAsYouGoQuantity);
    }

    [Fact]
    public void P4_SameExpiry_EarlierEffectiveThenEarlierPurchaseFirst()
    {
        var expiry = D.AddDays(100);
        var laterEffective = Snapshot(D.AddDays(-5), expiry, 10);
        var earlierPurchase = Snapshot(D.AddDays(-9), expiry, 10, purchased: D.AddDays(-12));
        var laterPurchase = Snapshot(D.AddDays(-9), expiry, 10, purchased: D.AddDays(-11));

        var result = PackAllocator.Allocate([Hour(1, 25)], [laterEffective, laterPurchase, earlierPurchase], Calendar);

        Assert.Equal([earlierPurchase.PackId, laterPurchase.PackId, laterEffective.PackId], result.Deductions.Select(d => d.PackId));
        Assert.Equal([10L, 10L, 5L], result.Deductions.Select(d => d.Quantity));
    }

    [Fact]
    public void P4_UsageBeforeEffectiveOrAfterUnsubscribe_IsPayAsYouGo()
    {
        var pack = Snapshot(D.AddHours(10), D.AddDays(300), 100, unsubscribed: D.AddHours(14));

        var result = PackAllocator.Allocate([Hour(9, 4), Hour(10, 5), Hour(13, 6), Hour(14, 7)], [pack], Calendar);

        Assert.Equal(11, result.DeductedQuantity);
        Assert.Equal([D.AddHours(9), D.AddHours(14)], result.PayAsYouGo.Select(b => b.StartUtc));
        Assert.Equal(11, result.PayAsYouGoQuantity);
    }

    [Fact]
    public void P4_FirstPackRunsOut_SpillsToNextThenPayAsYouGo()
    {
        var first = Snapshot(D.AddDays(-1), D.AddDays(10), 3);
        var second = Snapshot(D.AddDays(-1), D.AddDays(20), 4);

        var result = PackAllocator.Allocate([Hour(2, 5), Hour(3, 5)], [first, second], Calendar);

        Assert.Equal([(first.PackId, 3L), (second.PackId, 2L), (second.PackId, 2L)],
            result.Deductions.Select(d => (d.PackId, d.Quantity)));
        Assert.Equal(3, result.PayAsYouGoQuantity);
    }

    [Fact]
    public void P4_BucketsInAnyOrder_EarlierUsageTakesEarliestExpiringPackFirst()
    {
        var first = Snapshot(D.AddDays(-1), D.AddDays(10), 5);
        var second = Snapshot(D.AddDays(-1), D.AddDays(20), 5);

        var result = PackAllocator.Allocate([Hour(20, 5), Hour(3, 5)], [second, first], Calendar);

        Assert.Equal([(D.AddHours(3), first.PackId), (D.AddHours(20), second.PackId)],
            result.Deductions.Select(d => (d.UsageStartUtc, d.PackId)));
    }

    [Fact]
    public void P5_Deduction_RecordsPackUsageTimeAndRemainingBeforeAndAfter()
    {
        var pack = Snapshot(D.AddDays(-1), D.AddDays(10), 50);

        var result = PackAllocator.Allocate([Hour(8, 20), Hour(9, 20)], [pack], Calendar);

        Assert.Equal(
            [new PackDeduction(pack.PackId, 20, 50, 30, D.AddHours(8), D.AddHours(9), null),
             new PackDeduction(pack.PackId, 20, 30, 10, D.AddHours(9), D.AddHours(10), null)],
            result.Deductions);
    }

    [Fact]
    public void P11_ExpiredPackSettledLater_UsageBeforeExpiryIsDeductedFromRemainingAtExpiry()
    {
        var pack = Pack(Rp1k, Utc(2024, 3, 10, 5));
        Assert.True(pack.Expire(Utc(2025, 3, 11, 2)).IsOk);

        var result = PackAllocator.Allocate([Hour(12, 30), Hour(13, 30)], [PackSnapshot.Of(pack)], Calendar);

        var d = Assert.Single(result.Deductions);
        Assert.Equal((30L, 1_000L, D.AddHours(12)), (d.Quantity, d.RemainingBefore, d.UsageStartUtc));
        Assert.Equal(30, result.PayAsYouGoQuantity);
    }

    [Fact]
    public void Allocate_BucketStraddlesPackExpiry_ThrowsAndNamesTheEdge()
    {
        var pack = Snapshot(D.AddDays(-1), D.AddHours(9).AddMinutes(30), 50);

        var error = Assert.Throws<ArgumentException>(() => PackAllocator.Allocate([Hour(9, 1)], [pack], Calendar));

        Assert.Contains("straddles", error.Message);
    }

    [Fact]
    public void Allocate_OverlappingBuckets_Throws()
    {
        var buckets = new[] { Hour(9, 1), new UsageBucket(D.AddHours(9).AddMinutes(30), D.AddHours(11), 1) };

        Assert.Throws<ArgumentException>(() => PackAllocator.Allocate(buckets, [], Calendar));
    }

    [Fact]
    public void P7_HourlyPack_AllowanceIsPerHourAndDoesNotCarryOver()
    {
        var pack = Snapshot(D.AddDays(-1), D.AddDays(30), 0) with
        {
            Cycle = PackCycle.Hourly, Allowance = 10, UsedByPeriodUtc = new Dictionary<DateTime, long> { [D.AddHours(3)] = 8 },
        };

        var result = PackAllocator.Allocate([Hour(2, 4), Hour(3, 4), Hour(4, 15)], [pack], Calendar);

        Assert.Equal([4L, 2L, 10L], result.Deductions.Select(d => d.Quantity));
        Assert.Equal([D.AddHours(2), D.AddHours(3), D.AddHours(4)], result.Deductions.Select(d => d.PeriodStartUtc!.Value));
        Assert.Equal(2 + 5, result.PayAsYouGoQuantity);
    }

    [Fact]
    public void P7_BucketSpanningTwoHoursOfAnHourlyPack_Throws()
    {
        var pack = Snapshot(D.AddDays(-1), D.AddDays(30), 0) with { Cycle = PackCycle.Hourly, Allowance = 10 };

        Assert.Throws<ArgumentException>(() =>
            PackAllocator.Allocate([new UsageBucket(D.AddHours(1), D.AddHours(3), 5)], [pack], Calendar));
    }

    [Fact]
    public void P6_MonthlyPackSettledAfterReset_UsesThePreviousMonthsRecordedUsage()
    {
        var pack = Pack(Msg1k, Utc(2025, 1, 20));
        Assert.True(pack.Deduct(100, Utc(2025, 3, 2), Calendar).IsOk);
        var february = Calendar.MonthStartUtc(new DateOnly(2025, 2, 1));
        var snapshot = PackSnapshot.Of(pack, new Dictionary<DateTime, long> { [february] = 990 });
        var lastHourOfFebruary = new UsageBucket(february.AddDays(28).AddHours(-1), february.AddDays(28), 25);

        var result = PackAllocator.Allocate([lastHourOfFebruary], [snapshot], Calendar);

        var d = Assert.Single(result.Deductions);
        Assert.Equal((10L, 10L, 0L, february), (d.Quantity, d.RemainingBefore, d.RemainingAfter, d.PeriodStartUtc!.Value));
        Assert.Equal(15, result.PayAsYouGoQuantity);
    }
}
