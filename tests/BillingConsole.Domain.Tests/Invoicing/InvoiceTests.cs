using BillingConsole.Domain.Common;
using BillingConsole.Domain.Invoicing;
using BillingConsole.Domain.Ledger;

namespace BillingConsole.Domain.Tests.Invoicing;

/// <summary>SPEC V2, V4, V5, V6 as pure rules.</summary>
public sealed class InvoiceTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static Invoice NewInvoice(decimal amount = 50m, bool paper = false)
    {
        var title = new InvoiceTitleFields(InvoiceTitleKind.Personal, "张三", null);
        var valid = InvoiceRequestRules.Validate(new InvoiceRequestFields(amount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            paper ? InvoiceType.Special : InvoiceType.General, paper ? new InvoiceTitleFields(InvoiceTitleKind.Company, "某公司",
                "91330100716105852F", "银行", "123", "地址", "电话") : title, "a@example.com", paper, paper ? "地址" : null), Money.Yuan(1000m));
        Assert.True(valid.IsOk, valid.Error);
        return Invoice.Request(Guid.NewGuid(), valid.Value!, "user", Now);
    }

    [Theory]
    [InlineData("12345678", true)]
    [InlineData("26332000000123456789", true)]
    [InlineData("1234567", false)]
    [InlineData("123456789", false)]
    [InlineData("1234567a", false)]
    [InlineData("", false)]
    public void V4_InvoiceNumber_Has8Or20Digits(string number, bool ok)
    {
        Assert.Equal(ok, Invoice.NumberError(number) is null);
    }

    [Fact]
    public void V4_Issue_NeedsANumberAndADateNotInTheFuture_AndHappensOnce()
    {
        var invoice = NewInvoice();
        Assert.Equal(["invoiceNumber"], invoice.Issue("1234", Today, Today, true, "staff", Now).FieldErrors.Keys);
        Assert.Equal(["issuedOn"], invoice.Issue("12345678", Today.AddDays(1), Today, true, "staff", Now).FieldErrors.Keys);
        Assert.True(invoice.Issue("12345678", Today, Today, true, "staff", Now).IsOk);
        Assert.Equal(InvoiceStatus.Issued, invoice.Status);
        Assert.Equal(ResultStatus.Conflict, invoice.Issue("12345678", Today, Today, true, "staff", Now).Status);
        Assert.Equal(ResultStatus.Conflict, invoice.Reject("late", "staff", Now).Status);
        Assert.True(NewInvoice(paper: true).Issue("12345678", Today, Today, false, "staff", Now).IsOk);
    }

    [Fact]
    public void V4_RejectionAndReversal_NeedAReason_AndReleaseTheAmount()
    {
        var rejected = NewInvoice();
        Assert.Equal(["reason"], rejected.Reject(" ", "staff", Now).FieldErrors.Keys);
        Assert.True(rejected.Reject("抬头错误", "staff", Now).IsOk);
        Assert.False(rejected.Holds);

        var reversed = NewInvoice();
        Assert.Equal(ResultStatus.Conflict, reversed.Reverse("x", "staff", Now).Status);
        reversed.Issue("12345678", Today, Today, true, "staff", Now);
        Assert.True(reversed.Holds);
        Assert.True(reversed.Reverse("红冲：金额有误", "staff", Now).IsOk);
        Assert.False(reversed.Holds);
    }

    [Fact]
    public void V2_Invoiceable_IsPaidLessRefundsLessRequestedAndIssued_PerMonthAndSource()
    {
        var nov = new DateOnly(2026, 11, 1);
        var oct = new DateOnly(2026, 10, 1);
        var summary = InvoiceableSummary.From(
        [
            new(oct, InvoiceableSourceKind.BillPaid, Money.Yuan(12.30m)),
            new(nov, InvoiceableSourceKind.BillPaid, Money.Yuan(7.70m)),
            new(nov, InvoiceableSourceKind.PackPurchase, Money.Yuan(100m)),
            new(nov, InvoiceableSourceKind.PackPurchase, Money.Yuan(50m)),
            new(nov, InvoiceableSourceKind.Refund, Money.Yuan(-50m)),
            new(nov, InvoiceableSourceKind.LicencePurchase, Money.Yuan(30m)),
        ],
        [(Money.Yuan(20m), InvoiceStatus.Requested), (Money.Yuan(40m), InvoiceStatus.Issued),
         (Money.Yuan(99m), InvoiceStatus.Rejected), (Money.Yuan(99m), InvoiceStatus.Reversed)]);

        Assert.Equal(Money.Yuan(150m), summary.Paid);
        Assert.Equal(Money.Yuan(90m), summary.Invoiceable);
        Assert.Equal(Money.Yuan(150m), summary.Months.Where(m => m.Month == nov && m.Kind == InvoiceableSourceKind.PackPurchase).Single().Amount);
        Assert.Equal(nov, summary.Months[0].Month);
        Assert.Equal(5, summary.Months.Count);
    }

    [Fact]
    public void V5_ARefund_MayNotLeaveLessThanIsReservedAndIssued()
    {
        var summary = InvoiceableSummary.From([new(new DateOnly(2026, 11, 1), InvoiceableSourceKind.PackPurchase, Money.Yuan(100m))],
            [(Money.Yuan(60m), InvoiceStatus.Issued)]);
        Assert.True(summary.Covers(Money.Yuan(40m)));
        Assert.False(summary.Covers(Money.Yuan(40.01m)));
    }

    [Fact]
    public void V6_Statement_BalancesOrIsRefused()
    {
        var month = new DateOnly(2026, 10, 1);
        StatementEntry E(long seq, decimal amount, decimal after) =>
            new(seq, Now, LedgerEntryKind.Recharge, Money.Yuan(amount), Money.Yuan(after), "r", null);
        var ok = MonthlyStatement.Build(month, "A", Money.Yuan(10m), [E(3, -2m, 13m), E(2, 5m, 15m)], Money.Yuan(13m));
        Assert.True(ok.IsOk, ok.Error);
        Assert.Equal([2L, 3L], ok.Value!.Entries.Select(e => e.Sequence));
        Assert.Equal(Money.Yuan(3m), ok.Value.Total);
        Assert.Equal(ResultStatus.Conflict, MonthlyStatement.Build(month, "A", Money.Yuan(10m), [E(2, 5m, 15m)], Money.Yuan(16m)).Status);
        Assert.Equal(ResultStatus.Conflict, MonthlyStatement.Build(month, "A", Money.Yuan(10m), [E(2, 5m, 14m), E(3, 1m, 15m)], Money.Yuan(16m)).Status);
    }
}
