using BillingConsole.Domain.Common;

namespace BillingConsole.Domain.Settlement;

/// <summary>
/// An issued daily bill (SPEC B1–B3). (AccountId, UsageDay) is unique in the database: that key, not a job lock,
/// makes each (account, day) billed exactly once (SPEC B4). Amounts never change after issue except
/// <see cref="OutstandingUnits"/>, which later money pays off oldest bill first (SPEC B8).
/// </summary>
public sealed class Bill
{
    private readonly List<IssuedBillLine> lines = [];

    private Bill()
    {
    }

    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    /// <summary>The bill's day (API <c>usageDay</c>); its lines may name earlier days (SPEC B6).</summary>
    public DateOnly UsageDay { get; private set; }
    public DateTime IssuedAtUtc { get; private set; }
    public long GrossUnits { get; private set; }
    public long RoundDownDiscountUnits { get; private set; }
    public long PayableUnits { get; private set; }
    public long OutstandingUnits { get; private set; }
    public BillStatus Status { get; private set; }
    public DateTime? PaidAtUtc { get; private set; }
    public IReadOnlyList<IssuedBillLine> Lines => lines;

    public Money Gross => Money.FromUnits(GrossUnits);
    public Money RoundDownDiscount => Money.FromUnits(RoundDownDiscountUnits);
    public Money Payable => Money.FromUnits(PayableUnits);
    public Money Outstanding => Money.FromUnits(OutstandingUnits);

    /// <summary>Issues the draft with the outstanding part that <see cref="BillPayment.Settle"/> decided.</summary>
    public static Bill Issue(DailyBillDraft draft, BillSettlement settlement, DateTime nowUtc)
    {
        if (settlement.PayableAmount != draft.PayableAmount)
        {
            throw new ArgumentException("The settlement is for another payable.", nameof(settlement));
        }
        var bill = new Bill
        {
            // Time-ordered (UUIDv7): a day's bills, lines and charges go to the end of their key indexes instead of
            // a random page each, which is most of what a daily run writes (docs/settlement.md "Writing a chunk").
            Id = TimeOrderedId.New(nowUtc),
            AccountId = draft.AccountId,
            UsageDay = draft.BillingDay,
            IssuedAtUtc = nowUtc,
            GrossUnits = draft.GrossAmount.Units,
            RoundDownDiscountUnits = draft.RoundDownDiscount.Units,
            PayableUnits = draft.PayableAmount.Units,
            OutstandingUnits = settlement.OutstandingAmount.Units,
            Status = settlement.IsFullyPaid ? BillStatus.Paid : BillStatus.Outstanding,
            PaidAtUtc = settlement.IsFullyPaid ? nowUtc : null,
        };
        bill.lines.AddRange(draft.Lines.Select(l => new IssuedBillLine(bill.Id, l, nowUtc)));
        return bill;
    }

    /// <summary>
    /// Applies up to <paramref name="available"/> of newly credited money to the outstanding amount (SPEC B8).
    /// </summary>
    /// <returns>What was used; the caller offers the rest to the next bill.</returns>
    public Money ApplyPayment(Money available, DateTime nowUtc)
    {
        if (available.IsNegative) throw new ArgumentOutOfRangeException(nameof(available), "A payment is not negative.");
        var used = Money.Min(available, Outstanding);
        OutstandingUnits -= used.Units;
        if (OutstandingUnits == 0 && Status == BillStatus.Outstanding)
        {
            Status = BillStatus.Paid;
            PaidAtUtc = nowUtc;
        }
        return used;
    }
}
