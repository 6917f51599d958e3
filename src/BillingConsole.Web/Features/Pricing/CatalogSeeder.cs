using BillingConsole.Domain.Common;
using BillingConsole.Domain.Pricing;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Pricing;

/// <summary>
/// Upserts the catalog file into the database at start-up: new rows are added, prices and quantities of existing
/// ones follow the file, nothing is deleted (packs already sold keep their spec). Bills copy the unit price they
/// used, so a price change never rewrites history.
/// </summary>
internal sealed class CatalogSeeder(IDbContextFactory<BillingDbContext> dbFactory, IConfiguration configuration,
    ILogger<CatalogSeeder> logger)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        var path = configuration["Catalog:Path"] ?? Path.Combine(AppContext.BaseDirectory, "Features", "Pricing", "catalog.json");
        var file = CatalogFile.Load(path);
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        var products = await db.Products.ToDictionaryAsync(p => p.Code, ct);
        foreach (var row in file.Products)
        {
            if (products.TryGetValue(row.Code, out var p)) { p.Name = row.Name; p.NameEn = row.NameEn; }
            else db.Products.Add(new Product { Code = row.Code, Name = row.Name, NameEn = row.NameEn });
        }

        var meters = await db.Meters.ToDictionaryAsync(m => m.Code, ct);
        foreach (var row in file.Meters)
        {
            var price = ParsePrice(row.UnitPrice, row.Code).Units;
            if (meters.TryGetValue(row.Code, out var m)) { m.UnitPriceUnits = price; continue; }
            db.Meters.Add(new Meter
            {
                Code = row.Code, ProductCode = row.Product, Name = row.Name, NameEn = row.NameEn, Unit = row.Unit,
                UnitPriceUnits = price, ScenePrefix = row.ScenePrefix, Metered = row.Metered,
                Outcomes = string.Join(',', row.Outcomes), BillableOutcomes = string.Join(',', row.BillableOutcomes),
            });
        }

        var types = await db.PackTypes.Select(t => t.Code).ToListAsync(ct);
        foreach (var row in file.PackTypes.Where(t => !types.Contains(t.Code)))
        {
            db.PackTypes.Add(new PackType
            {
                Code = row.Code, ProductCode = row.Product, Name = row.Name, NameEn = row.NameEn,
                Cycle = Enum.Parse<PackCycle>(row.Cycle, ignoreCase: true), CoveredMeters = string.Join(',', row.Covers),
            });
        }

        var specs = await db.PackSpecs.ToDictionaryAsync(s => s.SpecId, ct);
        foreach (var row in file.PackSpecs)
        {
            var price = ParsePrice(row.Price, row.SpecId).Units;
            if (specs.TryGetValue(row.SpecId, out var s))
            {
                s.PriceUnits = price; s.Quantity = row.Quantity; s.ValidityMonths = row.ValidityMonths; s.Retired = row.Retired;
                continue;
            }
            db.PackSpecs.Add(new PackSpec
            {
                SpecId = row.SpecId, PackTypeCode = row.PackType, Quantity = row.Quantity, PriceUnits = price,
                ValidityMonths = row.ValidityMonths, Trial = row.Trial, DemoPrice = row.DemoPrice, Retired = row.Retired,
            });
        }
        var changes = await db.SaveChangesAsync(ct);
        logger.LogInformation("CatalogSeeder: {Changes} catalog rows added or updated from {Path}", changes, path);
    }

    private static Money ParsePrice(string text, string what) =>
        Money.TryParse(text, Money.Scale, out var money) && !money.IsNegative
            ? money
            : throw new InvalidOperationException($"Catalog: price '{text}' of {what} is not a non-negative amount.");
}
