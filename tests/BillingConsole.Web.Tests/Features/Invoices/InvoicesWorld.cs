using BillingConsole.Domain.Common;
using BillingConsole.Domain.Invoicing;
using BillingConsole.Domain.Ledger;
using BillingConsole.Domain.Settlement;
using BillingConsole.Web.Features.Accounts;
using BillingConsole.Web.Features.Invoices;
using BillingConsole.Web.Features.Support;
using BillingConsole.Web.Tests.Features.ResourcePacks;
using Microsoft.Extensions.Logging.Abstractions;

namespace BillingConsole.Web.Tests.Features.Invoices;

/// <summary>The packs world (catalog, account, fake clock) with the invoicing handlers.</summary>
public sealed class InvoicesWorld : IAsyncDisposable
{
    private InvoicesWorld(PacksWorld packs) => Packs = packs;

    public PacksWorld Packs { get; }
    public Guid AccountId => Packs.AccountId;
    public RequestInvoiceHandler Request => new(Packs.Database, Packs.Clock, Packs.Calendar, new AuditLog(Packs.Database, Packs.Clock),
        NullLogger<RequestInvoiceHandler>.Instance);
    public DecideInvoiceHandler Decide => new(Packs.Database, Packs.Clock, Packs.Calendar, new AuditLog(Packs.Database, Packs.Clock),
        NullLogger<DecideInvoiceHandler>.Instance);
    public InvoiceTitlesHandler Titles => new(Packs.Database, Packs.Clock);
    public GetInvoicesHandler Invoices => new(Packs.Database);

    public static readonly InvoiceTitleFields Company = new(InvoiceTitleKind.Company, "阿里巴巴（中国）有限公司", "91330100716105852F");
    public static readonly byte[] Pdf = "%PDF-1.4\n% test invoice\n"u8.ToArray();

    public static async Task<InvoicesWorld> CreateAsync(decimal balance = 1000m) => new(await PacksWorld.CreateAsync(balance));

    public async Task<InvoiceableSummary> SummaryAsync() => await Request.SummaryAsync(AccountId, default);

    public Task<Result<InvoiceRow>> RequestAsync(string amount, InvoiceTitleFields? title = null) =>
        Request.HandleAsync(new RequestInvoiceCommand(AccountId,
            new InvoiceRequestFields(amount, InvoiceType.General, title ?? Company, "ap@example.com"), "owner"), default);

    public async Task<InvoiceRow> IssueAsync(Guid invoiceId)
    {
        var issued = await Decide.IssueAsync(new IssueInvoiceCommand(invoiceId, "26332000000123456789", null, "i.pdf", Pdf, "staff"), default);
        Assert.True(issued.IsOk, issued.Error);
        return issued.Value!;
    }

    /// <summary>A daily bill of <paramref name="payable"/> settled from the balance as settlement does (SPEC B3).</summary>
    public async Task<Bill> BillAsync(DateOnly day, decimal payable)
    {
        return await Packs.WithDbAsync(async db =>
        {
            var account = await db.Accounts.FindAsync(AccountId);
            var draft = BillCalculator.Calculate(AccountId, day, [new BillUsage
            {
                Service = "FV", UsageDay = day, Quantity = (long)(payable * 100), PackDeductedQuantity = 0, UnitPrice = Money.Yuan(0.01m),
            }]).Value!;
            var now = Packs.Clock.GetUtcNow().UtcDateTime;
            var bill = Bill.Issue(draft, BillPayment.Settle(draft.PayableAmount, account!.Balance), now);
            db.Bills.Add(bill);
            var posted = await db.PostAsync(new PostLedgerEntryCommand(AccountId, LedgerEntryKind.DailyBill, -draft.PayableAmount,
                bill.Id.ToString(), $"bill:{AccountId}:{day}"), now, default);
            Assert.True(posted.IsOk, posted.Error);
            await db.SaveChangesAsync();
            return bill;
        });
    }

    public ValueTask DisposeAsync() => Packs.DisposeAsync();
}
