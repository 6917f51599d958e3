using BillingConsole.Domain.Common;
using BillingConsole.Domain.Webhooks;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.Support;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Webhooks;

/// <summary>One line of the delivery log: an attempt (or a message not yet attempted).</summary>
public sealed record WebhookDeliveryRow(Guid MessageId, string WebhookId, string EventType, int Attempt, string Status,
    int? ResponseStatus, DateTime AtUtc, string? Request, string? ResponseExcerpt, string? Error);

/// <summary>The delivery log (30 days), sending a test event, and resending one delivery (SPEC F5).</summary>
public sealed class WebhookDeliveriesHandler(IDbContextFactory<BillingDbContext> dbFactory, WebhookEventData data,
    DispatchWebhooksHandler dispatch, AuditLog audit, TimeProvider clock)
{
    public const int MaxRows = 200;

    /// <summary>The endpoint's attempts, newest first; null when the endpoint is not the account's.</summary>
    public async Task<IReadOnlyList<WebhookDeliveryRow>?> ListAsync(Guid accountId, Guid endpointId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.WebhookEndpoints.AnyAsync(e => e.Id == endpointId && e.AccountId == accountId, ct)) return null;
        var messages = await db.WebhookMessages.AsNoTracking().Where(m => m.EndpointId == endpointId)
            .OrderByDescending(m => m.CreatedAtUtc).Take(MaxRows).ToListAsync(ct);
        var ids = messages.Select(m => m.Id).ToList();
        var attempts = (await db.WebhookAttempts.AsNoTracking().Where(a => ids.Contains(a.MessageId)).ToListAsync(ct))
            .ToLookup(a => a.MessageId);
        var rows = new List<WebhookDeliveryRow>();
        foreach (var m in messages)
        {
            if (!attempts[m.Id].Any())
            {
                rows.Add(new(m.Id, m.WebhookId, m.EventType, 0, "pending", null, m.CreatedAtUtc, null, null, null));
            }
            rows.AddRange(attempts[m.Id].Select(a => new WebhookDeliveryRow(m.Id, m.WebhookId, m.EventType, a.Number,
                a.Succeeded switch { true => "succeeded", false => "failed", null => "pending" },
                a.ResponseStatus, a.StartedAtUtc, a.Request, a.ResponseExcerpt, a.Error)));
        }
        return rows.OrderByDescending(r => r.AtUtc).ThenByDescending(r => r.Attempt).Take(MaxRows).ToList();
    }

    /// <summary>Sends a <c>webhook.test</c> event to one endpoint (API.md: 202).</summary>
    public async Task<Result<Guid>> SendTestAsync(Guid accountId, Guid endpointId, CancellationToken ct)
    {
        if (ReadOnlyGuard.Refusal<Guid>("sending a test webhook") is { } refused) return refused;
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var endpoint = await db.WebhookEndpoints.AsNoTracking()
                .FirstOrDefaultAsync(e => e.Id == endpointId && e.AccountId == accountId, ct);
            if (endpoint is null) return Result<Guid>.NotFound("No such webhook endpoint.");
            if (!endpoint.Enabled) return Result<Guid>.Conflict("The endpoint is disabled; enable it first.");
            var testId = Guid.NewGuid();
            var e = WebhookEvent.Create(accountId, WebhookEventTypes.Test, $"webhook.test:{testId}",
                data.Data(accountId, "/settings/webhooks", new { endpointId = endpointId.ToString(),
                    message = "A test event from BillingConsole." }), now, endpointId);
            db.WebhookEvents.Add(e);
            audit.Add(db, "webhook.endpoint.test_sent", endpointId.ToString(), endpoint.Url, accountId);
            await db.SaveChangesAsync(ct);
        }
        await dispatch.DispatchAsync(ct);
        return Result<Guid>.Ok(endpointId);
    }

    /// <summary>Sends one delivery again: the same webhook-id, a new attempt with a new timestamp.</summary>
    public async Task<Result<Guid>> ResendAsync(Guid accountId, Guid messageId, CancellationToken ct)
    {
        if (ReadOnlyGuard.Refusal<Guid>("resending a webhook") is { } refused) return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var message = await db.WebhookMessages.FirstOrDefaultAsync(m => m.Id == messageId && m.AccountId == accountId, ct);
        if (message is null) return Result<Guid>.NotFound("No such delivery.");
        message.Resend(clock.GetUtcNow().UtcDateTime);
        audit.Add(db, "webhook.delivery.resent", message.WebhookId, message.EventType, accountId);
        await db.SaveChangesAsync(ct);
        dispatch.Enqueue(message.Id);
        return Result<Guid>.Ok(message.Id);
    }
}
