using BillingConsole.Domain.Common;
using BillingConsole.Domain.Settlement;
using CsCheck;

namespace BillingConsole.Domain.Tests.Settlement;

public sealed class BillCalculatorTests
{
    private static readonly Guid Account = Guid.Parse("7d0f5a8e-4a8a-4b51-9a53-0d6f3b1c2e11");
    private static readonly DateOnly Day = new(2026, 11, 26);

    [Theory]
    [InlineData("FV", 7, "0.182", "1.274", "1.27", "0.004")]
    [InlineData("FACE_COMPARE", 7, "0.006", "0.042", "0.04", "0.002")]
    [InlineData("FACE_ATTRIBUTE", 1, "0.006", "0.006", "0.00", "0.006")]
    public void B2_SpecExamples_RoundDownPerLine(
        string service, long calls, string price, string gross, string payable, string discount)
    {
        var draft = Calculate(Usage(service, Day, calls, 0, price));

        var line = Assert.Single(draft.Lines);
        Assert.Equal(calls, line.BillableQuantity);
        Assert.Equal(gross, line.GrossAmount.ToExactString());
        Assert.Equal(payable, line.PayableAmount.ToFenString());
        Assert.Equal(discount, line.RoundDownDiscount.ToExactString());
        Assert.Equal(line.PayableAmount, draft.PayableAmount);
    }

    [Fact]
    public void B2_WorkedDay_PacksCoverPartAndTheRestIsPayAsYouGo()
    {
        var draft = Calculate(
            Usage("RP", Day, 1_500, 1_000, "1.00"),
            Usage("FV", Day, 1_200, 1_000, "0.182"),
            Usage("FACE_COMPARE", Day, 7, 0, "0.006"),
            Usage("FACE_ATTRIBUTE", Day, 40, 0, "0.006"));

        Assert.Equal(["FACE_ATTRIBUTE", "FACE_COMPARE", "FV", "RP"], draft.Lines.Select(l => l.Service));
        var rp = draft.Lines.Single(l => l.Service == "RP");
        Assert.Equal((500L, "500.00"), (rp.BillableQuantity, rp.PayableAmount.ToFenString()));
        var fv = draft.Lines.Single(l => l.Service == "FV");
        Assert.Equal((200L, "36.40", "0.00"), (fv.BillableQuantity, fv.PayableAmount.ToFenString(),
            fv.RoundDownDiscount.ToExactString()));
        Assert.Equal("536.682", draft.GrossAmount.ToExactString());
        Assert.Equal("536.68", draft.PayableAmount.ToFenString());
        Assert.Equal("0.002", draft.RoundDownDiscount.ToExactString());
    }

    [Fact]
    public void B2_PayableIsSumOfRoundedLines_NotTheRoundedGrossTotal()
    {
        var draft = Calculate(Usage("FV", Day, 3, 0, "0.182"), Usage("FACE_COMPARE", Day, 9, 0, "0.006"));

        Assert.Equal("0.60", draft.GrossAmount.ToExactString());
        Assert.Equal("0.59", draft.PayableAmount.ToFenString());
        Assert.Equal("0.01", draft.RoundDownDiscount.ToExactString());
    }

    [Fact]
    public void B2_UsageFullyCoveredByPacks_LineIsFree()
    {
        var line = Assert.Single(Calculate(Usage("FV", Day, 1_000, 1_000, "0.182")).Lines);

        Assert.Equal((1_000L, 1_000L, 0L), (line.Quantity, line.PackDeductedQuantity, line.BillableQuantity));
        Assert.Equal(Money.Zero, line.PayableAmount);
        Assert.Equal(Money.Zero, line.RoundDownDiscount);
    }

