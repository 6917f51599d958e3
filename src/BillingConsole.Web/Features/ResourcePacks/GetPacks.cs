using BillingConsole.Domain.Common;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.ResourcePacks;

/// <summary>Every pack the account holds or held, newest first (API <c>GET /api/v1/packs</c>, the overview page).</summary>
public sealed class GetPacksHandler(IDbContextFactory<BillingDbContext> dbFactory, TimeProvider clock, BillingCalendar calendar)
{
    public async Task<IReadOnlyList<PackRow>> HandleAsync(Guid accountId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var names = await db.PackTypes.AsNoTracking().ToDictionaryAsync(t => t.Code, t => (t.Name, t.NameEn), ct);
        var packs = await db.ResourcePacks.AsNoTracking().Where(p => p.AccountId == accountId).ToListAsync(ct);
        return packs.OrderByDescending(p => p.PurchasedAtUtc)
            .Select(p => names.TryGetValue(p.PackTypeCode, out var name)
                ? PackViews.ToRow(p, name.Name, now, calendar, name.NameEn)
                : PackViews.ToRow(p, p.PackTypeCode, now, calendar))
            .ToList();
    }
}
