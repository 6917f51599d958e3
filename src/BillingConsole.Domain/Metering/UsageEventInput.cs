namespace BillingConsole.Domain.Metering;

/// <summary>
/// One usage event as the API parsed it, before any rule is checked (SPEC M2–M8). Every field may be missing;
/// <see cref="UsageEventValidator"/> decides what is acceptable.
/// </summary>
public sealed record UsageEventInput
{
    public string? EventId { get; init; }

    /// <summary>The meter code (RP, FV, FACE_COMPARE…).</summary>
    public string? Service { get; init; }

    public string? SceneId { get; init; }

    public string? Outcome { get; init; }

    /// <summary>When the usage happened, UTC.</summary>
    public DateTime? OccurredAt { get; init; }

    /// <summary>Defaults to 1 when absent (SPEC M8).</summary>
    public long? Quantity { get; init; }
}
