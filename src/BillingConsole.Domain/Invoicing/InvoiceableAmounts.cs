using BillingConsole.Domain.Common;

namespace BillingConsole.Domain.Invoicing;

/// <summary>One amount that makes (or, negative, unmakes) invoiceable money, in the month it was paid (SPEC V2).</summary>
public sealed record InvoiceableSource(DateOnly Month, InvoiceableSourceKind Kind, Money Amount);

/// <summary>A month's total per source.</summary>
public sealed record InvoiceableMonth(DateOnly Month, InvoiceableSourceKind Kind, Money Amount);

/// <summary>
/// SPEC V2: paid − refunded − requested − issued. <see cref="Paid"/> is everything paid for consumption (refunds
/// included, negative); <see cref="Invoiceable"/> is what a new request may take.
/// </summary>
public sealed record InvoiceableSummary(Money Paid, Money Requested, Money Issued, IReadOnlyList<InvoiceableMonth> Months)
{
    public Money Invoiceable => Paid - Requested - Issued;

    /// <summary>SPEC V5: whether a refund of <paramref name="refund"/> still leaves what is reserved covered.</summary>
    public bool Covers(Money refund) => Paid - refund >= Requested + Issued;

    public static InvoiceableSummary From(IEnumerable<InvoiceableSource> sources, IEnumerable<(Money Amount, InvoiceStatus Status)> invoices)
    {
        var list = sources.ToList();
        var months = list.GroupBy(s => (s.Month, s.Kind))
            .Select(g => new InvoiceableMonth(g.Key.Month, g.Key.Kind, g.Aggregate(Money.Zero, (a, s) => a + s.Amount)))
            .Where(m => !m.Amount.IsZero)
            .OrderByDescending(m => m.Month).ThenBy(m => m.Kind).ToList();
        var paid = list.Aggregate(Money.Zero, (a, s) => a + s.Amount);
        Money requested = Money.Zero, issued = Money.Zero;
        foreach (var (amount, status) in invoices)
        {
            if (status == InvoiceStatus.Requested) requested += amount;
            else if (status == InvoiceStatus.Issued) issued += amount;
        }
        return new InvoiceableSummary(paid, requested, issued, months);
    }
}
