namespace BillingConsole.Domain.Metering;

/// <summary>
/// A stored usage event (SPEC M4, M9). (AccountId, EventId) is unique in the database: a repeated id is a duplicate,
/// also across batches and concurrent requests. Written by the ingestion fast path without change tracking.
/// </summary>
public sealed class UsageEvent
{
    public long Id { get; init; }
    public Guid AccountId { get; init; }
    public required string EventId { get; init; }
    public required string MeterCode { get; init; }
    public string? SceneId { get; init; }
    public required string Outcome { get; init; }
    public DateTime OccurredAtUtc { get; init; }
    /// <summary>The natural day of <see cref="OccurredAtUtc"/> in the billing time zone (SPEC M5).</summary>
    public DateOnly UsageDay { get; init; }
    public long Quantity { get; init; }
    public bool Billable { get; init; }
    public DateTime ReceivedAtUtc { get; init; }
}
