using BillingConsole.Domain.Common;
using BillingConsole.Domain.Invoicing;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.Support;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Invoices;

public sealed record IssueInvoiceCommand(Guid InvoiceId, string? InvoiceNumber, DateOnly? IssuedOn, string? PdfFileName,
    byte[]? Pdf, string StaffUserId, bool RequirePdf = true);

/// <summary>
/// SPEC V4, staff side: issue (number, date, PDF), reject (reason; releases the amount), reverse 红冲 (reason; releases
/// it again). Each decision is audited and notified (message center and e-mail) in its own unit of work; the invoice's
/// version token lets only one of two racing decisions commit.
/// </summary>
public sealed class DecideInvoiceHandler(IDbContextFactory<BillingDbContext> dbFactory, TimeProvider clock,
    BillingCalendar calendar, AuditLog audit, ILogger<DecideInvoiceHandler> logger)
{
    public Task<Result<InvoiceRow>> IssueAsync(IssueInvoiceCommand cmd, CancellationToken ct)
    {
        var hasPdf = cmd.Pdf is { Length: > 0 };
        if (hasPdf && InvoiceDocument.Check(cmd.PdfFileName, cmd.Pdf!.Length, cmd.Pdf) is { } pdfError)
        {
            return Task.FromResult(Result<InvoiceRow>.Invalid("pdf", pdfError));
        }
        return DecideAsync(cmd.InvoiceId, "invoice.issue", hasPdf ? cmd.Pdf : null, (invoice, db, now) =>
        {
            var today = calendar.DayOf(now);
            if (cmd.RequirePdf && !hasPdf && !invoice.Paper)
            {
                return Result<Invoice>.Invalid("pdf", "Attach the PDF issued in the tax system (only paper invoices go without).");
            }
            var issued = invoice.Issue(cmd.InvoiceNumber, cmd.IssuedOn ?? today, today, hasPdf, cmd.StaffUserId, now);
            if (issued.IsOk && hasPdf) db.InvoiceDocuments.Add(InvoiceDocument.Create(invoice.Id, cmd.PdfFileName!, cmd.Pdf!, now));
            return issued;
        }, i => $"number {i.InvoiceNumber}, {i.IssuedOn:yyyy-MM-dd}, {(i.HasPdf ? "PDF" : "paper")}", ct);
    }

    public Task<Result<InvoiceRow>> RejectAsync(Guid invoiceId, string? reason, string staffUserId, CancellationToken ct) =>
        DecideAsync(invoiceId, "invoice.reject", null, (invoice, _, now) => invoice.Reject(reason, staffUserId, now),
            i => i.RejectionReason!, ct);

    public Task<Result<InvoiceRow>> ReverseAsync(Guid invoiceId, string? reason, string staffUserId, CancellationToken ct) =>
        DecideAsync(invoiceId, "invoice.reverse", null, (invoice, _, now) => invoice.Reverse(reason, staffUserId, now),
            i => $"{i.InvoiceNumber}: {i.ReversalReason}", ct);

    private Task<Result<InvoiceRow>> DecideAsync(Guid invoiceId, string action, byte[]? pdf,
        Func<Invoice, BillingDbContext, DateTime, Result<Invoice>> decide, Func<Invoice, string> details, CancellationToken ct) =>
        ConcurrencyRetry.ExecuteAsync(async attemptCt =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(attemptCt);
            var invoice = await db.Invoices.FirstOrDefaultAsync(i => i.Id == invoiceId, attemptCt);
            if (invoice is null) return Result<InvoiceRow>.NotFound("No such invoice.");
            var now = clock.GetUtcNow().UtcDateTime;
            var decided = decide(invoice, db, now);
            if (!decided.IsOk) return decided.Cast<InvoiceRow>();
            audit.Add(db, action, $"invoice {invoice.Id}", $"{invoice.Amount.ToFenString()}; {details(invoice)}", invoice.AccountId);
            await InvoiceMessages.AddAsync(db, invoice, now, attemptCt, pdf);
            await db.SaveChangesAsync(attemptCt);
            var name = await db.Accounts.Where(a => a.Id == invoice.AccountId).Select(a => a.Name).FirstAsync(attemptCt);
            logger.LogInformation("DecideInvoice: invoice {InvoiceId} {Status}", invoice.Id, invoice.Status);
            return Result<InvoiceRow>.Ok(InvoiceRow.From(invoice, name));
        }, ct);
}
