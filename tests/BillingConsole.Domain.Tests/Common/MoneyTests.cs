using CsCheck;
using BillingConsole.Domain.Common;

namespace BillingConsole.Domain.Tests.Common;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("1.274", "1.27", "0.004")]
    [InlineData("0.042", "0.04", "0.002")]
    [InlineData("0.006", "0.00", "0.006")]
    [InlineData("12.00", "12.00", "0.00")]
    [InlineData("0.0099", "0.00", "0.0099")]
    public void RoundDownToFen_B2Examples_PayableAndDiscount(string gross, string payable, string discount)
    {
        var g = Money.Yuan(decimal.Parse(gross, System.Globalization.CultureInfo.InvariantCulture));

        var p = g.RoundDownToFen();

        Assert.Equal(payable, p.ToFenString());
        Assert.Equal(discount, (g - p).ToExactString());
    }

    [Fact]
    public void Multiply_SevenFvCalls_IsExact()
    {
        var gross = Money.Yuan(0.182m) * 7;

        Assert.Equal(1.274m, gross.Amount);
        Assert.Equal("1.274", gross.ToExactString());
    }

    [Fact]
    public void Units_RoundTripsThroughTenThousandths()
    {
        var m = Money.Yuan(-12.3456m);

        Assert.Equal(-123456L, m.Units);
        Assert.Equal(m, Money.FromUnits(m.Units));
    }

    [Fact]
    public void Constructor_MoreThanFourDecimals_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Money.Yuan(0.00001m));
    }

    [Theory]
    [InlineData("100", 2, true)]
    [InlineData("100.5", 2, true)]
    [InlineData("100.55", 2, true)]
    [InlineData("100.555", 2, false)]
    [InlineData("1e3", 2, false)]
    [InlineData("1,000", 2, false)]
    [InlineData("", 2, false)]
    [InlineData("abc", 2, false)]
    public void TryParse_AcceptsPlainDecimalsOnly(string text, int maxDecimals, bool ok)
    {
        Assert.Equal(ok, Money.TryParse(text, maxDecimals, out _));
    }

    [Fact]
    public void RoundDown_Property_PayablePlusDiscountIsGrossAndDiscountBelowOneFen()
    {
        Gen.Long[0, 10_000_000_000L].Sample(units =>
        {
            var gross = Money.FromUnits(units);
            var payable = gross.RoundDownToFen();
            var discount = gross - payable;
            return payable.IsWholeFen && discount >= Money.Zero && discount < Money.Yuan(0.01m)
                   && payable + discount == gross;
        });
    }

    [Fact]
    public void ToExactString_UsesAtLeastTwoDecimals()
    {
        Assert.Equal("1.00", Money.Yuan(1m).ToExactString());
        Assert.Equal("0.182", Money.Yuan(0.182m).ToExactString());
        Assert.Equal("0.0006", Money.Yuan(0.0006m).ToExactString());
    }
}
