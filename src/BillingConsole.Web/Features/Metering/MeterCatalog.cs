using BillingConsole.Domain.Pricing;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Metering;

/// <summary>
/// The catalog's meters by code, read once. Codes, outcomes and scene prefixes only change when the catalog file
/// changes, which needs a restart (the seeder runs at start-up), so the ingestion hot path never queries them.
/// </summary>
public sealed class MeterCatalog(IDbContextFactory<BillingDbContext> dbFactory)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private IReadOnlyDictionary<string, Meter>? meters;

    /// <summary>The meters if they have been read already, else null (and nothing is read).</summary>
    public IReadOnlyDictionary<string, Meter>? Loaded => Volatile.Read(ref meters);

    public async ValueTask<IReadOnlyDictionary<string, Meter>> GetAsync(CancellationToken ct)
    {
        if (meters is { } cached) return cached;
        await gate.WaitAsync(ct);
        try
        {
            if (meters is null)
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                var list = await db.Meters.AsNoTracking().ToListAsync(ct);
                // An empty catalog is not cached: start-up seeding may not have run yet (tests, first boot).
                if (list.Count == 0) return new Dictionary<string, Meter>(StringComparer.Ordinal);
                Volatile.Write(ref meters, list.ToDictionary(m => m.Code, StringComparer.Ordinal));
            }
            return meters;
        }
        finally
        {
            gate.Release();
        }
    }
}
