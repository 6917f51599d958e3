using BillingConsole.Domain.Pricing;
using BillingConsole.Domain.QuotaAlerts;

namespace BillingConsole.Domain.Tests.QuotaAlerts;

public sealed class QuotaAlertEngineTests
{
    private const string Rp = "RP_CALLS";
    private const string Msg = "IOT_MESSAGES";

    [Fact]
    public void A3_RatioEqualToThreshold_Fires()
    {
        var s = new AlertScenario().Holds(Rp, PackCycle.None, remaining: 300, total: 1000);

        var alert = Assert.Single(s.Evaluate());

        Assert.Equal(QuotaAlertKind.Ratio, alert.Kind);
        Assert.Equal(30.00m, alert.RatioPercent);
        Assert.Equal(30, alert.ThresholdPercent);
    }

    [Fact]
    public void A3_RatioJustAboveThreshold_DoesNotFire()
    {
        var s = new AlertScenario().Holds(Rp, PackCycle.None, remaining: 3001, total: 10000);

        Assert.Empty(s.Evaluate());
    }

    [Fact]
    public void A3_RatioIsOverAllPacksOfTheType_AndRecordsWhatItSaw()
    {
        var s = new AlertScenario().Holds(Rp, PackCycle.None, remaining: 1, total: 3);
        s.Configure(Rp, true, 34);

        var alert = Assert.Single(s.Evaluate(QuotaAlertTrigger.Expiry));

        Assert.Equal(33.34m, alert.RatioPercent);
        Assert.Equal((1L, 3L, 34), (alert.Remaining, alert.Total, alert.ThresholdPercent));
        Assert.Equal(QuotaAlertTrigger.Expiry, alert.Trigger);
        Assert.Equal(AlertScenario.Start, alert.AtUtc);
        Assert.Null(alert.Month);
        Assert.Equal($"{s.AccountId}:RP_CALLS:ratio:arm1:gen1", alert.OccurrenceKey);
    }

    [Fact]
    public void A4_NonCyclic_FiresOnceWhileHoldingLasts()
    {
        var s = new AlertScenario().Holds(Rp, PackCycle.None, remaining: 250, total: 1000);

        var first = s.Evaluate();
        var later = s.Remaining(Rp, 100).Evaluate(QuotaAlertTrigger.Sweep, AlertScenario.Start.AddMonths(2));

        Assert.Single(first);
        Assert.Empty(later);
    }

    [Fact]
    public void A4_NonCyclic_RearmedByPurchase()
    {
        var s = new AlertScenario().Holds(Rp, PackCycle.None, remaining: 200, total: 1000, armEpoch: 1000);
        s.Evaluate();

        var afterPurchase = s.Grows(Rp, 100).Evaluate(QuotaAlertTrigger.Purchase);
        var afterNextDeduction = s.Remaining(Rp, 250).Evaluate();

        var alert = Assert.Single(afterPurchase);
        Assert.Equal($"{s.AccountId}:RP_CALLS:ratio:arm1100:gen0", alert.OccurrenceKey);
        Assert.Empty(afterNextDeduction);
    }

    [Fact]
    public void A4_Exhaustion_FiresOnceAtZero()
    {
        var s = new AlertScenario().Holds(Rp, PackCycle.None, remaining: 100, total: 1000);
        Assert.Equal(QuotaAlertKind.Ratio, Assert.Single(s.Evaluate()).Kind);

        var atZero = s.Remaining(Rp, 0).Evaluate();
        var again = s.Evaluate(QuotaAlertTrigger.Sweep);

        var alert = Assert.Single(atZero);
        Assert.Equal(QuotaAlertKind.Exhausted, alert.Kind);
        Assert.Equal(0.00m, alert.RatioPercent);
        Assert.EndsWith(":exhausted:arm1:gen0", alert.OccurrenceKey);
        Assert.Empty(again);
    }

    [Fact]
    public void A4_Exhaustion_StraightFromAboveThreshold_FiresBothThresholds()
    {
        var s = new AlertScenario().Holds(Rp, PackCycle.None, remaining: 0, total: 100);

        var alerts = s.Evaluate();

        Assert.Equal([QuotaAlertKind.Ratio, QuotaAlertKind.Exhausted], alerts.Select(a => a.Kind));
    }

