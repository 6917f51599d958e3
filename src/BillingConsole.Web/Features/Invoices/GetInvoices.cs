using BillingConsole.Domain.Invoicing;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Invoices;

/// <summary>An account's invoice history, the staff queue, and the PDF of an issued invoice.</summary>
public sealed class GetInvoicesHandler(IDbContextFactory<BillingDbContext> dbFactory)
{
    public async Task<IReadOnlyList<InvoiceRow>> ListAsync(Guid accountId, CancellationToken ct) =>
        await QueueAsync(null, accountId, ct);

    /// <summary>Staff queue: newest first, optionally one status and/or one account.</summary>
    public async Task<IReadOnlyList<InvoiceRow>> QueueAsync(InvoiceStatus? status, Guid? accountId, CancellationToken ct, int take = 500)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.Invoices.AsNoTracking();
        if (status is { } s) q = q.Where(i => i.Status == s);
        if (accountId is { } a) q = q.Where(i => i.AccountId == a);
        var rows = await q.Join(db.Accounts.AsNoTracking(), i => i.AccountId, a => a.Id, (i, a) => new { i, a.Name })
            .OrderByDescending(x => x.i.RequestedAtUtc).Take(take).ToListAsync(ct);
        return rows.Select(x => InvoiceRow.From(x.i, x.Name)).ToList();
    }

    /// <summary>The PDF, only for the invoice's own account (or staff, who pass null) and only while it is issued or reversed.</summary>
    public async Task<InvoicePdf?> PdfAsync(Guid invoiceId, Guid? accountId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var invoice = await db.Invoices.AsNoTracking().FirstOrDefaultAsync(i => i.Id == invoiceId, ct);
        if (invoice is null || (accountId is { } a && invoice.AccountId != a) || !invoice.HasPdf) return null;
        var doc = await db.InvoiceDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.InvoiceId == invoiceId, ct);
        return doc is null ? null : new InvoicePdf($"发票-{invoice.InvoiceNumber}.pdf", doc.Content);
    }
}
