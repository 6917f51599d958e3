using BillingConsole.Domain.Common;
using BillingConsole.Domain.Settlement;
using CsCheck;

namespace BillingConsole.Domain.Tests.Settlement;

public sealed class BillPaymentTests
{
    [Theory]
    [InlineData("10.00", "15.00", "-5.00", "10.00", "5.00")]
    [InlineData("-5.00", "3.00", "-8.00", "0.00", "3.00")]
    [InlineData("20.00", "15.00", "5.00", "15.00", "0.00")]
    [InlineData("15.00", "15.00", "0.00", "15.00", "0.00")]
    [InlineData("0.00", "2.50", "-2.50", "0.00", "2.50")]
    [InlineData("-5.00", "0.00", "-5.00", "0.00", "0.00")]
    public void B3_BalanceTakesThePayable_UncoveredPartIsOutstanding(
        string before, string payable, string after, string covered, string outstanding)
    {
        var settlement = BillPayment.Settle(Yuan(payable), Yuan(before));

        Assert.Equal(after, settlement.BalanceAfter.ToFenString());
        Assert.Equal(covered, settlement.CoveredByBalance.ToFenString());
        Assert.Equal(outstanding, settlement.OutstandingAmount.ToFenString());
        Assert.Equal(-Yuan(payable), settlement.LedgerAmount);
        Assert.Equal(outstanding == "0.00", settlement.IsFullyPaid);
    }

    [Theory]
    [InlineData("-0.01")]
    [InlineData("1.274")]
    public void B3_PayableNotWholeFenOrNegative_IsABug(string payable)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BillPayment.Settle(Yuan(payable), Yuan("10")));
    }

    [Fact]
    public void B3_Property_CoveredPlusOutstandingIsPayable()
    {
        Gen.Select(Gen.Int[0, 100_000], Gen.Int[-100_000, 100_000]).Sample(pair =>
        {
            var (payableFen, balanceFen) = pair;
            var s = BillPayment.Settle(Money.FromUnits(payableFen * 100L), Money.FromUnits(balanceFen * 100L));

            return s.CoveredByBalance + s.OutstandingAmount == s.PayableAmount
                && s.BalanceAfter == s.BalanceBefore + s.LedgerAmount
                && s.OutstandingAmount >= Money.Zero && s.CoveredByBalance >= Money.Zero
                && (s.OutstandingAmount.IsPositive == s.BalanceAfter.IsNegative || s.PayableAmount.IsZero);
        });
    }

    private static Money Yuan(string amount) =>
        Money.Yuan(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture));
}
