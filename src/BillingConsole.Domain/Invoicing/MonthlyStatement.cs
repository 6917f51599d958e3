using BillingConsole.Domain.Common;
using BillingConsole.Domain.Ledger;

namespace BillingConsole.Domain.Invoicing;

/// <summary>One ledger entry as the statement shows it.</summary>
public sealed record StatementEntry(long Sequence, DateTime AtUtc, LedgerEntryKind Kind, Money Amount, Money BalanceAfter,
    string Reference, string? Description);

/// <summary>
/// SPEC V6: the statement (对账单) of an ended month: the opening balance (the ledger's balance before the month), every
/// entry of the month in sequence order, totals per kind and the closing balance (the ledger's balance at the month's
/// end). <see cref="Build"/> refuses a statement whose opening + Σ entries ≠ closing, so none is ever handed out wrong.
/// </summary>
public sealed record MonthlyStatement(DateOnly Month, string AccountName, Money Opening, IReadOnlyList<StatementEntry> Entries,
    Money Closing)
{
    public Money Total => Entries.Aggregate(Money.Zero, (a, e) => a + e.Amount);

    public IReadOnlyList<(LedgerEntryKind Kind, int Count, Money Total)> TotalsByKind => Entries
        .GroupBy(e => e.Kind).OrderBy(g => g.Key)
        .Select(g => (g.Key, g.Count(), g.Aggregate(Money.Zero, (a, e) => a + e.Amount))).ToList();

    public bool IsBalanced => Opening + Total == Closing;

    /// <param name="opening">The balance after the last entry before the month (zero when there is none).</param>
    /// <param name="closing">The balance after the last entry before the month's end, read from the ledger separately.</param>
    public static Result<MonthlyStatement> Build(DateOnly month, string accountName, Money opening,
        IEnumerable<StatementEntry> entries, Money closing)
    {
        var ordered = entries.OrderBy(e => e.Sequence).ToList();
        var statement = new MonthlyStatement(new DateOnly(month.Year, month.Month, 1), accountName, opening, ordered, closing);
        if (!statement.IsBalanced)
        {
            return Result<MonthlyStatement>.Conflict(
                $"The statement does not balance: opening {opening.ToFenString()} + entries {statement.Total.ToFenString()} ≠ closing {closing.ToFenString()}.");
        }
        // Each entry's running balance must follow from the one before: a gap in the ledger would show here.
        var running = opening;
        foreach (var e in ordered)
        {
            running += e.Amount;
            if (running != e.BalanceAfter)
            {
                return Result<MonthlyStatement>.Conflict($"Ledger entry {e.Sequence} does not follow from the one before it.");
            }
        }
        return Result<MonthlyStatement>.Ok(statement);
    }
}
