namespace BillingConsole.Domain.Metering;

/// <summary>
/// Validates a batch of reported events and marks in-batch duplicates (SPEC M4, M6). Validation comes first: a
/// rejected event does not claim its id, so a later valid copy is stored, the same as when the copy arrives in a
/// later request.
/// </summary>
public static class UsageBatch
{
    /// <summary>One item per input, in request order.</summary>
    public static IReadOnlyList<UsageBatchItem> Check(
        IReadOnlyList<UsageEventInput> events, UsageEventValidator validator, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(validator);

        var results = events.Select(e => validator.Validate(e, nowUtc)).ToArray();
        var occurrences = BatchDeduplicator.Classify(results.Select(r => r.Value?.EventId).ToArray());

        return results.Select((result, i) => new UsageBatchItem
        {
            Index = i,
            EventId = events[i].EventId,
            Event = result.Value,
            Reason = result.IsOk ? null : result.Error,
            Kind = !result.IsOk ? UsageBatchItemKind.Rejected
                : occurrences[i] == BatchOccurrence.Repeat ? UsageBatchItemKind.DuplicateInBatch
                : UsageBatchItemKind.ToStore,
        }).ToArray();
    }
}
