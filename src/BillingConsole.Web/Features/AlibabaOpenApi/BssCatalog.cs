using BillingConsole.Domain.Common;
using BillingConsole.Domain.Pricing;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.Metering;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.AlibabaOpenApi;

/// <summary>The catalog as the OpenAPI names it: products, meters (services) and pack types by code.</summary>
public sealed record BssCatalogView(IReadOnlyDictionary<string, Product> Products, IReadOnlyDictionary<string, Meter> Meters,
    IReadOnlyDictionary<string, PackType> PackTypes)
{
    /// <summary>The product a bill line belongs to; the main product when the meter is unknown.</summary>
    public string ProductOfMeter(string meterCode) =>
        Meters.TryGetValue(meterCode, out var meter) ? meter.ProductCode : MainProduct;

    public string ProductOfPackType(string packType) =>
        PackTypes.TryGetValue(packType, out var type) ? type.ProductCode : MainProduct;

    /// <summary>The product of the catalog's first service (Cloudauth): adjustments and unknown references go there.</summary>
    public string MainProduct => Products.Keys.Order(StringComparer.Ordinal).FirstOrDefault() ?? "CLOUDAUTH";

    public string ProductName(string productCode) => Products.TryGetValue(productCode, out var p) ? p.Name : productCode;

    /// <summary>The unit of a pack type: its first covered service's unit, in Chinese as Alibaba writes it.</summary>
    public string PackUnit(string packType) =>
        PackTypes.TryGetValue(packType, out var type) && type.CoveredMeterList.FirstOrDefault() is { } meter
            && Meters.TryGetValue(meter, out var m) ? BssCatalog.UnitText(m.Unit) : BssCatalog.UnitText("call");
}

public sealed class BssCatalog(IDbContextFactory<BillingDbContext> dbFactory, MeterCatalog meters)
{
    public const string Currency = "CNY";

    /// <summary>Decision (ALIBABA-OPENAPI.md 13): the catalog code in lower case, so Cloudauth is <c>cloudauth</c>.</summary>
    public static string ProductCode(string catalogCode) => catalogCode.ToLowerInvariant();

    /// <summary>Whether a <c>ProductCode</c> filter names this catalog product (case-insensitive).</summary>
    public static bool IsProduct(string? filter, string catalogCode) =>
        filter is null || string.Equals(filter, catalogCode, StringComparison.OrdinalIgnoreCase);

    public static string UnitText(string unit) => unit switch
    {
        "call" => "次",
        "minute" => "分钟",
        "message" => "条",
        "device-year" => "台·年",
        "MB-hour" => "MB·小时",
        _ => unit,
    };

    /// <summary>Money in a field the SDK types as a string: two decimals, more only when the amount has them.</summary>
    public static string MoneyString(Money money) => money.IsWholeFen ? money.ToFenString() : money.ToExactString();

    public async Task<BssCatalogView> LoadAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var products = await db.Products.AsNoTracking().ToDictionaryAsync(p => p.Code, StringComparer.Ordinal, ct);
        var types = await db.PackTypes.AsNoTracking().ToDictionaryAsync(t => t.Code, StringComparer.Ordinal, ct);
        return new BssCatalogView(products, await meters.GetAsync(ct), types);
    }
}
