using BillingConsole.Domain.Common;

namespace BillingConsole.Domain.Settlement;

/// <summary>
/// One line of a daily bill (SPEC B2), keyed by (service, usage day). Built only by <see cref="BillCalculator"/>,
/// so its amounts always agree: gross = billable × unit price exactly, payable = gross rounded down to the fen,
/// discount = gross − payable.
/// </summary>
public sealed record BillLine
{
    internal BillLine(BillUsage usage)
    {
        Service = usage.Service;
        UsageDay = usage.UsageDay;
        Quantity = usage.Quantity;
        PackDeductedQuantity = usage.PackDeductedQuantity;
        BillableQuantity = usage.Quantity - usage.PackDeductedQuantity;
        UnitPrice = usage.UnitPrice;
        GrossAmount = usage.UnitPrice * BillableQuantity;
        // 抹零 per line, not on the total: the customer sees each line's discount, and the total is their sum.
        PayableAmount = GrossAmount.RoundDownToFen();
        RoundDownDiscount = GrossAmount - PayableAmount;
    }

    public string Service { get; }

    /// <summary>The line's own usage day; differs from the bill's day for late events (SPEC B6).</summary>
    public DateOnly UsageDay { get; }

    public long Quantity { get; }

    public long PackDeductedQuantity { get; }

    /// <summary><see cref="Quantity"/> − <see cref="PackDeductedQuantity"/>: charged pay-as-you-go.</summary>
    public long BillableQuantity { get; }

    public Money UnitPrice { get; }

    /// <summary>Exact, up to four decimals.</summary>
    public Money GrossAmount { get; }

    /// <summary>Whole fen.</summary>
    public Money PayableAmount { get; }

    /// <summary>Less than one fen.</summary>
    public Money RoundDownDiscount { get; }
}
