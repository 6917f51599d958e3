namespace BillingConsole.Domain.Metering;

/// <summary>
/// SPEC M4 within one request: the first occurrence of an event id wins, later copies are duplicates, whatever
/// their content. Ids compare ordinally (case-sensitive), as the unique index in the database does. Duplicates
/// across requests are the database's job (unique key per account and event id), not this type's.
/// </summary>
public static class BatchDeduplicator
{
    /// <summary>One classification per index; a null id is <see cref="BatchOccurrence.NoId"/>.</summary>
    public static IReadOnlyList<BatchOccurrence> Classify(IReadOnlyList<string?> eventIds)
    {
        ArgumentNullException.ThrowIfNull(eventIds);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new BatchOccurrence[eventIds.Count];
        for (var i = 0; i < eventIds.Count; i++)
        {
            result[i] = eventIds[i] switch
            {
                null => BatchOccurrence.NoId,
                var id when seen.Add(id) => BatchOccurrence.First,
                _ => BatchOccurrence.Repeat,
            };
        }
        return result;
    }
}
