using BillingConsole.Domain.Common;
using BillingConsole.Domain.Payments;

namespace BillingConsole.Domain.Tests.Payments;

public sealed class WithdrawalSplitTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 2, 0, 0, DateTimeKind.Utc);

    private static RefundableRecharge R(RechargeMethod method, int daysAgo, decimal credited, decimal refunded = 0m) =>
        new(Guid.NewGuid(), method, Now.AddDays(-daysAgo), Money.Yuan(credited), Money.Yuan(refunded));

    [Fact]
    public void R5_RecentAlipayMoney_GoesBackByOriginalRoute_RestByBankTransfer()
    {
        var alipay = R(RechargeMethod.Alipay, 10, 100m);

        var lines = WithdrawalSplit.Compute(Money.Yuan(150m), [alipay], Now);

        Assert.Equal(2, lines.Count);
        Assert.Equal((WithdrawalRoute.OriginalRoute, alipay.RechargeId, Money.Yuan(100m)), (lines[0].Route, lines[0].RechargeId, lines[0].Amount));
        Assert.Equal((WithdrawalRoute.BankTransfer, (Guid?)null, Money.Yuan(50m)), (lines[1].Route, lines[1].RechargeId, lines[1].Amount));
    }

    [Fact]
    public void R5_RechargesOlderThanThreeMonthsAndOffline_GoByBankTransfer()
    {
        var old = R(RechargeMethod.Bank, 95, 100m);
        var offline = R(RechargeMethod.Offline, 1, 100m);

        var lines = WithdrawalSplit.Compute(Money.Yuan(80m), [old, offline], Now);

        var line = Assert.Single(lines);
        Assert.Equal(WithdrawalRoute.BankTransfer, line.Route);
        Assert.Equal(Money.Yuan(80m), line.Amount);
    }

    [Fact]
    public void R5_NewestRechargeFirst_AndAlreadyRefundedPartsSkipped()
    {
        var older = R(RechargeMethod.Alipay, 20, 100m);
        var newer = R(RechargeMethod.Bank, 5, 60m, refunded: 50m);

        var lines = WithdrawalSplit.Compute(Money.Yuan(40m), [older, newer], Now);

        Assert.Equal([newer.RechargeId, older.RechargeId], lines.Select(l => l.RechargeId!.Value));
        Assert.Equal([Money.Yuan(10m), Money.Yuan(30m)], lines.Select(l => l.Amount));
    }

    [Fact]
    public void Split_AlwaysAddsUpToTheAmount()
    {
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var recharges = Enumerable.Range(0, random.Next(0, 5)).Select(_ => R((RechargeMethod)random.Next(3),
                random.Next(0, 200), random.Next(1, 10_000) / 100m)).ToList();
            var amount = Money.Yuan(random.Next(1, 20_000) / 100m);

            var lines = WithdrawalSplit.Compute(amount, recharges, Now);

            Assert.Equal(amount, lines.Aggregate(Money.Zero, (s, l) => s + l.Amount));
            Assert.All(lines, l => Assert.True(l.Amount.IsPositive));
        }
    }
}
