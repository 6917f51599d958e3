using System.Globalization;
using BillingConsole.Domain.Pricing;
using BillingConsole.Domain.ResourcePacks;
using BillingConsole.Web.Features.ResourcePacks;
using Microsoft.Extensions.Options;

namespace BillingConsole.Web.Features.AlibabaOpenApi;

/// <summary>
/// 9.2: the account's resource packs (what <c>GET /api/v1/packs</c> lists), sorted by expiry then id so that paging
/// is stable; quantities as strings; monthly-cycle packs show this period's allowance.
/// </summary>
internal sealed class QueryResourcePackageInstances(GetPacksHandler packs, BssCatalog catalog, IOptions<OpenApiOptions> options)
    : IBssOperation
{
    public string Action => nameof(QueryResourcePackageInstances);

    public async Task<object> HandleAsync(OpenApiCall call, CancellationToken ct)
    {
        var p = call.Parameters;
        var from = p.Time("ExpiryTimeStart");
        var to = p.Time("ExpiryTimeEnd");
        var product = p.Get("ProductCode");
        var pageNum = p.Int("PageNum", 1, 1, int.MaxValue);
        var pageSize = p.Int("PageSize", 20, 1, OpenApiParameters.MaxPageSize);
        var view = await catalog.LoadAsync(ct);
        var rows = (await packs.HandleAsync(call.AccountId, ct))
            .Where(r => (from is null || r.ExpiresAtUtc >= from) && (to is null || r.ExpiresAtUtc <= to))
            .Where(r => BssCatalog.IsProduct(product, view.ProductOfPackType(r.PackType)))
            .OrderBy(r => r.ExpiresAtUtc).ThenBy(r => r.PackId.ToString(), StringComparer.Ordinal)
            .ToList();
        var instances = rows.Skip((pageNum - 1) * pageSize).Take(pageSize).Select(r =>
        {
            var code = BssCatalog.ProductCode(view.ProductOfPackType(r.PackType));
            var unit = view.PackUnit(r.PackType);
            return new
            {
                InstanceId = r.PackId.ToString(),
                PackageType = r.PackType,
                CommodityCode = code,
                DeductType = "Absolute",
                Region = options.Value.Region,
                EffectiveTime = Utc(r.EffectiveAtUtc),
                ExpiryTime = Utc(r.ExpiresAtUtc),
                TotalAmount = r.Total.ToString(CultureInfo.InvariantCulture),
                TotalAmountUnit = unit,
                RemainingAmount = Math.Clamp(r.Remaining, 0, r.Total).ToString(CultureInfo.InvariantCulture),
                RemainingAmountUnit = unit,
                Status = r.Status switch
                {
                    PackStatus.Expired => "Expired",
                    PackStatus.Unsubscribed => "Refunded",
                    _ => "Available",
                },
                Remark = r.PackTypeName,
                ApplicableProducts = new { Product = new[] { code } },
            };
        }).ToList();
        return new
        {
            RequestId = call.RequestId,
            Code = "Success",
            Message = "Successful!",
            Success = true,
            Page = pageNum,
            PageSize = pageSize,
            Total = rows.Count,
            Data = new
            {
                HostId = "billingconsole",
                PageNum = pageNum.ToString(CultureInfo.InvariantCulture),
                PageSize = pageSize.ToString(CultureInfo.InvariantCulture),
                TotalCount = rows.Count.ToString(CultureInfo.InvariantCulture),
                Instances = new { Instance = instances },
            },
        };
    }

    public static string Utc(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

/// <summary>9.7: the pack catalog of one product (what <c>GET /api/v1/packs/catalog</c> sells), without prices.</summary>
internal sealed class DescribeResourcePackageProduct(GetPackCatalogHandler packCatalog, BssCatalog catalog) : IBssOperation
{
    public string Action => nameof(DescribeResourcePackageProduct);

    public async Task<object> HandleAsync(OpenApiCall call, CancellationToken ct)
    {
        var product = call.Parameters.Required("ProductCode");
        var view = await catalog.LoadAsync(ct);
        var specs = (await packCatalog.HandleAsync(null, ct)).Specs;
        var packages = view.Products.Values.Where(pr => BssCatalog.IsProduct(product, pr.Code))
            .OrderBy(pr => pr.Code, StringComparer.Ordinal)
            .Select(pr => new
            {
                Name = pr.Name,
                ProductCode = BssCatalog.ProductCode(pr.Code),
                ProductType = "",
                PackageTypes = new
                {
                    PackageType = specs.Where(s => view.ProductOfPackType(s.PackType) == pr.Code)
                        .GroupBy(s => s.PackType).Select(g => new
                        {
                            Code = g.Key,
                            Name = g.First().PackTypeName,
                            Properties = new { Property = Properties(view, g.Key, g.First().Cycle) },
                            Specifications = new
                            {
                                Specification = g.Select(s => new
                                {
                                    Name = s.Quantity.ToString("N0", CultureInfo.InvariantCulture) + BssCatalog.UnitText(s.Unit)
                                        + (s.Trial ? " (试用)" : ""),
                                    Value = s.SpecId,
                                    AvailableDurations = new
                                    {
                                        AvailableDuration = new[]
                                        {
                                            new { Name = $"{s.ValidityMonths}个月", Value = s.ValidityMonths, Unit = "Month" },
                                        },
                                    },
                                }).ToList(),
                            },
                        }).ToList(),
                },
            }).ToList();
        return BssEnvelope.Success(call.RequestId, new { ResourcePackages = new { ResourcePackage = packages } });
    }

    private static object[] Properties(BssCatalogView view, string packType, PackCycle cycle) =>
    [
        new { Name = "Cycle", Value = cycle.ToString() },
        new { Name = "ApplicableServices", Value = view.PackTypes.TryGetValue(packType, out var t) ? t.CoveredMeters : "" },
    ];
}
