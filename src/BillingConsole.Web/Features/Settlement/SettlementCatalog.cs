using BillingConsole.Domain.Pricing;
using BillingConsole.Domain.ResourcePacks;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Settlement;

/// <summary>
/// The meters (unit prices) and pack types a settlement needs. A daily run reads them once and hands them to every
/// (account, day): re-reading them per bill was two queries per account-day for data that a run treats as fixed
/// (a price change applies from the next run, docs/benchmarks.md).
/// </summary>
public sealed record SettlementCatalog(IReadOnlyDictionary<string, Meter> Meters, IReadOnlyList<PackType> PackTypes)
{
    public static async Task<SettlementCatalog> LoadAsync(BillingDbContext db, CancellationToken ct) =>
        new(await db.Meters.AsNoTracking().ToDictionaryAsync(m => m.Code, StringComparer.Ordinal, ct),
            await db.PackTypes.AsNoTracking().ToListAsync(ct));
}
