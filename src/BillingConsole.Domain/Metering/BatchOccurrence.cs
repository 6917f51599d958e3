namespace BillingConsole.Domain.Metering;

/// <summary>How an event id relates to the ids before it in the same batch (SPEC M4).</summary>
public enum BatchOccurrence
{
    /// <summary>The first time this id appears in the batch.</summary>
    First,
    /// <summary>The id appeared earlier in the batch: answered as a duplicate, never counted twice.</summary>
    Repeat,
    /// <summary>No id to compare (the event was rejected before it had a usable id).</summary>
    NoId,
}