    [Fact]
    public void B6_LateEvent_GetsItsOwnLineNamingItsUsageDay()
    {
        var draft = Calculate(Usage("FV", Day, 7, 0, "0.182"), Usage("FV", Day.AddDays(-3), 2, 0, "0.182"));

        Assert.Equal(Day, draft.BillingDay);
        Assert.Equal([Day.AddDays(-3), Day], draft.Lines.Select(l => l.UsageDay));
        Assert.All(draft.Lines, l => Assert.Equal("FV", l.Service));
        Assert.Equal("0.364", draft.Lines[0].GrossAmount.ToExactString());
        Assert.Equal("1.63", draft.PayableAmount.ToFenString());
    }

    [Theory]
    [InlineData(5, 6, "pack-deducted quantity 6 exceeds usage 5")]
    [InlineData(5, -1, "pack-deducted quantity is negative")]
    [InlineData(-1, 0, "quantity is negative")]
    public void B2_InconsistentQuantities_AreInvalid(long quantity, long deducted, string reason)
    {
        var result = BillCalculator.Calculate(Account, Day, [Usage("FV", Day, quantity, deducted, "0.182")]);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Contains(reason, result.Error);
    }

    [Fact]
    public void B6_SameServiceAndDayTwice_IsInvalid()
    {
        var result = BillCalculator.Calculate(Account, Day,
            [Usage("FV", Day, 1, 0, "0.182"), Usage("FV", Day, 2, 0, "0.182")]);

        Assert.Equal("FV on 2026-11-26 appears twice; merge the usage into one line.", result.Error);
    }

    [Fact]
    public void B6_UsageAfterTheBillingDay_IsInvalid()
    {
        var result = BillCalculator.Calculate(Account, Day, [Usage("FV", Day.AddDays(1), 1, 0, "0.182")]);

        Assert.Equal(ResultStatus.Invalid, result.Status);
    }

    [Fact]
    public void B2_NoUsage_IsInvalid()
    {
        Assert.Equal(ResultStatus.Invalid, BillCalculator.Calculate(Account, Day, []).Status);
    }

    [Fact]
    public void B2_Property_TotalsAreSumsOfLinesAndEachLineRoundsDownLessThanAFen()
    {
        var lineGen = Gen.Select(Gen.Int[0, 100_000], Gen.Int[0, 100_000], Gen.Int[0, 20_000]);

        lineGen.Array[1, 12].Sample(rows =>
        {
            var usages = rows.Select((r, i) => new BillUsage
            {
                Service = $"S{i}", UsageDay = Day.AddDays(-(i % 3)), Quantity = Math.Max(r.Item1, r.Item2),
                PackDeductedQuantity = Math.Min(r.Item1, r.Item2), UnitPrice = Money.FromUnits(r.Item3),
            });
            var draft = BillCalculator.Calculate(Account, Day, usages).Value!;

            return draft.GrossAmount == Sum(draft, l => l.GrossAmount)
                && draft.PayableAmount == Sum(draft, l => l.PayableAmount)
                && draft.RoundDownDiscount == Sum(draft, l => l.RoundDownDiscount)
                && draft.PayableAmount + draft.RoundDownDiscount == draft.GrossAmount
                && draft.PayableAmount.IsWholeFen
                && draft.Lines.All(l => l.RoundDownDiscount >= Money.Zero && l.RoundDownDiscount < Money.Yuan(0.01m)
                    && l.GrossAmount == l.UnitPrice * l.BillableQuantity);
        });
    }

    private static Money Sum(DailyBillDraft draft, Func<BillLine, Money> amount) =>
        draft.Lines.Aggregate(Money.Zero, (total, line) => total + amount(line));

    private static DailyBillDraft Calculate(params BillUsage[] usages)
    {
        var result = BillCalculator.Calculate(Account, Day, usages);
        Assert.True(result.IsOk, result.Error);
        return result.Value!;
    }

    private static BillUsage Usage(string service, DateOnly day, long quantity, long deducted, string price) => new()
    {
        Service = service, UsageDay = day, Quantity = quantity, PackDeductedQuantity = deducted,
        UnitPrice = Money.Yuan(decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture)),
    };
}
