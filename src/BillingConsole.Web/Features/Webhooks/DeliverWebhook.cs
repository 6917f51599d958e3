using System.Text;
using BillingConsole.Domain.Notifications;
using BillingConsole.Domain.Webhooks;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BillingConsole.Web.Features.Webhooks;

/// <summary>What one attempt did.</summary>
public enum DeliveryOutcome
{
    NotDue,
    Succeeded,
    Failed,
}

/// <summary>
/// One delivery attempt (SPEC F5, API.md): claims attempt n + 1 of the message (the unique (message, number) key and the
/// message's version decide which node sends it), POSTs the fixed body signed with this attempt's timestamp and every
/// valid secret, waits at most the timeout, keeps the status and the first KB of the answer, then schedules the next
/// attempt from <c>Webhooks:RetrySchedule</c> or gives up. The endpoint is disabled when it has failed for 5 days.
/// </summary>
public sealed class DeliverWebhookHandler(IDbContextFactory<BillingDbContext> dbFactory, IHttpClientFactory http,
    WebhookSecrets secrets, IOptions<WebhookOptions> options, DispatchWebhooksHandler dispatch, TimeProvider clock,
    BillingMetrics metrics)
{
    public async Task<DeliveryOutcome> HandleAsync(Guid messageId, CancellationToken ct)
    {
        var started = clock.GetUtcNow();
        var now = started.UtcDateTime;
        WebhookMessage message;
        WebhookEndpoint endpoint;
        WebhookAttempt attempt;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var found = await db.WebhookMessages.SingleOrDefaultAsync(m => m.Id == messageId, ct);
            if (found is not { Status: WebhookMessageStatus.Pending } || found.NextAttemptAtUtc > now) return DeliveryOutcome.NotDue;
            message = found;
            endpoint = await db.WebhookEndpoints.AsNoTracking().SingleAsync(e => e.Id == message.EndpointId, ct);
            attempt = WebhookAttempt.Start(message, message.StartAttempt(now), now);
            db.WebhookAttempts.Add(attempt);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                return DeliveryOutcome.NotDue; // another node claimed this attempt
            }
        }
        var timestamp = started.ToUnixTimeSeconds();
        var signature = WebhookSignature.Header(endpoint.SigningSecrets(now).Select(secrets.Reveal),
            message.WebhookId, timestamp, message.Body);
        var request = $"POST {endpoint.Url}\nwebhook-id: {message.WebhookId}\nwebhook-timestamp: {timestamp}\n" +
                      $"webhook-signature: {signature}\ncontent-type: application/json\n\n{message.Body}";
        var (status, excerpt, error) = endpoint.Enabled
            ? await SendAsync(endpoint.Url, message.WebhookId, timestamp, signature, message.Body, ct)
            : (null, null, "The endpoint is disabled.");
        var ok = status is >= 200 and < 300;
        await FinishAsync(messageId, attempt.Id, request, status, excerpt, error, ok, ct);
        metrics.WebhookDelivery(ok ? "delivered" : "failed");
        return ok ? DeliveryOutcome.Succeeded : DeliveryOutcome.Failed;
    }

    private async Task<(int? Status, string? Excerpt, string? Error)> SendAsync(string url, string id, long timestamp,
        string signature, string body, CancellationToken ct)
    {
        var o = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(o.Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("webhook-id", id);
            request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add("webhook-signature", signature);
            request.Headers.UserAgent.ParseAdd("BillingConsole-Webhooks/1.0");
            using var client = http.CreateClient(WebhookHttp.ClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var excerpt = await ReadExcerptAsync(response, o.ResponseExcerptBytes, timeout.Token);
            var code = (int)response.StatusCode;
            return (code, excerpt, code is >= 300 and < 400 ? "Redirects are not followed." : null);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, null, $"No answer within {o.Timeout.TotalSeconds:0.#} seconds.");
        }
        catch (HttpRequestException ex)
        {
            return (null, null, (ex.InnerException as WebhookTargetRefusedException ?? (Exception)ex).Message);
        }
    }

    private static async Task<string> ReadExcerptAsync(HttpResponseMessage response, int max, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[max];
        var read = 0;
        while (read < max)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read, max - read), ct);
            if (n == 0) break;
            read += n;
        }
        return Encoding.UTF8.GetString(buffer, 0, read);
    }

    private async Task FinishAsync(Guid messageId, Guid attemptId, string request, int? status, string? excerpt,
        string? error, bool ok, CancellationToken ct)
    {
        var (pause, disabled) = await ConcurrencyRetry.ExecuteAsync(async token =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await using var db = await dbFactory.CreateDbContextAsync(token);
            var message = await db.WebhookMessages.SingleAsync(m => m.Id == messageId, token);
            var attempt = await db.WebhookAttempts.SingleAsync(a => a.Id == attemptId, token);
            var endpoint = await db.WebhookEndpoints.SingleAsync(e => e.Id == message.EndpointId, token);
            attempt.Finish(request, status, excerpt, error, ok, now);
            TimeSpan? next = null;
            var disabledNow = false;
            if (ok)
            {
                message.Succeeded();
                endpoint.RecordSuccess();
            }
            else
            {
                if (endpoint.Enabled && endpoint.RecordFailure(now))
                {
                    disabledNow = true;
                    await AddDisabledNoticeAsync(db, endpoint, now, token);
                }
                next = endpoint.Enabled ? options.Value.PauseAfter(message.Attempts) : null;
                message.AttemptFailed(next, now);
            }
            await db.SaveChangesAsync(token);
            return (next, disabledNow);
        }, ct);
        if (pause is { } p && !disabled) dispatch.Enqueue(messageId, p);
    }

    private static async Task AddDisabledNoticeAsync(BillingDbContext db, WebhookEndpoint endpoint, DateTime now,
        CancellationToken ct)
    {
        var title = "Webhook 端点已停用 · Webhook endpoint disabled";
        var body = $"Webhook 端点 {endpoint.Url} 已连续 5 天投递失败，已被停用。请修复接收服务后在“设置 › Webhooks”中重新启用。\n\n" +
                   $"The webhook endpoint {endpoint.Url} failed every delivery for 5 days and has been disabled. " +
                   "Fix the receiver, then enable it again under Settings › Webhooks.";
        var notification = Notification.Create(endpoint.AccountId, "webhook", title, body, now);
        db.Notifications.Add(notification);
        var owners = await db.Users.AsNoTracking().Where(u => u.AccountId == endpoint.AccountId && u.Email != null)
            .Select(u => u.Email!).ToListAsync(ct);
        foreach (var to in owners)
        {
            db.OutboundEmails.Add(OutboundEmail.Create(notification.Id, to, "[费用中心 BillingConsole] " + title, body, now));
        }
    }
}
