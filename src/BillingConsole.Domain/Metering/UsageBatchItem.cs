namespace BillingConsole.Domain.Metering;

/// <summary>One event of a batch after validation and in-batch deduplication, at its request index.</summary>
public sealed record UsageBatchItem
{
    public required int Index { get; init; }

    /// <summary>The id as reported (also for rejected events, for the API's <c>rejected[]</c> answer).</summary>
    public string? EventId { get; init; }

    public required UsageBatchItemKind Kind { get; init; }

    /// <summary>Set unless the event was rejected.</summary>
    public ValidatedUsageEvent? Event { get; init; }

    /// <summary>Set when the event was rejected.</summary>
    public string? Reason { get; init; }
}
