using BillingConsole.Domain.Common;
using BillingConsole.Domain.Invoicing;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Invoices;

/// <summary>
/// SPEC V6: the ended months of an account and the statement (对账单) of one of them, read from the ledger in the billing
/// time zone. The opening and closing balances are the ledger's own running balances before the month and before its
/// end; <see cref="MonthlyStatement.Build"/> checks that the entries lead from one to the other.
/// </summary>
public sealed class GetStatementHandler(IDbContextFactory<BillingDbContext> dbFactory, TimeProvider clock, BillingCalendar calendar)
{
    /// <summary>The account's ended months, newest first, from the month it was opened.</summary>
    public async Task<IReadOnlyList<DateOnly>> EndedMonthsAsync(Guid accountId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var opened = await db.Accounts.AsNoTracking().Where(a => a.Id == accountId).Select(a => (DateTime?)a.CreatedAtUtc).FirstOrDefaultAsync(ct);
        var first = await db.LedgerEntries.AsNoTracking().Where(e => e.AccountId == accountId).OrderBy(e => e.Sequence)
            .Select(e => (DateTime?)e.CreatedAtUtc).FirstOrDefaultAsync(ct);
        if (opened is null) return [];
        var from = calendar.MonthOf(first is { } f && f < opened ? f : opened.Value);
        var current = calendar.MonthOf(clock.GetUtcNow().UtcDateTime);
        var months = new List<DateOnly>();
        for (var m = current.AddMonths(-1); m >= from; m = m.AddMonths(-1)) months.Add(m);
        return months;
    }

    public async Task<Result<MonthlyStatement>> HandleAsync(Guid accountId, DateOnly month, CancellationToken ct)
    {
        month = new DateOnly(month.Year, month.Month, 1);
        var start = calendar.MonthStartUtc(month);
        var end = calendar.NextMonthStartUtc(month);
        if (end > clock.GetUtcNow().UtcDateTime) return Result<MonthlyStatement>.Invalid("month", "A statement is only available for an ended month.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var name = await db.Accounts.AsNoTracking().Where(a => a.Id == accountId).Select(a => a.Name).FirstOrDefaultAsync(ct);
        if (name is null) return Result<MonthlyStatement>.NotFound("The account does not exist.");
        var ledger = db.LedgerEntries.AsNoTracking().Where(e => e.AccountId == accountId);
        var opening = await ledger.Where(e => e.CreatedAtUtc < start).OrderByDescending(e => e.Sequence)
            .Select(e => (long?)e.BalanceAfterUnits).FirstOrDefaultAsync(ct) ?? 0;
        var closing = await ledger.Where(e => e.CreatedAtUtc < end).OrderByDescending(e => e.Sequence)
            .Select(e => (long?)e.BalanceAfterUnits).FirstOrDefaultAsync(ct) ?? 0;
        var entries = await ledger.Where(e => e.CreatedAtUtc >= start && e.CreatedAtUtc < end).OrderBy(e => e.Sequence).ToListAsync(ct);
        return MonthlyStatement.Build(month, name, Money.FromUnits(opening),
            entries.Select(e => new StatementEntry(e.Sequence, e.CreatedAtUtc, e.Kind, e.Amount, e.BalanceAfter, e.Reference, e.Description)),
            Money.FromUnits(closing));
    }

    /// <summary><c>yyyy-MM</c>, or null.</summary>
    public static DateOnly? ParseMonth(string? text) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var d) ? d : null;
}
