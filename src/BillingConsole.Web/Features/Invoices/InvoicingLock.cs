using BillingConsole.Domain.Common;
using BillingConsole.Domain.Invoicing;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Invoices;

/// <summary>
/// The account-level invoicing row as a lock (SPEC V3, V5; docs/invoices.md "Reservation"). A unit of work that may
/// lower the invoiceable amount claims the row FIRST, then reads what it decides on, then saves: the row's version
/// token makes the save fail when another such unit committed in between (the caller retries with a fresh context),
/// and a first-ever claim by two writers at once fails on the row's primary key. Works the same on SQLite and PostgreSQL.
/// </summary>
public static class InvoicingLock
{
    public static async Task<InvoicingAccount> ClaimAsync(BillingDbContext db, Guid accountId, DateTime nowUtc, CancellationToken ct)
    {
        var row = await db.InvoicingAccounts.FirstOrDefaultAsync(x => x.AccountId == accountId, ct);
        if (row is null)
        {
            row = InvoicingAccount.Open(accountId, nowUtc);
            db.InvoicingAccounts.Add(row);
        }
        else
        {
            row.Touch(nowUtc);
        }
        return row;
    }

    /// <summary>
    /// SPEC V5, inside the refund's unit of work (before it posts): claims the row and refuses a refund that would leave
    /// less invoiceable than is already requested or issued. Null when the refund may go ahead.
    /// </summary>
    public static async Task<ResultMessage?> RefundRefusalAsync(BillingDbContext db, Guid accountId, Money refund,
        BillingCalendar calendar, DateTime nowUtc, CancellationToken ct)
    {
        await ClaimAsync(db, accountId, nowUtc, ct);
        var summary = await InvoiceableLedger.ComputeAsync(db, accountId, calendar, ct);
        if (summary.Covers(refund)) return null;
        return $"This refund of {refund.ToFenString()} would leave less invoiceable than is already invoiced or requested ({(summary.Issued + summary.Requested).ToFenString()}). Ask for a reversal (红冲) of an invoice first.";
    }
}
