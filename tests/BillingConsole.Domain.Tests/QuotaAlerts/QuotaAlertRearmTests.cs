using BillingConsole.Domain.Pricing;
using BillingConsole.Domain.QuotaAlerts;

namespace BillingConsole.Domain.Tests.QuotaAlerts;

/// <summary>SPEC A4 (updated): what a save of the settings re-arms, and A5: the time an alert records.</summary>
public sealed class QuotaAlertRearmTests
{
    private const string Rp = "RP_CALLS";
    private const string Msg = "IOT_MESSAGES";

    [Theory]
    [InlineData(PackCycle.None)]
    [InlineData(PackCycle.Monthly)]
    public void A4_SaveWithoutChange_OrTogglingBackAndForth_RearmsNothing(PackCycle cycle)
    {
        var s = new AlertScenario().Holds(Rp, cycle, remaining: 0, total: 1000);
        Assert.Equal(2, s.Evaluate().Count);

        s.Configure(Rp, true, 30);
        var unchanged = s.Evaluate(QuotaAlertTrigger.SettingChanged);
        s.Configure(Rp, false, 30);
        var off = s.Evaluate(QuotaAlertTrigger.SettingChanged);
        s.Configure(Rp, true, 30);
        var onAgain = s.Evaluate(QuotaAlertTrigger.SettingChanged);

        Assert.Empty(unchanged);
        Assert.Empty(off);
        Assert.Empty(onAgain);
    }

    [Theory]
    [InlineData(PackCycle.None)]
    [InlineData(PackCycle.Monthly)]
    public void A4_ChangedRatio_RearmsThatRatioOnce_AtItsNewValue_NotExhaustion(PackCycle cycle)
    {
        var s = new AlertScenario().Holds(Rp, cycle, remaining: 0, total: 1000);
        s.Evaluate();

        var changed = s.Configure(Rp, true, 20).Evaluate(QuotaAlertTrigger.SettingChanged);
        var savedAgain = s.Configure(Rp, true, 20).Evaluate(QuotaAlertTrigger.SettingChanged);
        var nextDeduction = s.Evaluate();

        var alert = Assert.Single(changed);
        Assert.Equal((QuotaAlertKind.Ratio, 20), (alert.Kind, alert.ThresholdPercent));
        Assert.Equal(QuotaAlertTrigger.SettingChanged, alert.Trigger);
        Assert.Empty(savedAgain);
        Assert.Empty(nextDeduction);
    }

    [Fact]
    public void A4_RepeatedSaves_DoNotDoubleTheAlerts_4_8_16()
    {
        var s = new AlertScenario()
            .Holds(Rp, PackCycle.None, remaining: 0, total: 1000)
            .Holds(Msg, PackCycle.Monthly, remaining: 0, total: 1000);
        var fired = s.Evaluate().Count;

        for (var save = 0; save < 3; save++)
        {
            s.Configure(Rp, save % 2 == 1, 30).Configure(Msg, save % 2 == 1, 30);
            fired += s.Evaluate(QuotaAlertTrigger.SettingChanged).Count;
        }

        Assert.Equal(4, fired);
    }

    [Fact]
    public void A4_Exhaustion_RearmedOnlyByTheTotalGrowing()
    {
        var s = new AlertScenario().Holds(Rp, PackCycle.None, remaining: 0, total: 1000, armEpoch: 1000);
        s.Evaluate();
        s.Configure(Rp, true, 40).Evaluate(QuotaAlertTrigger.SettingChanged);

        var grown = s.Grows(Rp, 100).Remaining(Rp, 0).Evaluate(QuotaAlertTrigger.Deduction);

        Assert.Contains(grown, a => a.Kind == QuotaAlertKind.Exhausted);
    }

    [Fact]
    public void A5_AlertRecordsTheTimeOfTheDeduction_NotTheEvaluation()
    {
        var deductedAt = AlertScenario.Start.AddHours(-5);
        var alerts = QuotaAlertEngine.Evaluate(new QuotaAlertEvaluation
        {
            AccountId = Guid.NewGuid(),
            Settings = [],
            Holdings = [new PackTypeHolding(Rp, PackCycle.None, 0, 100, 1)],
            FiredOccurrenceKeys = [],
            Trigger = QuotaAlertTrigger.Deduction,
            NowUtc = AlertScenario.Start,
            EventAtUtc = deductedAt,
            Calendar = BillingConsole.Domain.Common.BillingCalendar.Shanghai,
        });

        Assert.All(alerts, a => Assert.Equal((deductedAt, QuotaAlertTrigger.Deduction), (a.AtUtc, a.Trigger)));
    }
}
