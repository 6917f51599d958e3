using BillingConsole.Domain.Audit;
using BillingConsole.Domain.Common;
using BillingConsole.Infrastructure.Audit;
using BillingConsole.Infrastructure.Identity;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Support;

public sealed record StartImpersonationCommand(string StaffUserId, Guid AccountId, string? Reason);

/// <summary>SPEC I3: a Support or Admin user starts looking at an owner's account read-only, for 30 minutes.</summary>
public sealed class StartImpersonationHandler(IDbContextFactory<BillingDbContext> dbFactory, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<ImpersonationSession>> HandleAsync(StartImpersonationCommand cmd, CancellationToken ct)
    {
        var reason = cmd.Reason?.Trim() ?? "";
        if (reason.Length is < ImpersonationSession.MinReason or > ImpersonationSession.MaxReason)
        {
            return Result<ImpersonationSession>.Invalid("reason",
                $"Give a reason of {ImpersonationSession.MinReason} to {ImpersonationSession.MaxReason} characters.");
        }
        if (ActorContext.Current is { IsImpersonating: true })
        {
            return Result<ImpersonationSession>.Conflict("End the current impersonation before starting another.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var staff = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == cmd.StaffUserId, ct);
        if (staff is null || !await HasRoleAsync(db, staff.Id, [Roles.Support, Roles.Admin], ct))
        {
            return Result<ImpersonationSession>.Forbidden("Only Support and Admin users may impersonate an account.");
        }
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == cmd.AccountId, ct);
        if (account is null) return Result<ImpersonationSession>.NotFound("The account does not exist.");
        var owner = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.AccountId == account.Id, ct);
        if (owner is null || !await HasRoleAsync(db, owner.Id, [Roles.Owner], ct)
            || await HasRoleAsync(db, owner.Id, [Roles.Support, Roles.Admin], ct))
        {
            return Result<ImpersonationSession>.Forbidden("Only an owner's account can be impersonated, never a staff user.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        // One session per staff user: a forgotten one in another tab ends here rather than lingering.
        foreach (var open in await db.ImpersonationSessions
                     .Where(s => s.StaffUserId == staff.Id && s.EndedAtUtc == null).ToListAsync(ct))
        {
            open.End(now);
        }
        var session = ImpersonationSession.Start(staff.Id, staff.Email ?? staff.Id, account.Id, account.Name,
            owner.Email ?? owner.Id, reason, now);
        db.ImpersonationSessions.Add(session);
        audit.Add(db, "impersonation.start", $"account {account.Id}",
            $"owner {session.OwnerEmail}; reason: {reason}; expires {session.ExpiresAtUtc:O}", account.Id);
        await db.SaveChangesAsync(ct);
        return Result<ImpersonationSession>.Ok(session);
    }

    private static Task<bool> HasRoleAsync(BillingDbContext db, string userId, string[] roles, CancellationToken ct) =>
        db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .AnyAsync(x => x.UserId == userId && roles.Contains(x.Name!), ct);
}
