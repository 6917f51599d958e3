namespace BillingConsole.Domain.Metering;

/// <summary>The tunable limits of usage ingestion (SPEC M6, M8; config key <c>Metering:AcceptanceWindow</c>).</summary>
public sealed record UsageEventRules
{
    public static UsageEventRules Default { get; } = new();

    /// <summary>How old an event may be. Defaults to 7 days.</summary>
    public TimeSpan AcceptanceWindow { get; init; } = TimeSpan.FromDays(7);

    /// <summary>How far ahead of now an event may be, for clock skew. Defaults to 5 minutes.</summary>
    public TimeSpan FutureTolerance { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The largest quantity one event may carry. Defaults to 1,000,000.</summary>
    public long MaxQuantity { get; init; } = 1_000_000;

    public const int MaxEventIdLength = 128;

    public const int MaxSceneIdLength = 64;

    /// <summary>At most this many events per ingestion request (API.md).</summary>
    public const int MaxEventsPerBatch = 1_000;
}
