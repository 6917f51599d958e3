using BillingConsole.Domain.Common;
using BillingConsole.Domain.QuotaAlerts;

namespace BillingConsole.Domain.Tests.QuotaAlerts;

public sealed class LowBalanceAlertRuleTests
{
    private static readonly DateTime Now = new(2026, 11, 10, 2, 0, 0, DateTimeKind.Utc);
    private static readonly Guid AccountId = Guid.Parse("5d0e6a51-8a8f-4a52-b8a6-0c1f3e2d9b47");

    private static LowBalanceAlertRule RuleAt(decimal amount)
    {
        var rule = LowBalanceAlertRule.CreateDefault(AccountId, Now);
        Assert.True(rule.Configure(true, Money.Yuan(amount), Now).IsOk);
        return rule;
    }

    [Fact]
    public void A6_OffByDefault_FiresNothing()
    {
        var rule = LowBalanceAlertRule.CreateDefault(AccountId, Now);

        var alert = rule.Observe(BalanceMovement.Bill, Money.Yuan(-50m), Now);

        Assert.False(rule.Enabled);
        Assert.Null(alert);
    }

    [Fact]
    public void A6_LowBalance_OncePerDip()
    {
        var rule = RuleAt(100m);

        var dip = rule.Observe(BalanceMovement.Bill, Money.Yuan(80m), Now);
        var deeper = rule.Observe(BalanceMovement.Purchase, Money.Yuan(20m), Now.AddDays(1));
        var lifted = rule.Observe(BalanceMovement.Recharge, Money.Yuan(120m), Now.AddDays(2));
        var secondDip = rule.Observe(BalanceMovement.Purchase, Money.Yuan(99.99m), Now.AddDays(3));

        Assert.NotNull(dip);
        Assert.Equal(Money.Yuan(80m), dip.Balance);
        Assert.Equal(BalanceMovement.Bill, dip.Cause);
        Assert.Null(deeper);
        Assert.Null(lifted);
        Assert.NotNull(secondDip);
        Assert.NotEqual(dip.OccurrenceKey, secondDip.OccurrenceKey);
        Assert.Equal($"{AccountId}:lowbalance:arm{rule.ArmCount}", secondDip.OccurrenceKey);
    }

    [Fact]
    public void A6_RechargeStillBelowAmount_DoesNotRearm()
    {
        var rule = RuleAt(100m);
        rule.Observe(BalanceMovement.Bill, Money.Yuan(10m), Now);

        rule.Observe(BalanceMovement.Recharge, Money.Yuan(99.99m), Now);
        var next = rule.Observe(BalanceMovement.Bill, Money.Yuan(90m), Now);

        Assert.Null(next);
    }

    [Fact]
    public void A6_RechargeExactlyToAmount_Rearms()
    {
        var rule = RuleAt(100m);
        rule.Observe(BalanceMovement.Bill, Money.Yuan(10m), Now);

        rule.Observe(BalanceMovement.Recharge, Money.Yuan(100m), Now);
        var next = rule.Observe(BalanceMovement.Bill, Money.Yuan(90m), Now);

        Assert.NotNull(next);
    }

    [Theory]
    [InlineData(BalanceMovement.Refund)]
    [InlineData(BalanceMovement.Withdrawal)]
    [InlineData(BalanceMovement.Adjustment)]
    public void A6_OnlyBillOrPurchaseFires(BalanceMovement movement)
    {
        var rule = RuleAt(100m);

        var alert = rule.Observe(movement, Money.Yuan(5m), Now);
        var bill = rule.Observe(BalanceMovement.Bill, Money.Yuan(4m), Now);

        Assert.Null(alert);
        Assert.NotNull(bill);
    }

    [Fact]
    public void A6_ChangingAmount_Rearms()
    {
        var rule = RuleAt(100m);
        var first = rule.Observe(BalanceMovement.Bill, Money.Yuan(50m), Now);

        rule.Configure(true, Money.Yuan(60m), Now);
        var afterChange = rule.Observe(BalanceMovement.Bill, Money.Yuan(40m), Now);

        Assert.NotNull(first);
        Assert.NotNull(afterChange);
        Assert.NotEqual(first.OccurrenceKey, afterChange.OccurrenceKey);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(10.001)]
    public void A6_InvalidAmount_Refused(decimal amount)
    {
        var rule = LowBalanceAlertRule.CreateDefault(AccountId, Now);

        var result = rule.Configure(true, Money.Yuan(amount), Now);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.True(result.FieldErrors.ContainsKey(nameof(LowBalanceAlertRule.Threshold)));
        Assert.False(rule.Enabled);
    }

    [Fact]
    public void A6_Disable_KeepsAmountAndFiresNothing()
    {
        var rule = RuleAt(100m);

        Assert.True(rule.Configure(false, Money.Zero, Now).IsOk);
        var alert = rule.Observe(BalanceMovement.Bill, Money.Yuan(1m), Now);

        Assert.Null(alert);
        Assert.Equal(Money.Yuan(100m), rule.Threshold);
    }
}
