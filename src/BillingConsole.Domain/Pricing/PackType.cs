namespace BillingConsole.Domain.Pricing;

/// <summary>A kind of resource pack (RP_CALLS, FV_CALLS…) and the meters it covers.</summary>
public sealed class PackType
{
    public required string Code { get; init; }
    public required string ProductCode { get; init; }
    public required string Name { get; init; }
    public required string NameEn { get; init; }
    public required PackCycle Cycle { get; init; }
    /// <summary>Meter codes whose usage this pack type covers, comma-separated.</summary>
    public required string CoveredMeters { get; init; }

    public IReadOnlyList<string> CoveredMeterList =>
        CoveredMeters.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool Covers(string meterCode) => CoveredMeterList.Contains(meterCode, StringComparer.Ordinal);
}
