using BillingConsole.Domain.Common;
using BillingConsole.Domain.Payments;

namespace BillingConsole.Domain.Tests.Payments;

public sealed class RechargeTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void R1_GatewayMethodWithoutAcknowledgement_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => Recharge.Create(Guid.NewGuid(), Money.Yuan(10m), RechargeMethod.Alipay, false, Now));
        Assert.Throws<ArgumentOutOfRangeException>(() => Recharge.Create(Guid.NewGuid(), Money.Yuan(0.001m), RechargeMethod.Offline, false, Now));
    }

    [Fact]
    public void R2_WrongAmountOrCancelledOrder_DoesNotSucceed()
    {
        var wrong = Recharge.Create(Guid.NewGuid(), Money.Yuan(100m), RechargeMethod.Alipay, true, Now);
        var cancelled = Recharge.Create(Guid.NewGuid(), Money.Yuan(100m), RechargeMethod.Bank, true, Now);
        cancelled.Cancel(Now);

        Assert.Equal(ResultStatus.Invalid, wrong.SucceedByGateway(Money.Yuan(99.99m), "T1", Now).Status);
        Assert.Equal(ResultStatus.Conflict, cancelled.SucceedByGateway(Money.Yuan(100m), "T2", Now).Status);
        Assert.Equal(RechargeStatus.Pending, wrong.Status);
        Assert.Equal(RechargeStatus.Cancelled, cancelled.Status);
    }

    [Fact]
    public void R3_Remittance_CreditsTheAmountReceived_OnlyOnce()
    {
        var r = Recharge.Create(Guid.NewGuid(), Money.Yuan(100m), RechargeMethod.Offline, false, Now);

        var first = r.ConfirmRemittance(Money.Yuan(99.5m), "staff", Now);
        var second = r.ConfirmRemittance(Money.Yuan(100m), "staff", Now);

        Assert.True(first.IsOk);
        Assert.Equal(ResultStatus.Conflict, second.Status);
        Assert.Equal(Money.Yuan(99.5m), r.CreditedAmount);
        Assert.Equal("recharge:" + r.Id, r.LedgerKey);
    }

    [Fact]
    public void Withdrawal_SecondDecision_IsRefused()
    {
        var w = Withdrawal.Request(Guid.NewGuid(), Money.Yuan(10m),
            [new WithdrawalLine(WithdrawalRoute.BankTransfer, null, Money.Yuan(10m))], "owner", Now);

        Assert.True(w.Approve("staff", Now).IsOk);
        Assert.Equal(ResultStatus.Conflict, w.Reject("staff", null, Now).Status);
        Assert.Equal(WithdrawalStatus.Approved, w.Status);
    }
}
