using BillingConsole.Domain.Audit;
using BillingConsole.Infrastructure.Audit;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Support;

/// <summary>
/// Appends to the audit log under the ambient actor's own identity (a support user stays themselves while
/// impersonating; the impersonated account is <see cref="AuditEvent.ActingForAccountId"/>).
/// </summary>
public sealed class AuditLog(IDbContextFactory<BillingDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Adds the event to the caller's unit of work, so it commits with the change it describes.</summary>
    public AuditEvent Add(BillingDbContext db, string action, string subject, string? details = null, Guid? accountId = null)
    {
        var actor = ActorContext.Current ?? BillingActor.System;
        var e = AuditEvent.Create(clock.GetUtcNow().UtcDateTime, actor.UserId, actor.Email,
            accountId ?? actor.ActingForAccountId, action, subject, details, actor.IpAddress, actor.UserAgent);
        db.AuditEvents.Add(e);
        return e;
    }

    /// <summary>Writes one event on its own (page visits, reads).</summary>
    public async Task WriteAsync(string action, string subject, string? details = null, Guid? accountId = null,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        Add(db, action, subject, details, accountId);
        await db.SaveChangesAsync(ct);
    }
}
