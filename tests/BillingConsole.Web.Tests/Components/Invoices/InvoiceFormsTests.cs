using BillingConsole.Domain.Common;
using BillingConsole.Domain.Invoicing;
using BillingConsole.Web.Features.Invoices;
using BillingConsole.Web.Tests.Infrastructure;

namespace BillingConsole.Web.Tests.Components.Invoices;

/// <summary>SPEC V1, V3, V4: each rule shown next to its field; nothing is submitted while a rule is broken.</summary>
public sealed class InvoiceFormsTests : BillingTestContext
{
    private static readonly InvoiceTitleRow Company = new(Guid.NewGuid(),
        new InvoiceTitleFields(InvoiceTitleKind.Company, "阿里巴巴（中国）有限公司", "91330100716105852F"), IsDefault: true);
    private static readonly InvoiceTitleRow Personal = new(Guid.NewGuid(), new InvoiceTitleFields(InvoiceTitleKind.Personal, "张三", null), false);

    /// <summary>The text of a MudBlazor field around the input with this test id: its label, helper and error.</summary>
    private static string Field<T>(IRenderedComponent<T> cut, string testId) where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.Find($"[data-testid={testId}]").Closest(".mud-input-control")?.TextContent ?? "";

    [Fact]
    public void TitleForm_WrongCheckCharacter_IsShownUnderTheTaxId_AndNothingIsSubmitted()
    {
        (InvoiceTitleFields, bool)? submitted = null;
        var cut = Render<InvoiceTitleForm>(p => p.Add(x => x.OnSubmit, v => submitted = v));

        cut.Find("input[data-testid=title-name]").Input("阿里巴巴（中国）有限公司");
        cut.Find("input[data-testid=title-taxid]").Input("91330100716105852G");
        cut.Find("[data-testid=title-save]").Click();

        Assert.Contains("check character", Field(cut, "title-taxid"));
        Assert.Null(submitted);

        cut.Find("input[data-testid=title-taxid]").Input("91330100716105852f");
        cut.Find("[data-testid=title-save]").Click();
        Assert.Equal("91330100716105852F", submitted!.Value.Item1.Normalized().TaxId);
    }

    [Fact]
    public void TitleForm_Empty_ShowsTheNameAndTaxIdRules()
    {
        var cut = Render<InvoiceTitleForm>();
        cut.Find("[data-testid=title-save]").Click();
        Assert.Contains("Enter the title", Field(cut, "title-name"));
        Assert.Contains("Enter the taxpayer identification number", Field(cut, "title-taxid"));
    }

    [Fact]
    public void RequestForm_IsPrefilledWithTheInvoiceableAmountAndDefaultTitle_AndSubmits()
    {
        InvoiceRequestForm.Submission? submitted = null;
        var cut = Render<InvoiceRequestForm>(p => p.Add(x => x.Invoiceable, Money.Yuan(160m)).Add(x => x.Titles, [Personal, Company])
            .Add(x => x.DefaultEmail, "owner@example.com").Add(x => x.OnSubmit, s => submitted = s));

        Assert.Equal("160.00", cut.Find("input[data-testid=request-amount]").GetAttribute("value"));
        cut.Find("[data-testid=request-submit]").Click();

        Assert.Equal(Company.TitleId, submitted!.TitleId);
        Assert.Equal(("160.00", "owner@example.com"), (submitted.Fields.Amount, submitted.Fields.Email));
    }

    [Fact]
    public void RequestForm_ShowsEachRuleNextToItsField()
    {
        InvoiceRequestForm.Submission? submitted = null;
        var cut = Render<InvoiceRequestForm>(p => p.Add(x => x.Invoiceable, Money.Yuan(160m)).Add(x => x.Titles, [Company])
            .Add(x => x.OnSubmit, s => submitted = s));

        cut.Find("input[data-testid=request-amount]").Input("160.01");
        cut.Find("input[data-testid=request-email]").Input("not-mail");
        cut.FindAll("[data-testid=request-type] input")[1].Click(); // special
        cut.Find("input[data-testid=request-paper]").Change(true);
        cut.Find("[data-testid=request-submit]").Click();

        Assert.Contains("at most 160.00", Field(cut, "request-amount"));
        Assert.Contains("valid e-mail", Field(cut, "request-email"));
        Assert.Contains("lacks what a special invoice needs", Field(cut, "request-title"));
        Assert.Contains("postal address", Field(cut, "request-postal"));
        Assert.Null(submitted);
    }

    [Fact]
    public void RequestForm_WithoutTitles_AsksForOneFirst()
    {
        var cut = Render<InvoiceRequestForm>(p => p.Add(x => x.Invoiceable, Money.Zero).Add(x => x.Titles, []));
        Assert.NotNull(cut.Find("[data-testid=request-no-title]"));
        Assert.True(cut.Find("[data-testid=request-submit]").HasAttribute("disabled"));
    }

    [Fact]
    public void IssueForm_NeedsANumberOf8Or20Digits_AndAPdf()
    {
        var row = new InvoiceRow(Guid.NewGuid(), Guid.NewGuid(), "Acme", Money.Yuan(100m), InvoiceType.General, false,
            InvoiceTitleKind.Company, "某公司", "91330100716105852F", "a@example.com", null, InvoiceStatus.Requested, DateTime.UtcNow,
            null, null, null, false, null, null);
        InvoiceIssueForm.Submission? submitted = null;
        var cut = Render<InvoiceIssueForm>(p => p.Add(x => x.Invoice, row).Add(x => x.Today, new DateOnly(2026, 11, 27))
            .Add(x => x.OnSubmit, s => submitted = s));

        cut.Find("input[data-testid=issue-number]").Input("1234");
        cut.Find("[data-testid=issue-submit]").Click();

        Assert.Contains("8 or 20 digits", Field(cut, "issue-number"));
        Assert.Contains("Attach the PDF", cut.Find("[data-testid=issue-pdf-error]").TextContent);
        Assert.Null(submitted);
    }

    [Fact]
    public void IssueForm_ATextFileInsteadOfAPdf_IsRefused()
    {
        var row = new InvoiceRow(Guid.NewGuid(), Guid.NewGuid(), "Acme", Money.Yuan(100m), InvoiceType.General, false,
            InvoiceTitleKind.Personal, "张三", null, "a@example.com", null, InvoiceStatus.Requested, DateTime.UtcNow,
            null, null, null, false, null, null);
        InvoiceIssueForm.Submission? submitted = null;
        var cut = Render<InvoiceIssueForm>(p => p.Add(x => x.Invoice, row).Add(x => x.Today, new DateOnly(2026, 11, 27))
            .Add(x => x.OnSubmit, s => submitted = s));

        cut.Find("input[data-testid=issue-number]").Input("12345678");
        cut.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(InputFileContent.CreateFromText("hello", "invoice.txt"));
        cut.Find("[data-testid=issue-submit]").Click();
        Assert.Contains("PDF file", cut.Find("[data-testid=issue-pdf-error]").TextContent);
        Assert.Null(submitted);

        cut.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary("%PDF-1.4\n%x\n"u8.ToArray(), "invoice.pdf", contentType: "application/pdf"));
        cut.Find("[data-testid=issue-submit]").Click();
        Assert.Equal(("12345678", "invoice.pdf"), (submitted!.Number, submitted.FileName));
    }
}
