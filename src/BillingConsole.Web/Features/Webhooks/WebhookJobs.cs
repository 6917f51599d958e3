using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Jobs;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Webhooks;

/// <summary>
/// Hangfire entry points of webhook delivery. An attempt is never retried by Hangfire itself: the message's own
/// schedule (<c>Webhooks:RetrySchedule</c>) decides, and the minutely sweep re-enqueues what is due.
/// </summary>
public sealed class WebhookJobs(DeliverWebhookHandler deliver)
{
    [AutomaticRetry(Attempts = 0)]
    public async Task DeliverAsync(Guid messageId, CancellationToken ct) => await deliver.HandleAsync(messageId, ct);
}

/// <summary>
/// SPEC J1 webhook delivery (every minute): emit events from what the other code paths wrote, fan them out, re-enqueue
/// due attempts, and keep the delivery log 30 days.
/// </summary>
public sealed class WebhookDeliveryJob(EmitWebhookEventsHandler emit, DispatchWebhooksHandler dispatch,
    IDbContextFactory<BillingDbContext> dbFactory, TimeProvider clock) : IBillingJob
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    public string Id => RecurringJobs.WebhookDelivery;

    public async Task<string> RunAsync(CancellationToken ct)
    {
        var emitted = await emit.HandleAsync(ct);
        var dispatched = await dispatch.DispatchAsync(ct);
        var due = await dispatch.EnqueueDueAsync(ct);
        var pruned = await PruneAsync(ct);
        return $"{emitted} events, {dispatched} deliveries created, {due} attempts due, {pruned} old events removed";
    }

    /// <summary>Removes events older than 30 days with their messages and attempts (cascade).</summary>
    public async Task<int> PruneAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - Retention;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var old = db.WebhookEvents.Where(e => e.CreatedAtUtc < cutoff);
        var ids = old.Select(e => e.Id);
        var messageIds = db.WebhookMessages.Where(m => ids.Contains(m.EventId)).Select(m => m.Id);
        await db.WebhookAttempts.Where(a => messageIds.Contains(a.MessageId)).ExecuteDeleteAsync(ct);
        await db.WebhookMessages.Where(m => ids.Contains(m.EventId)).ExecuteDeleteAsync(ct);
        return await old.ExecuteDeleteAsync(ct);
    }
}
