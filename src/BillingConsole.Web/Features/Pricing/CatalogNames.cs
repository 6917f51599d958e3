using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace BillingConsole.Web.Features.Pricing;

/// <summary>
/// The catalog's names of services, pack types and pack specs, read once (the catalog changes only with a restart).
/// Pages and CSVs show these names in the reader's language instead of codes (issue #15): 活体人脸验证 for FV,
/// 活体人脸验证流量包 1,000 次 for FV_CALLS_1K.
/// </summary>
public sealed class CatalogNames(IDbContextFactory<BillingDbContext> dbFactory)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private CatalogNameBook? book;

    /// <summary>Names known up front (tests, tools): nothing is read from a database.</summary>
    public static CatalogNames Preloaded(CatalogNameBook names) => new(null!) { book = names };

    public async ValueTask<CatalogNameBook> GetAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref book) is { } cached) return cached;
        await gate.WaitAsync(ct);
        try
        {
            if (book is not null) return book;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var meters = await db.Meters.AsNoTracking().ToDictionaryAsync(m => m.Code, m => new NamedUnit(m.Name, m.NameEn, m.Unit), StringComparer.Ordinal, ct);
            var types = await db.PackTypes.AsNoTracking().ToListAsync(ct);
            var specs = await db.PackSpecs.AsNoTracking().ToListAsync(ct);
            var typeNames = types.ToDictionary(t => t.Code, t => new NamedUnit(t.Name, t.NameEn,
                t.CoveredMeterList.Select(c => meters.GetValueOrDefault(c)?.Unit).FirstOrDefault(u => u is not null) ?? ""), StringComparer.Ordinal);
            var created = new CatalogNameBook(meters, typeNames,
                specs.ToDictionary(s => s.SpecId, s => (s.PackTypeCode, s.Quantity), StringComparer.Ordinal));
            // An empty catalog is not cached: start-up seeding may not have run yet (tests, first boot).
            if (meters.Count > 0) Volatile.Write(ref book, created);
            return created;
        }
        finally
        {
            gate.Release();
        }
    }
}

/// <summary>A name in both languages and the unit it is counted in.</summary>
public sealed record NamedUnit(string Name, string NameEn, string Unit);

/// <summary>The catalog's names; every method falls back to the code it was given when the catalog does not know it.</summary>
public sealed class CatalogNameBook(IReadOnlyDictionary<string, NamedUnit> meters, IReadOnlyDictionary<string, NamedUnit> packTypes,
    IReadOnlyDictionary<string, (string PackType, long Quantity)> specs)
{
    public static CatalogNameBook Empty { get; } = new(new Dictionary<string, NamedUnit>(), new Dictionary<string, NamedUnit>(),
        new Dictionary<string, (string, long)>());

    /// <summary>The names of a catalog file (<c>catalog.json</c>), as the seeder would store them.</summary>
    public static CatalogNameBook FromCatalogFile(string path)
    {
        var file = CatalogFile.Load(path);
        var meters = file.Meters.ToDictionary(m => m.Code, m => new NamedUnit(m.Name, m.NameEn, m.Unit), StringComparer.Ordinal);
        var types = file.PackTypes.ToDictionary(t => t.Code, t => new NamedUnit(t.Name, t.NameEn,
            t.Covers.Select(c => meters.GetValueOrDefault(c)?.Unit).FirstOrDefault(u => u is not null) ?? ""), StringComparer.Ordinal);
        return new CatalogNameBook(meters, types, file.PackSpecs.ToDictionary(s => s.SpecId, s => (s.PackType, s.Quantity), StringComparer.Ordinal));
    }

    /// <summary>A service (meter) by its code: 活体人脸验证 / Liveness face verification.</summary>
    public string Service(IStringLocalizer l, string code) =>
        meters.TryGetValue(code, out var m) ? l.Name(m.Name, m.NameEn) : code;

    /// <summary>The unit a service is counted in ("call").</summary>
    public string? ServiceUnit(string code) => meters.TryGetValue(code, out var m) ? m.Unit : null;

    /// <summary>A pack type by its code: 活体人脸验证流量包.</summary>
    public string PackType(IStringLocalizer l, string code) =>
        packTypes.TryGetValue(code, out var t) ? l.Name(t.Name, t.NameEn) : code;

    /// <summary>A pack spec by its id: 活体人脸验证流量包 1,000 次 / Liveness verification pack 1,000 calls.</summary>
    public string Spec(IStringLocalizer l, string specId)
    {
        if (!specs.TryGetValue(specId, out var s) || !packTypes.TryGetValue(s.PackType, out var t)) return specId;
        var quantity = s.Quantity.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
        return $"{l.Name(t.Name, t.NameEn)} {quantity} {l.Unit(t.Unit, s.Quantity)}";
    }
}