    [Fact]
    public void A4_ChangingThreshold_Rearms()
    {
        var s = new AlertScenario().Holds(Rp, PackCycle.None, remaining: 250, total: 1000);
        s.Evaluate();

        var lowered = s.Configure(Rp, true, 20).Evaluate(QuotaAlertTrigger.SettingChanged);
        var crossedNew = s.Remaining(Rp, 200).Evaluate();
        var raised = s.Configure(Rp, true, 50).Evaluate(QuotaAlertTrigger.SettingChanged);

        Assert.Empty(lowered);
        Assert.Equal(20, Assert.Single(crossedNew).ThresholdPercent);
        Assert.Equal(50, Assert.Single(raised).ThresholdPercent);
    }

    [Fact]
    public void A4_AlreadyBelowWhenEnabled_FiresAtNextEvaluation()
    {
        var s = new AlertScenario().Holds(Rp, PackCycle.None, remaining: 50, total: 1000).Configure(Rp, false, 30);
        Assert.Empty(s.Evaluate());

        var alerts = s.Configure(Rp, true, 30).Evaluate(QuotaAlertTrigger.SettingChanged);

        Assert.Equal(QuotaAlertKind.Ratio, Assert.Single(alerts).Kind);
    }

    [Fact]
    public void A4_HeldTypeWithoutStoredSetting_UsesDefault30()
    {
        var s = new AlertScenario().Holds(Rp, PackCycle.None, remaining: 299, total: 1000);

        var alert = Assert.Single(s.Evaluate());

        Assert.Equal(30, alert.ThresholdPercent);
        Assert.EndsWith(":gen0", alert.OccurrenceKey);
    }

    [Fact]
    public void A4_Disabled_FiresNothing()
    {
        var s = new AlertScenario().Holds(Rp, PackCycle.None, remaining: 0, total: 1000).Configure(Rp, false, 30);

        Assert.Empty(s.Evaluate());
    }

    [Theory]
    [InlineData(PackCycle.None, 0L, 0L)]
    [InlineData(PackCycle.Monthly, 0L, 0L)]
    [InlineData(PackCycle.Hourly, 0L, 100L)]
    public void A1_HourlyTypesNotSupported_AndEmptyHoldingsFireNothing(PackCycle cycle, long remaining, long total)
    {
        var s = new AlertScenario().Holds("ANY", cycle, remaining, total);

        Assert.Empty(s.Evaluate(QuotaAlertTrigger.Expiry));
    }

    [Fact]
    public void A4_Monthly_FiresAgainNextMonth_NotTwiceInOne()
    {
        var november = new DateTime(2026, 11, 30, 15, 59, 59, DateTimeKind.Utc);
        var decemberInShanghai = new DateTime(2026, 11, 30, 16, 0, 0, DateTimeKind.Utc);
        var s = new AlertScenario().Holds(Msg, PackCycle.Monthly, remaining: 100, total: 1000, armEpoch: 7);

        var first = s.Evaluate(now: november.AddDays(-20));
        var sameMonth = s.Grows(Msg, 5000).Remaining(Msg, 10).Evaluate(now: november);
        var nextMonth = s.Evaluate(now: decemberInShanghai);
        var sameMonthAgain = s.Evaluate(QuotaAlertTrigger.Sweep, decemberInShanghai.AddDays(30).AddHours(-1));

        Assert.Equal($"{s.AccountId}:IOT_MESSAGES:ratio:2026-11", Assert.Single(first).OccurrenceKey);
        Assert.Empty(sameMonth);
        var december = Assert.Single(nextMonth);
        Assert.Equal($"{s.AccountId}:IOT_MESSAGES:ratio:2026-12", december.OccurrenceKey);
        Assert.Equal(new DateOnly(2026, 12, 1), december.Month);
        Assert.Empty(sameMonthAgain);
    }

    [Fact]
    public void A4_Monthly_ExhaustionOncePerMonth()
    {
        var s = new AlertScenario().Holds(Msg, PackCycle.Monthly, remaining: 0, total: 1000);

        var november = s.Evaluate(now: new DateTime(2026, 11, 5, 0, 0, 0, DateTimeKind.Utc));
        var againInNovember = s.Evaluate(now: new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc));
        var december = s.Evaluate(now: new DateTime(2026, 12, 5, 0, 0, 0, DateTimeKind.Utc));

        Assert.Contains(november, a => a.OccurrenceKey.EndsWith(":exhausted:2026-11", StringComparison.Ordinal));
        Assert.Empty(againInNovember);
        Assert.Equal(2, december.Count);
    }

    [Fact]
    public void A4_InconsistentHolding_IsABug()
    {
        var s = new AlertScenario().Holds(Rp, PackCycle.None, remaining: 11, total: 10);

        Assert.Throws<ArgumentOutOfRangeException>(() => s.Evaluate());
    }
}
