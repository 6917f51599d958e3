using BillingConsole.Domain.Common;
using BillingConsole.Domain.Invoicing;
using BillingConsole.Domain.Ledger;
using BillingConsole.Web.Features.Invoices;
using BillingConsole.Web.Features.ResourcePacks;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Tests.Features.Invoices;

/// <summary>SPEC V1–V5 through the handlers on real SQLite.</summary>
public sealed class InvoiceHandlerTests
{
    [Fact]
    public async Task V2_Invoiceable_IsPaidBillsPacksAndLicences_LessUnsubscribeRefunds_NotRechargesGrantsOrTrials()
    {
        await using var w = await InvoicesWorld.CreateAsync(1000m); // an adjustment (grant): not invoiceable
        await w.Packs.PostAsync(200m, LedgerEntryKind.Recharge, "recharge:1"); // not invoiceable
        await w.Packs.BuyAsync("FV_CALLS_TRIAL"); // free
        await w.Packs.BuyAsync("FV_CALLS_1K"); // 160
        var refunded = await w.Packs.BuyAsync("IOT_MESSAGING_1M"); // 80, then refunded
        var unsubscribed = await w.Packs.Unsubscribe.HandleAsync(new UnsubscribePackCommand(w.AccountId, refunded.PackId), default);
        Assert.True(unsubscribed.IsOk, unsubscribed.Error);
        await w.BillAsync(new DateOnly(2026, 11, 26), 30m);

        var s = await w.SummaryAsync();

        Assert.Equal(Money.Yuan(190m), s.Invoiceable);
        var nov = new DateOnly(2026, 11, 1);
        Assert.Equal([(nov, InvoiceableSourceKind.BillPaid, Money.Yuan(30m)), (nov, InvoiceableSourceKind.PackPurchase, Money.Yuan(240m)),
            (nov, InvoiceableSourceKind.Refund, Money.Yuan(-80m))], s.Months.Select(m => (m.Month, m.Kind, m.Amount)));
    }

    [Fact]
    public async Task V2_OnlyThePaidPartOfABill_IsInvoiceable_UntilItIsPaid()
    {
        await using var w = await InvoicesWorld.CreateAsync(10m);
        await w.BillAsync(new DateOnly(2026, 11, 26), 25m); // 10 paid, 15 outstanding
        Assert.Equal(Money.Yuan(10m), (await w.SummaryAsync()).Invoiceable);

        await w.Packs.PostAsync(20m, LedgerEntryKind.Recharge, "recharge:1"); // pays the outstanding 15 (SPEC B8)

        Assert.Equal(Money.Yuan(25m), (await w.SummaryAsync()).Invoiceable);
    }

