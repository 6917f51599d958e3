using BillingConsole.Domain.Common;
using BillingConsole.Domain.Pricing;
using BillingConsole.Domain.ResourcePacks;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.ResourcePacks;

/// <summary>A spec on sale (API <c>GET /api/v1/packs/catalog</c>, the purchase page 选购).</summary>
public sealed record CatalogSpec(string SpecId, string PackType, string PackTypeName, string PackTypeNameEn, PackCycle Cycle,
    long Quantity, Money Price, int ValidityMonths, bool Trial, bool DemoPrice, string Unit)
{
    /// <summary>Price per unit, exact (it can have more decimals than <see cref="Money"/> keeps: 3600.00 / 10,000,000).</summary>
    public decimal UnitPrice => Price.Amount / Quantity;
}

/// <summary>The catalog and, for an account, the pack types whose free trial it may still take (SPEC P2).</summary>
public sealed record PackCatalog(IReadOnlyList<CatalogSpec> Specs, IReadOnlySet<string> TrialEligibleTypes);

public sealed class GetPackCatalogHandler(IDbContextFactory<BillingDbContext> dbFactory)
{
    public async Task<PackCatalog> HandleAsync(Guid? accountId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var types = await db.PackTypes.AsNoTracking().ToDictionaryAsync(t => t.Code, ct);
        var units = await db.Meters.AsNoTracking().ToDictionaryAsync(m => m.Code, m => m.Unit, ct);
        var specs = await db.PackSpecs.AsNoTracking().Where(s => !s.Retired).ToListAsync(ct);
        var rows = specs
            .Where(s => types.ContainsKey(s.PackTypeCode))
            .Select(s =>
            {
                var type = types[s.PackTypeCode];
                return new CatalogSpec(s.SpecId, type.Code, type.Name, type.NameEn, type.Cycle, s.Quantity, s.Price,
                    s.ValidityMonths, s.Trial, s.DemoPrice, units.GetValueOrDefault(type.CoveredMeterList.FirstOrDefault() ?? "", "unit"));
            })
            // Product by product (the main product's packs first), then by type, trial first, small to large.
            .OrderBy(s => types[s.PackType].ProductCode, StringComparer.Ordinal).ThenBy(s => s.PackType, StringComparer.Ordinal)
            .ThenByDescending(s => s.Trial).ThenBy(s => s.Quantity)
            .ToList();

        var eligible = new HashSet<string>(StringComparer.Ordinal);
        if (accountId is { } id)
        {
            var held = await db.ResourcePacks.AsNoTracking().Where(p => p.AccountId == id).ToListAsync(ct);
            foreach (var trial in specs.Where(s => s.Trial))
            {
                if (TrialEligibility.Check(id, trial, held).IsOk) eligible.Add(trial.PackTypeCode);
            }
        }
        return new PackCatalog(rows, eligible);
    }
}
