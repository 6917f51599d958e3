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
