namespace BillingConsole.Domain.ResourcePacks;

/// <summary>
/// Billable usage of one account and one meter that occurred in [<see cref="StartUtc"/>, <see cref="EndUtc"/>),
/// typically one hour of a billing day, counted in SQL so settlement never loads every event.
/// </summary>
/// <remarks>
/// A bucket must not straddle a boundary of any pack (<see cref="PackAllocator"/> throws); build bucket edges with
/// <see cref="UsageBucketEdges.Between"/>.
/// </remarks>
public sealed record UsageBucket(DateTime StartUtc, DateTime EndUtc, long Quantity);
