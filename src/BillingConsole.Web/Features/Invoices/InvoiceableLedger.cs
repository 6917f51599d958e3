using BillingConsole.Domain.Common;
using BillingConsole.Domain.Invoicing;
using BillingConsole.Domain.Ledger;
using BillingConsole.Domain.Settlement;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Invoices;

/// <summary>
/// SPEC V2, derived every time from the ledger and the bills, so it cannot drift from them: the paid part of each
/// daily bill (payable − outstanding, in the month it was paid), pack and licence purchases paid from the balance
/// (their ledger entries), less unsubscribe refunds (<c>pack-refund:</c> entries), less what is requested or issued.
/// Recharges, adjustments (grants), withdrawals and their returns, and trial or granted packs (no ledger charge) are
/// not invoiceable.
/// </summary>
internal static class InvoiceableLedger
{
    public const string UnsubscribeRefundKeyPrefix = "pack-refund:";

    private static readonly LedgerEntryKind[] Kinds = [LedgerEntryKind.PackPurchase, LedgerEntryKind.LicencePurchase, LedgerEntryKind.Refund];

    public static async Task<InvoiceableSummary> ComputeAsync(BillingDbContext db, Guid accountId, BillingCalendar calendar,
        CancellationToken ct)
    {
        var bills = await db.Bills.AsNoTracking()
            .Where(b => b.AccountId == accountId && b.PayableUnits > b.OutstandingUnits)
            .Select(b => new { b.PayableUnits, b.OutstandingUnits, b.IssuedAtUtc, b.PaidAtUtc, b.Status }).ToListAsync(ct);
        var entries = await db.LedgerEntries.AsNoTracking()
            .Where(e => e.AccountId == accountId && Kinds.Contains(e.Kind))
            .Select(e => new { e.Kind, e.AmountUnits, e.CreatedAtUtc, e.IdempotencyKey }).ToListAsync(ct);
        var invoices = await db.Invoices.AsNoTracking()
            .Where(i => i.AccountId == accountId && (i.Status == InvoiceStatus.Requested || i.Status == InvoiceStatus.Issued))
            .Select(i => new { i.AmountUnits, i.Status }).ToListAsync(ct);

        var sources = new List<InvoiceableSource>(bills.Count + entries.Count);
        // A bill paid in full counts in the month it was paid; a part paid at issue counts in the month of issue.
        sources.AddRange(bills.Select(b => new InvoiceableSource(
            calendar.MonthOf(b.Status == BillStatus.Paid && b.PaidAtUtc is { } paid ? paid : b.IssuedAtUtc),
            InvoiceableSourceKind.BillPaid, Money.FromUnits(b.PayableUnits - b.OutstandingUnits))));
        foreach (var e in entries)
        {
            var kind = e.Kind switch
            {
                LedgerEntryKind.PackPurchase => InvoiceableSourceKind.PackPurchase,
                LedgerEntryKind.LicencePurchase => InvoiceableSourceKind.LicencePurchase,
                _ when e.IdempotencyKey.StartsWith(UnsubscribeRefundKeyPrefix, StringComparison.Ordinal) => InvoiceableSourceKind.Refund,
                _ => (InvoiceableSourceKind?)null,
            };
            // Purchases are charges (negative entries) and count positive; refunds are credits and count negative.
            if (kind is { } k) sources.Add(new InvoiceableSource(calendar.MonthOf(e.CreatedAtUtc), k, Money.FromUnits(-e.AmountUnits)));
        }
        return InvoiceableSummary.From(sources, invoices.Select(i => (Money.FromUnits(i.AmountUnits), i.Status)));
    }
}
