namespace BillingConsole.Domain.Metering;

/// <summary>A usage event that passed every metering rule and may be stored (SPEC M9).</summary>
public sealed record ValidatedUsageEvent
{
    public required string EventId { get; init; }

    public required string MeterCode { get; init; }

    public string? SceneId { get; init; }

    public required string Outcome { get; init; }

    public required DateTime OccurredAtUtc { get; init; }

    public required long Quantity { get; init; }

    /// <summary>The natural day of <see cref="OccurredAtUtc"/> in the billing time zone (SPEC M5).</summary>
    public required DateOnly UsageDay { get; init; }

    /// <summary>
    /// Whether the outcome is counted (SPEC M2, M3). Non-billable events (abandoned, error) are stored anyway,
    /// so support can see them, but never billed.
    /// </summary>
    public required bool Billable { get; init; }
}
