using BillingConsole.Domain.Common;

namespace BillingConsole.Domain.Settlement;

/// <summary>
/// A stored line of an issued <see cref="Bill"/> (table <c>BillLines</c>). Named apart from the computed
/// <see cref="BillLine"/> it is copied from, so the amounts always obey SPEC B2.
/// </summary>
public sealed class IssuedBillLine
{
    private IssuedBillLine()
    {
        MeterCode = string.Empty;
    }

    /// <param name="issuedAtUtc">The bill's issue time: the id is time-ordered (see <see cref="Bill.Issue"/>).</param>
    internal IssuedBillLine(Guid billId, BillLine line, DateTime issuedAtUtc)
    {
        Id = TimeOrderedId.New(issuedAtUtc);
        BillId = billId;
        MeterCode = line.Service;
        UsageDay = line.UsageDay;
        Quantity = line.Quantity;
        PackDeductedQuantity = line.PackDeductedQuantity;
        BillableQuantity = line.BillableQuantity;
        UnitPriceUnits = line.UnitPrice.Units;
        GrossUnits = line.GrossAmount.Units;
        PayableUnits = line.PayableAmount.Units;
        RoundDownDiscountUnits = line.RoundDownDiscount.Units;
    }

    public Guid Id { get; private set; }
    public Guid BillId { get; private set; }
    public string MeterCode { get; private set; }
    /// <summary>The line's own usage day: earlier than the bill's day for late usage (SPEC B6).</summary>
    public DateOnly UsageDay { get; private set; }
    public long Quantity { get; private set; }
    public long PackDeductedQuantity { get; private set; }
    public long BillableQuantity { get; private set; }
    public long UnitPriceUnits { get; private set; }
    public long GrossUnits { get; private set; }
    public long PayableUnits { get; private set; }
    public long RoundDownDiscountUnits { get; private set; }

    public Money UnitPrice => Money.FromUnits(UnitPriceUnits);
    public Money Gross => Money.FromUnits(GrossUnits);
    public Money Payable => Money.FromUnits(PayableUnits);
    public Money RoundDownDiscount => Money.FromUnits(RoundDownDiscountUnits);
}
