using BillingConsole.Domain.Webhooks;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Webhooks;

/// <summary>
/// Writes events whose keys are not there yet. The unique (account, key) index is the arbiter: a node that loses a race
/// for a key gets a unique violation and leaves that key to the winner.
/// </summary>
public static class WebhookOutbox
{
    public static async Task<int> AddNewAsync(IDbContextFactory<BillingDbContext> dbFactory,
        IReadOnlyCollection<WebhookEvent> events, CancellationToken ct)
    {
        if (events.Count == 0) return 0;
        var added = 0;
        foreach (var group in events.GroupBy(e => e.AccountId))
        {
            var keys = group.Select(e => e.EventKey).ToList();
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var existing = (await db.WebhookEvents.AsNoTracking()
                .Where(e => e.AccountId == group.Key && keys.Contains(e.EventKey))
                .Select(e => e.EventKey).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            var fresh = group.Where(e => !existing.Contains(e.EventKey)).DistinctBy(e => e.EventKey).ToList();
            if (fresh.Count == 0) continue;
            db.WebhookEvents.AddRange(fresh);
            try
            {
                await db.SaveChangesAsync(ct);
                added += fresh.Count;
            }
            catch (DbUpdateException)
            {
                // Another node wrote some of them meanwhile: one at a time, each key once.
                foreach (var e in fresh) added += await TryAddOneAsync(dbFactory, e, ct) ? 1 : 0;
            }
        }
        return added;
    }

    /// <summary>Adds one event in the caller's unit of work if its key is new (for evaluators that send a message too).</summary>
    public static async Task<bool> TryAddOneAsync(IDbContextFactory<BillingDbContext> dbFactory, WebhookEvent e,
        CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.WebhookEvents.AnyAsync(x => x.AccountId == e.AccountId && x.EventKey == e.EventKey, ct)) return false;
        db.WebhookEvents.Add(WebhookEvent.Create(e.AccountId, e.Type, e.EventKey, e.DataJson, e.CreatedAtUtc, e.OnlyEndpointId));
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }
}
