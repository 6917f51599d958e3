using BillingConsole.Domain.Audit;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Support;

/// <summary>
/// The staff user's active impersonation, read fresh each time so that an end in another tab or the 30-minute expiry
/// (SPEC I3) takes effect on the next click.
/// </summary>
public sealed class ImpersonationLookup(IDbContextFactory<BillingDbContext> dbFactory, TimeProvider clock)
{
    public async Task<ImpersonationSession?> GetActiveAsync(string? staffUserId, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(staffUserId)) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ImpersonationSessions.AsNoTracking()
            .Where(s => s.StaffUserId == staffUserId && s.EndedAtUtc == null && s.ExpiresAtUtc > now)
            .OrderByDescending(s => s.StartedAtUtc)
            .FirstOrDefaultAsync(ct);
    }
}
