using BillingConsole.Domain.Common;

namespace BillingConsole.Domain.Settlement;

/// <summary>
/// What a bill line is computed from: the billable usage of one service on one usage day, how much of it the
/// packs covered (SPEC P4, P5), and the unit price at billing time.
/// </summary>
public sealed record BillUsage
{
    /// <summary>The meter code (RP, FV…).</summary>
    public required string Service { get; init; }

    /// <summary>The day the usage happened (SPEC M5); earlier than the bill's day for a late event (SPEC B6).</summary>
    public required DateOnly UsageDay { get; init; }

    /// <summary>Billable usage (SPEC M2, M3): non-billable outcomes are not counted here.</summary>
    public required long Quantity { get; init; }

    public required long PackDeductedQuantity { get; init; }

    public required Money UnitPrice { get; init; }
}
