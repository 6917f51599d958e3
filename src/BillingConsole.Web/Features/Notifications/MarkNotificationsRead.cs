using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Notifications;

/// <summary>Marks one message, or all of an account's messages, read. Scoped by account: another account's id is a
/// no-op (SPEC I2).</summary>
public sealed class MarkNotificationsReadHandler(IDbContextFactory<BillingDbContext> dbFactory, TimeProvider clock)
{
    /// <returns>How many messages changed.</returns>
    public async Task<int> HandleAsync(Guid accountId, Guid? notificationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.Notifications.Where(n => n.AccountId == accountId && n.ReadAtUtc == null);
        if (notificationId is { } id) q = q.Where(n => n.Id == id);
        var unread = await q.ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var n in unread) n.MarkRead(now);
        await db.SaveChangesAsync(ct);
        return unread.Count;
    }
}
