using BillingConsole.Domain.Common;
using BillingConsole.Domain.ResourcePacks;
using static BillingConsole.Domain.Tests.ResourcePacks.PackBuilder;

namespace BillingConsole.Domain.Tests.ResourcePacks;

public sealed class ResourcePackLifecycleTests
{
    private static readonly DateTime Bought = Utc(2025, 1, 20, 3);
    private static readonly DateTime March = Calendar.MonthStartUtc(new DateOnly(2025, 3, 1));

    [Fact]
    public void P10_Unsubscribe_UnusedWithinFiveDays_RefundsWhatWasPaid()
    {
        var pack = Pack(Rp1k, Bought);

        var refund = pack.Unsubscribe(Bought.AddDays(5).AddSeconds(-1), unsettledCoveredUsage: 0);

        Assert.Equal(Money.Yuan(200m), refund.Value);
        Assert.Equal(PackStatus.Unsubscribed, pack.Status);
        Assert.Equal(Bought.AddDays(5).AddSeconds(-1), pack.UnsubscribedAtUtc);
    }

    [Fact]
    public void P10_Unsubscribe_TrialPack_RefundsNothing()
    {
        var pack = Pack(RpTrial, Bought, PackOrigin.Trial);

        Assert.Equal(Money.Zero, pack.Unsubscribe(Bought.AddDays(1), 0).Value);
    }

    [Theory]
    [InlineData(5 * 24, 0, 0)]
    [InlineData(1, 1, 0)]
    [InlineData(1, 0, 3)]
    public void P10_Unsubscribe_LateUsedOrWithUnsettledUsage_IsRefused(int hoursAfter, int deducted, int unsettled)
    {
        var pack = Pack(Rp1k, Bought);
        if (deducted > 0) pack.Deduct(deducted, Bought.AddMinutes(1), Calendar);

        var result = pack.Unsubscribe(Bought.AddHours(hoursAfter), unsettled);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.NotEqual(PackStatus.Unsubscribed, pack.Status);
    }

    [Fact]
    public void P10_Unsubscribe_Twice_IsConflict()
    {
        var pack = Pack(Rp1k, Bought);
        pack.Unsubscribe(Bought.AddDays(1), 0);

        Assert.Equal(ResultStatus.Conflict, pack.Unsubscribe(Bought.AddDays(2), 0).Status);
    }

    [Fact]
    public void P11_Expire_BeforeExpiry_IsInvalid()
    {
        var pack = Pack(Rp1k, Bought);

        Assert.Equal(ResultStatus.Invalid, pack.Expire(pack.ExpiresAtUtc.AddSeconds(-1)).Status);
    }

    [Fact]
    public void P11_Expire_RemainingLapsesButEarlierUsageIsStillDeducted()
    {
        var pack = Pack(Rp1k, Bought);

        var lapsed = pack.Expire(pack.ExpiresAtUtc);
        var before = pack.Deduct(10, pack.ExpiresAtUtc.AddSeconds(-1), Calendar);
        var after = pack.Deduct(10, pack.ExpiresAtUtc, Calendar);

        Assert.Equal(1_000, lapsed.Value);
        Assert.Equal((PackStatus.Expired, 990L), (pack.Status, before.Value));
        Assert.Equal(ResultStatus.Invalid, after.Status);
    }

    [Fact]
    public void P6_ResetCycle_NewMonth_RestoresAllowanceWithoutRollover()
    {
        var pack = Pack(Msg1k, Bought);
        pack.Deduct(400, Bought.AddDays(1), Calendar);

        var remaining = pack.ResetCycle(Calendar.MonthStartUtc(new DateOnly(2025, 2, 1)));

        Assert.Equal(1_000, remaining.Value);
        Assert.Equal(1_000, pack.Total);
    }

    [Fact]
    public void P6_Deduct_InALaterMonth_StartsThatMonthFirst()
    {
        var pack = Pack(Msg1k, Bought);
        pack.Deduct(900, Bought.AddDays(1), Calendar);

        var remaining = pack.Deduct(5, March.AddHours(1), Calendar);

        Assert.Equal(995, remaining.Value);
        Assert.Equal(March, pack.PeriodStartUtc);
    }

    [Fact]
    public void P6_Deduct_LateUsageOfAnEarlierMonth_LeavesThisMonthsRemaining()
    {
        var pack = Pack(Msg1k, Bought);
        pack.ResetCycle(March);

        var remaining = pack.Deduct(50, March.AddHours(-1), Calendar);

        Assert.Equal(1_000, remaining.Value);
        Assert.Equal(50, pack.ConsumedTotal);
    }

    [Fact]
    public void P7_HourlyPack_StartsInThePurchaseHourWithFullAllowance()
    {
        var pack = Pack(Storage10, Bought.AddMinutes(42));

        pack.Deduct(10, Bought.AddMinutes(50), Calendar);
        var nextHour = pack.Deduct(3, Bought.AddHours(1), Calendar);

        Assert.Equal(7, nextHour.Value);
        Assert.Equal(Bought.AddHours(1), pack.PeriodStartUtc);
    }

    [Fact]
    public void P6_ResetCycle_OnANonCyclicPack_Throws()
    {
        var pack = Pack(Rp1k, Bought);

        Assert.Throws<InvalidOperationException>(() => pack.ResetCycle(March));
    }
}
