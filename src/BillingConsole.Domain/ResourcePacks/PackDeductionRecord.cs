namespace BillingConsole.Domain.ResourcePacks;

/// <summary>
/// A deduction as recorded (SPEC P5): which pack, when, remaining before, deducted, remaining after, and the bill line
/// it belongs to. Written by daily billing in the same transaction as the bill; read by the 抵扣明细 page.
/// </summary>
public sealed class PackDeductionRecord
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid AccountId { get; init; }
    public Guid PackId { get; init; }
    public Guid BillId { get; init; }
    public Guid? BillLineId { get; init; }
    public required string MeterCode { get; init; }
    public DateOnly UsageDay { get; init; }
    public DateTime UsageStartUtc { get; init; }
    public DateTime UsageEndUtc { get; init; }
    /// <summary>For cyclic packs, the period the figures belong to.</summary>
    public DateTime? PeriodStartUtc { get; init; }
    public long Quantity { get; init; }
    public long RemainingBefore { get; init; }
    public long RemainingAfter { get; init; }
    public DateTime DeductedAtUtc { get; init; }
}
