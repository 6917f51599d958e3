using BillingConsole.Domain.Common;
using BillingConsole.Domain.Invoicing;

namespace BillingConsole.Domain.Tests.Invoicing;

/// <summary>SPEC V1, V3: each rule reported on its own field.</summary>
public sealed class InvoiceRequestRulesTests
{
    private static readonly InvoiceTitleFields Company = new(InvoiceTitleKind.Company, "阿里巴巴（中国）有限公司", "91330100716105852F");
    private static readonly InvoiceTitleFields CompanyForSpecial = Company with
    {
        BankName = "中国工商银行杭州分行", BankAccount = "1202020209900012345", RegisteredAddress = "杭州市余杭区文一西路969号",
        RegisteredPhone = "0571-85022088",
    };
    private static readonly Money Invoiceable = Money.Yuan(100m);

    private static Result<ValidInvoiceRequest> Check(string? amount, InvoiceType type, InvoiceTitleFields title,
        string? email = "ap@example.com", bool paper = false, string? postal = null) =>
        InvoiceRequestRules.Validate(new InvoiceRequestFields(amount, type, title, email, paper, postal), Invoiceable);

    [Fact]
    public void V3_AValidGeneralRequest_IsNormalized()
    {
        var result = Check("100", InvoiceType.General, Company with { TaxId = " 91330100716105852f " });
        Assert.True(result.IsOk, result.Error);
        Assert.Equal(Money.Yuan(100m), result.Value!.Amount);
        Assert.Equal("91330100716105852F", result.Value.Title.TaxId);
        Assert.Null(result.Value.PostalAddress);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1.001")]
    [InlineData("abc")]
    [InlineData("100.01")] // more than invoiceable
    public void V3_BadAmounts_AreRefusedOnTheAmountField(string? amount)
    {
        var result = Check(amount, InvoiceType.General, Company);
        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal(["amount"], result.FieldErrors.Keys);
    }

    [Fact]
    public void V3_PersonalTitle_NeedsOnlyAName_AndCannotTakeASpecialInvoice()
    {
        var personal = new InvoiceTitleFields(InvoiceTitleKind.Personal, "张三", "ignored");
        Assert.True(Check("10", InvoiceType.General, personal).IsOk);
        Assert.Null(Check("10", InvoiceType.General, personal).Value!.Title.TaxId);
        Assert.Contains("titleType", Check("10", InvoiceType.Special, personal).FieldErrors.Keys);
        Assert.Contains("title", Check("10", InvoiceType.General, personal with { Name = " " }).FieldErrors.Keys);
    }

    [Fact]
    public void V1_CompanyTitle_NeedsAValidTaxId()
    {
        Assert.Contains("taxId", Check("10", InvoiceType.General, Company with { TaxId = null }).FieldErrors.Keys);
        Assert.Contains("taxId", Check("10", InvoiceType.General, Company with { TaxId = "91330100716105852G" }).FieldErrors.Keys);
    }

    [Fact]
    public void V1_SpecialInvoice_NeedsBankAccountAddressAndPhone()
    {
        var result = Check("10", InvoiceType.Special, Company);
        Assert.Equal(new[] { "bankAccount", "bankName", "registeredAddress", "registeredPhone" },
            result.FieldErrors.Keys.Order().ToArray());
        Assert.True(Check("10", InvoiceType.Special, CompanyForSpecial).IsOk);
    }

    [Fact]
    public void V3_PaperSpecialInvoice_NeedsAPostalAddress_ElectronicOnesDoNot()
    {
        Assert.Equal(["postalAddress"], Check("10", InvoiceType.Special, CompanyForSpecial, paper: true).FieldErrors.Keys);
        var ok = Check("10", InvoiceType.Special, CompanyForSpecial, paper: true, postal: "杭州市余杭区文一西路969号 王五 13800000000");
        Assert.True(ok.IsOk);
        Assert.True(ok.Value!.Paper);
        Assert.False(Check("10", InvoiceType.General, Company, paper: true, postal: "x").Value!.Paper);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-an-address")]
    [InlineData("a@b")]
    public void V3_DeliveryEmail_IsRequiredAndValid(string? email)
    {
        Assert.Equal(["email"], Check("10", InvoiceType.General, Company, email).FieldErrors.Keys);
    }

    [Fact]
    public void V3_EveryBrokenRule_IsReportedAtOnce()
    {
        var result = Check("0", InvoiceType.Special, Company with { TaxId = "x" }, email: null, paper: true);
        Assert.Superset(new HashSet<string> { "amount", "taxId", "email", "postalAddress", "bankName" },
            result.FieldErrors.Keys.ToHashSet());
    }
}
