using BillingConsole.Domain.Webhooks;
using BillingConsole.Infrastructure.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Webhooks;

/// <summary>
/// Fans new events out to the endpoints that want them (one <see cref="WebhookMessage"/> per event and endpoint, created
/// once under the unique (event, endpoint) key) and enqueues their delivery; also re-enqueues messages whose next
/// attempt is due (a lost schedule, a node that died mid-attempt): the attempt's unique key keeps that harmless.
/// </summary>
public sealed class DispatchWebhooksHandler(IDbContextFactory<BillingDbContext> dbFactory, IBackgroundJobClient jobs,
    TimeProvider clock, ILogger<DispatchWebhooksHandler> logger)
{
    public const string Queue = "notifications";
    private const int Batch = 200;

    public async Task<int> DispatchAsync(CancellationToken ct)
    {
        var created = new List<Guid>();
        while (true)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var events = await db.WebhookEvents.Where(e => e.DispatchedAtUtc == null)
                .OrderBy(e => e.CreatedAtUtc).Take(Batch).ToListAsync(ct);
            if (events.Count == 0) break;
            var accountIds = events.Select(e => e.AccountId).Distinct().ToList();
            var endpoints = await db.WebhookEndpoints.AsNoTracking()
                .Where(e => accountIds.Contains(e.AccountId) && e.Enabled).ToListAsync(ct);
            var eventIds = events.Select(e => e.Id).ToList();
            var existing = (await db.WebhookMessages.AsNoTracking().Where(m => eventIds.Contains(m.EventId))
                .Select(m => new { m.EventId, m.EndpointId }).ToListAsync(ct))
                .Select(m => (m.EventId, m.EndpointId)).ToHashSet();
            var messages = new List<WebhookMessage>();
            foreach (var e in events)
            {
                var targets = endpoints.Where(p => p.AccountId == e.AccountId
                    && (e.OnlyEndpointId is { } only ? p.Id == only : p.Wants(e.Type) && p.CreatedAtUtc <= e.CreatedAtUtc));
                messages.AddRange(targets.Where(p => !existing.Contains((e.Id, p.Id)))
                    .Select(p => WebhookMessage.Create(e, p.Id, WebhookEventData.Body(e), now)));
                e.MarkDispatched(now);
            }
            db.WebhookMessages.AddRange(messages);
            try
            {
                await db.SaveChangesAsync(ct);
                created.AddRange(messages.Select(m => m.Id));
            }
            catch (DbUpdateException ex)
            {
                // Another node dispatched this batch at the same time; its messages stand, ours are dropped.
                logger.LogInformation(ex, "Webhook dispatch: another node took the batch");
                break;
            }
        }
        foreach (var id in created) Enqueue(id);
        return created.Count;
    }

    /// <summary>Enqueues every pending message whose next attempt is due.</summary>
    public async Task<int> EnqueueDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var due = await db.WebhookMessages.AsNoTracking()
            .Where(m => m.Status == WebhookMessageStatus.Pending && m.NextAttemptAtUtc <= now)
            .OrderBy(m => m.NextAttemptAtUtc).Select(m => m.Id).Take(1000).ToListAsync(ct);
        foreach (var id in due) Enqueue(id);
        return due.Count;
    }

    public void Enqueue(Guid messageId, TimeSpan? delay = null)
    {
        try
        {
            if (delay is { } d && d > TimeSpan.Zero)
            {
                jobs.Schedule<WebhookJobs>(Queue, j => j.DeliverAsync(messageId, CancellationToken.None), d);
            }
            else
            {
                jobs.Enqueue<WebhookJobs>(Queue, j => j.DeliverAsync(messageId, CancellationToken.None));
            }
        }
        catch (Exception ex)
        {
            // The minutely sweep enqueues what is due.
            logger.LogWarning(ex, "Webhook dispatch: could not enqueue message {MessageId}", messageId);
        }
    }
}
