using System.Text.Json;
using System.Text.Json.Serialization;

namespace BillingConsole.Web.Features.Pricing;

/// <summary>The shape of <c>catalog.json</c> (SPEC "Catalog"): data, not code.</summary>
internal sealed record CatalogFile(
    IReadOnlyList<CatalogFile.ProductRow> Products,
    IReadOnlyList<CatalogFile.MeterRow> Meters,
    IReadOnlyList<CatalogFile.PackTypeRow> PackTypes,
    IReadOnlyList<CatalogFile.PackSpecRow> PackSpecs)
{
    internal sealed record ProductRow(string Code, string Name, string NameEn);

    internal sealed record MeterRow(string Code, string Product, string Name, string NameEn, string Unit,
        string UnitPrice, string? ScenePrefix, IReadOnlyList<string> Outcomes, IReadOnlyList<string> BillableOutcomes,
        bool Metered = true);

    internal sealed record PackTypeRow(string Code, string Product, string Name, string NameEn, string Cycle,
        IReadOnlyList<string> Covers);

    internal sealed record PackSpecRow(string SpecId, string PackType, long Quantity, string Price, int ValidityMonths,
        bool Trial = false, bool DemoPrice = false, bool Retired = false);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    public static CatalogFile Load(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<CatalogFile>(stream, Options)
               ?? throw new InvalidOperationException($"The catalog file {path} is empty.");
    }
}
