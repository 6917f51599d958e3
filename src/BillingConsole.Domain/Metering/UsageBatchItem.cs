namespace BillingConsole.Domain.Metering;

/// <summary>What happens to one event of an ingestion batch before it reaches the database.</summary>
public enum UsageBatchItemKind
{
    /// <summary>Valid and the first of its id in the batch: to be stored (it may still be a duplicate of a
    /// stored event, which the database's unique key decides).</summary>
    ToStore,
    /// <summary>Valid, but its id appeared earlier in the same batch.</summary>
    DuplicateInBatch,
    /// <summary>Broke a metering rule; see <see cref="UsageBatchItem.Reason"/>.</summary>
    Rejected,
}

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
