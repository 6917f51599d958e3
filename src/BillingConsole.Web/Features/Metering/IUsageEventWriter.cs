using BillingConsole.Domain.Metering;

namespace BillingConsole.Web.Features.Metering;

/// <summary>A validated event with its local hour, computed before the write lock is taken.</summary>
public sealed record PendingUsageEvent(ValidatedUsageEvent Event, DateTime HourStartUtc);

/// <summary>
/// The provider-specific ingestion write path (a real seam: SQLite and PostgreSQL write fastest in different ways).
/// Either way: the events new for the account and their hourly roll-ups commit in one transaction, duplicates are
/// decided by the unique key, and the call returns only after the commit (SPEC M4, M9).
/// </summary>
public interface IUsageEventWriter
{
    /// <summary>Stores the events that are new for the account; returns how many were (the rest are duplicates).</summary>
    Task<int> WriteAsync(Guid accountId, IReadOnlyList<PendingUsageEvent> events, DateTime receivedAtUtc, CancellationToken ct);
}
