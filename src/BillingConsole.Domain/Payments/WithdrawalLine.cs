using BillingConsole.Domain.Common;

namespace BillingConsole.Domain.Payments;

/// <summary>One part of a withdrawal: a refund against one recharge, or the bank-transfer remainder.</summary>
public sealed class WithdrawalLine
{
    private WithdrawalLine()
    {
    }

    public WithdrawalLine(WithdrawalRoute route, Guid? rechargeId, Money amount)
    {
        Id = Guid.NewGuid();
        Route = route;
        RechargeId = rechargeId;
        AmountUnits = amount.Units;
    }

    public Guid Id { get; private set; }
    public Guid WithdrawalId { get; private set; }
    public WithdrawalRoute Route { get; private set; }
    /// <summary>The recharge refunded by the original route; null for the bank transfer.</summary>
    public Guid? RechargeId { get; private set; }
    public long AmountUnits { get; private set; }

    public Money Amount => Money.FromUnits(AmountUnits);
}
