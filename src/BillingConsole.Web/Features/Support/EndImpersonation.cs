using BillingConsole.Domain.Common;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Support;

public sealed record EndImpersonationCommand(string StaffUserId);

/// <summary>SPEC I3: ends the staff user's impersonation (the "End" button); audited under the staff user's identity.</summary>
public sealed class EndImpersonationHandler(IDbContextFactory<BillingDbContext> dbFactory, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<bool>> HandleAsync(EndImpersonationCommand cmd, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = await db.ImpersonationSessions
            .Where(s => s.StaffUserId == cmd.StaffUserId && s.EndedAtUtc == null).ToListAsync(ct);
        if (open.Count == 0) return Result<bool>.Ok(false);
        foreach (var session in open)
        {
            var expired = !session.IsActive(now);
            session.End(now);
            audit.Add(db, expired ? "impersonation.expired" : "impersonation.end", $"account {session.AccountId}",
                $"started {session.StartedAtUtc:O}", session.AccountId);
        }
        await db.SaveChangesAsync(ct);
        return Result<bool>.Ok(true);
    }
}
