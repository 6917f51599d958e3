using BillingConsole.Domain.Common;
using BillingConsole.Domain.Invoicing;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.Support;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Invoices;

/// <summary>A request: the title either typed in <see cref="Fields"/> or taken from a saved title (<see cref="TitleId"/>).</summary>
public sealed record RequestInvoiceCommand(Guid AccountId, InvoiceRequestFields Fields, string UserId, Guid? TitleId = null);

/// <summary>
/// SPEC V3: validates the request and reserves its amount in one unit of work: the invoicing row is claimed before the
/// invoiceable amount is read (<see cref="InvoicingLock"/>), so of concurrent requests that together exceed it, the
/// later ones are retried on a fresh amount and refused. SPEC V2 amounts come from <see cref="InvoiceableLedger"/>.
/// </summary>
public sealed class RequestInvoiceHandler(IDbContextFactory<BillingDbContext> dbFactory, TimeProvider clock,
    BillingCalendar calendar, AuditLog audit, ILogger<RequestInvoiceHandler> logger)
{
    public async Task<InvoiceableSummary> SummaryAsync(Guid accountId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await InvoiceableLedger.ComputeAsync(db, accountId, calendar, ct);
    }

    public Task<Result<InvoiceRow>> HandleAsync(RequestInvoiceCommand cmd, CancellationToken ct) =>
        ConcurrencyRetry.ExecuteAsync(async attemptCt =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(attemptCt);
            var account = await db.Accounts.AsNoTracking().Where(a => a.Id == cmd.AccountId).Select(a => a.Name)
                .FirstOrDefaultAsync(attemptCt);
            if (account is null) return Result<InvoiceRow>.NotFound("The account does not exist.");
            var fields = cmd.Fields;
            if (cmd.TitleId is { } titleId)
            {
                var saved = await db.InvoiceTitles.AsNoTracking()
                    .FirstOrDefaultAsync(t => t.Id == titleId && t.AccountId == cmd.AccountId, attemptCt);
                if (saved is null) return Result<InvoiceRow>.Invalid("titleId", "No such invoice title on this account.");
                fields = fields with { Title = saved.Fields };
            }
            var now = clock.GetUtcNow().UtcDateTime;
            await InvoicingLock.ClaimAsync(db, cmd.AccountId, now, attemptCt); // before the amount is read
            var summary = await InvoiceableLedger.ComputeAsync(db, cmd.AccountId, calendar, attemptCt);
            var valid = InvoiceRequestRules.Validate(fields, summary.Invoiceable);
            if (!valid.IsOk) return valid.Cast<InvoiceRow>();
            var invoice = Invoice.Request(cmd.AccountId, valid.Value!, cmd.UserId, now);
            db.Invoices.Add(invoice);
            audit.Add(db, "invoice.request", $"invoice {invoice.Id}",
                $"{invoice.Amount.ToFenString()} {invoice.Type.Api()} to {invoice.TitleName}", cmd.AccountId);
            await db.SaveChangesAsync(attemptCt);
            logger.LogInformation("RequestInvoice: invoice {InvoiceId} of {Amount} requested by account {AccountId}",
                invoice.Id, invoice.Amount.ToFenString(), cmd.AccountId);
            return Result<InvoiceRow>.Ok(InvoiceRow.From(invoice, account));
        }, ct, attempts: 40);
}
