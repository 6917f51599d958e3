using BillingConsole.Domain.Common;

namespace BillingConsole.Domain.Settlement;

/// <summary>
/// The computed, not yet stored, bill of one account for one billing day (SPEC B1, B2, B6). Totals are the sums
/// of the lines, never re-rounded, so lines, bill and ledger entry agree to the ten-thousandth (SPEC B10).
/// </summary>
public sealed record DailyBillDraft
{
    internal DailyBillDraft(Guid accountId, DateOnly billingDay, IReadOnlyList<BillLine> lines)
    {
        AccountId = accountId;
        BillingDay = billingDay;
        Lines = lines;
        GrossAmount = Sum(lines, l => l.GrossAmount);
        RoundDownDiscount = Sum(lines, l => l.RoundDownDiscount);
        PayableAmount = Sum(lines, l => l.PayableAmount);
    }

    public Guid AccountId { get; }

    /// <summary>The day the bill is for (the API's bill <c>usageDay</c>); lines may name earlier days.</summary>
    public DateOnly BillingDay { get; }

    /// <summary>Ordered by usage day, then service.</summary>
    public IReadOnlyList<BillLine> Lines { get; }

    public Money GrossAmount { get; }

    public Money RoundDownDiscount { get; }

    /// <summary>Whole fen: what the ledger takes from the cash balance (SPEC B3).</summary>
    public Money PayableAmount { get; }

    private static Money Sum(IEnumerable<BillLine> lines, Func<BillLine, Money> amount) =>
        lines.Aggregate(Money.Zero, (total, line) => total + amount(line));
}
