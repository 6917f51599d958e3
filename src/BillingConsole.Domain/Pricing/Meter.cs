using BillingConsole.Domain.Common;

namespace BillingConsole.Domain.Pricing;

/// <summary>A billable service of a product (RP, FV, FACE_COMPARE…), loaded from the catalog data file (SPEC M1).</summary>
public sealed class Meter
{
    public required string Code { get; init; }
    public required string ProductCode { get; init; }
    public required string Name { get; init; }
    public required string NameEn { get; init; }
    /// <summary>The unit a price is for: "call", "minute", "message", "device-year".</summary>
    public required string Unit { get; init; }
    public required long UnitPriceUnits { get; set; }
    /// <summary>Scene ids of this service start with it (SPEC M7); null when scene ids are not checked.</summary>
    public string? ScenePrefix { get; init; }
    /// <summary>Every outcome the service reports, comma-separated.</summary>
    public required string Outcomes { get; init; }
    /// <summary>The outcomes that are billed (SPEC M2, M3), comma-separated.</summary>
    public required string BillableOutcomes { get; init; }
    /// <summary>False for things that are bought rather than reported as usage (the offline SDK licence).</summary>
    public bool Metered { get; init; } = true;

    public Money UnitPrice => Money.FromUnits(UnitPriceUnits);

    public IReadOnlyList<string> OutcomeList => Split(Outcomes);
    public IReadOnlyList<string> BillableOutcomeList => Split(BillableOutcomes);

    public bool KnowsOutcome(string outcome) => OutcomeList.Contains(outcome, StringComparer.Ordinal);
    public bool IsBillable(string outcome) => BillableOutcomeList.Contains(outcome, StringComparer.Ordinal);

    private static string[] Split(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
