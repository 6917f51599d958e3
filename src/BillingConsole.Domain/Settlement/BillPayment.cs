using BillingConsole.Domain.Common;

namespace BillingConsole.Domain.Settlement;

/// <summary>
/// SPEC B3: the whole payable is always taken from the balance (one ledger entry), even when that makes it
/// negative; what a non-negative balance did not cover is the bill's outstanding amount.
/// </summary>
public static class BillPayment
{
    /// <summary>
    /// Example: balance 10, payable 15 → balance −5, covered 10, outstanding 5. Balance already −5, payable 3 →
    /// balance −8, covered 0, outstanding 3.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The payable is negative or not whole fen (a bug).</exception>
    public static BillSettlement Settle(Money payable, Money balanceBefore)
    {
        if (payable.IsNegative || !payable.IsWholeFen)
        {
            throw new ArgumentOutOfRangeException(nameof(payable), payable, "A payable is whole fen and not negative.");
        }

        var covered = Money.Min(payable, Money.Max(balanceBefore, Money.Zero));
        return new BillSettlement
        {
            PayableAmount = payable,
            BalanceBefore = balanceBefore,
            BalanceAfter = balanceBefore - payable,
            CoveredByBalance = covered,
            OutstandingAmount = payable - covered,
        };
    }
}