    [Fact]
    public async Task V3_EightConcurrentRequests_NeverTogetherExceedTheInvoiceableAmount()
    {
        await using var w = await InvoicesWorld.CreateAsync();
        await w.Packs.BuyAsync("FV_CALLS_1K"); // 160 invoiceable

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => w.RequestAsync("30.00"))));

        Assert.Equal(5, results.Count(r => r.IsOk));
        Assert.All(results.Where(r => !r.IsOk), r => Assert.Equal(["amount"], r.FieldErrors.Keys));
        var s = await w.SummaryAsync();
        Assert.Equal((Money.Yuan(150m), Money.Yuan(10m)), (s.Requested, s.Invoiceable));
    }

    [Fact]
    public async Task V3_ARequestAboveTheInvoiceableAmount_IsRefusedOnItsField()
    {
        await using var w = await InvoicesWorld.CreateAsync();
        await w.Packs.BuyAsync("FV_CALLS_1K");
        var result = await w.RequestAsync("160.01");
        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Contains("at most 160.00", result.FieldErrors["amount"][0]);
        Assert.Equal(Money.Yuan(160m), (await w.SummaryAsync()).Invoiceable);
    }

    [Fact]
    public async Task V4_IssueRejectReverse_AreAuditedAndNotified_AndReleaseTheAmount()
    {
        await using var w = await InvoicesWorld.CreateAsync();
        await w.Packs.BuyAsync("FV_CALLS_1K");
        var a = (await w.RequestAsync("100")).Value!;
        var b = (await w.RequestAsync("60")).Value!;
        Assert.Equal(Money.Zero, (await w.SummaryAsync()).Invoiceable);

        var rejected = await w.Decide.RejectAsync(b.InvoiceId, "抬头有误", "staff", default);
        Assert.Equal(InvoiceStatus.Rejected, rejected.Value!.Status);
        Assert.Equal(Money.Yuan(60m), (await w.SummaryAsync()).Invoiceable);
        Assert.Equal(ResultStatus.Invalid, (await w.Decide.IssueAsync(new IssueInvoiceCommand(a.InvoiceId, "12345678", null, null, null, "staff"), default)).Status);
        Assert.Equal(ResultStatus.Invalid, (await w.Decide.IssueAsync(new IssueInvoiceCommand(a.InvoiceId, "12345678", null, "x.txt", "hello"u8.ToArray(), "staff"), default)).Status);
        var issued = await w.IssueAsync(a.InvoiceId);
        Assert.True(issued.HasPdf);
        Assert.Equal(Money.Yuan(100m), (await w.SummaryAsync()).Issued);
        Assert.Equal(InvoicesWorld.Pdf, (await w.Invoices.PdfAsync(a.InvoiceId, w.AccountId, default))!.Content);
        Assert.Null(await w.Invoices.PdfAsync(a.InvoiceId, Guid.NewGuid(), default)); // another account's

        var reversed = await w.Decide.ReverseAsync(a.InvoiceId, "红冲：金额有误", "staff", default);
        Assert.Equal(InvoiceStatus.Reversed, reversed.Value!.Status);
        Assert.Equal(Money.Yuan(160m), (await w.SummaryAsync()).Invoiceable);

        await w.Packs.WithDbAsync(async db =>
        {
            Assert.Equal(["invoice.issue", "invoice.reject", "invoice.request", "invoice.request", "invoice.reverse"],
                (await db.AuditEvents.Where(e => e.Action.StartsWith("invoice.")).Select(e => e.Action).ToListAsync()).Order());
            var messages = await db.Notifications.Where(n => n.AccountId == w.AccountId && n.Kind == InvoiceMessages.Kind).ToListAsync();
            Assert.Equal(3, messages.Count);
            Assert.Contains(messages, m => m.Body.Contains("26332000000123456789") && m.Title.StartsWith("发票已开具"));
            Assert.Equal(3, await db.OutboundEmails.CountAsync(e => e.To == "ap@example.com"));
            var withPdf = await db.OutboundEmails.Where(e => e.AttachmentContent != null).ToListAsync();
            Assert.NotEmpty(withPdf); // the issue e-mails carry the PDF (SPEC V4)
            Assert.All(withPdf, e => Assert.Equal(InvoicesWorld.Pdf, e.AttachmentContent));
            Assert.All(withPdf, e => Assert.Equal("发票-26332000000123456789.pdf", e.AttachmentFileName));
            return 0;
        });
    }

    [Fact]
    public async Task V5_AnUnsubscribeRefundBelowWhatIsInvoiced_IsRefusedUntilAReversal()
    {
        await using var w = await InvoicesWorld.CreateAsync();
        var pack = await w.Packs.BuyAsync("FV_CALLS_1K");
        var invoice = (await w.RequestAsync("160")).Value!;
        await w.IssueAsync(invoice.InvoiceId);
        var balance = await w.Packs.BalanceAsync();

        var refused = await w.Packs.Unsubscribe.HandleAsync(new UnsubscribePackCommand(w.AccountId, pack.PackId), default);

        Assert.Equal(ResultStatus.Conflict, refused.Status);
        Assert.Contains("reversal (红冲)", refused.Error);
        Assert.Equal(balance, await w.Packs.BalanceAsync());
        await w.Decide.ReverseAsync(invoice.InvoiceId, "退订", "staff", default);
        Assert.True((await w.Packs.Unsubscribe.HandleAsync(new UnsubscribePackCommand(w.AccountId, pack.PackId), default)).IsOk);
        Assert.Equal(Money.Zero, (await w.SummaryAsync()).Invoiceable);
    }

    [Fact]
    public async Task V1_Titles_KeepExactlyOneDefault_AndARequestCanUseASavedTitle()
    {
        await using var w = await InvoicesWorld.CreateAsync();
        await w.Packs.BuyAsync("FV_CALLS_1K");
        var first = (await w.Titles.SaveAsync(new SaveInvoiceTitleCommand(w.AccountId, null, InvoicesWorld.Company, false), default)).Value!;
        Assert.True(first.IsDefault); // the first one becomes the default
        var second = (await w.Titles.SaveAsync(new SaveInvoiceTitleCommand(w.AccountId, null,
            new InvoiceTitleFields(InvoiceTitleKind.Personal, "张三", null), true), default)).Value!;
        var bad = await w.Titles.SaveAsync(new SaveInvoiceTitleCommand(w.AccountId, first.TitleId,
            InvoicesWorld.Company with { TaxId = "91330100716105852G" }, false), default);

        Assert.Equal(["taxId"], bad.FieldErrors.Keys);
        var titles = await w.Titles.ListAsync(w.AccountId, default);
        Assert.Equal([second.TitleId], titles.Where(t => t.IsDefault).Select(t => t.TitleId));
        var viaSaved = await w.Request.HandleAsync(new RequestInvoiceCommand(w.AccountId,
            new InvoiceRequestFields("10", InvoiceType.General, new InvoiceTitleFields(InvoiceTitleKind.Personal, null, null), "a@example.com"),
            "owner", first.TitleId), default);
        Assert.Equal("阿里巴巴（中国）有限公司", viaSaved.Value!.Title);
        Assert.Equal("91330100716105852F", viaSaved.Value.TaxId);
    }
}
