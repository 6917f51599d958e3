namespace BillingConsole.Domain.ResourcePacks;

/// <summary>
/// One deduction decided by <see cref="PackAllocator"/> (SPEC P5): <paramref name="Quantity"/> taken from
/// <paramref name="PackId"/> for the usage in [<paramref name="UsageStartUtc"/>, <paramref name="UsageEndUtc"/>).
/// For cyclic packs the remaining figures are those of <paramref name="PeriodStartUtc"/>'s period.
/// </summary>
public sealed record PackDeduction(
    Guid PackId,
    long Quantity,
    long RemainingBefore,
    long RemainingAfter,
    DateTime UsageStartUtc,
    DateTime UsageEndUtc,
    DateTime? PeriodStartUtc);
