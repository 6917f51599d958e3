using System.Text.Json;
using BillingConsole.Domain.Webhooks;
using BillingConsole.Web.Features.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Tests.Features.Webhooks;

/// <summary>SPEC F5 deliveries, verified on the receiving side by the StandardWebhooks package.</summary>
public sealed class WebhookDeliveryTests
{
    [Fact]
    public async Task A_test_event_arrives_signed_as_Standard_Webhooks_and_is_logged_as_succeeded()
    {
        await using var w = await WebhookWorld.CreateAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var endpoint = await w.AddEndpointAsync(receiver.Url, WebhookEventTypes.BillIssued);
        Assert.StartsWith("whsec_", endpoint.Secret);
        receiver.Secrets.Add(endpoint.Secret);

        Assert.True((await w.Deliveries.SendTestAsync(w.AccountId, endpoint.Endpoint.EndpointId, default)).IsOk);
        var message = Assert.Single(w.EnqueuedMessages());
        Assert.Equal(DeliveryOutcome.Succeeded, await w.Deliver.HandleAsync(message, default));

        var got = Assert.Single(receiver.Deliveries);
        Assert.True(got.Verified, got.VerifyError);
        Assert.StartsWith("msg_", got.Id);
        using var body = JsonDocument.Parse(got.Body);
        Assert.Equal("webhook.test", body.RootElement.GetProperty("type").GetString());
        Assert.Equal(endpoint.Endpoint.EndpointId.ToString(), body.RootElement.GetProperty("data").GetProperty("endpointId").GetString());
        Assert.Equal("https://console.example.com/settings/webhooks", body.RootElement.GetProperty("data").GetProperty("url").GetString());
        var log = Assert.Single((await w.Deliveries.ListAsync(w.AccountId, endpoint.Endpoint.EndpointId, default))!);
        Assert.Equal(("succeeded", 200, 1), (log.Status, log.ResponseStatus, log.Attempt));
        Assert.Equal("ok, thanks", log.ResponseExcerpt);
        Assert.Contains("webhook-signature: v1,", log.Request);
        // Delivered once: running the job for the same message again sends nothing.
        Assert.Equal(DeliveryOutcome.NotDue, await w.Deliver.HandleAsync(message, default));
        Assert.Single(receiver.Deliveries);
    }

    [Fact]
    public async Task Retries_after_500_timeout_and_refused_connection_then_succeed_with_the_same_id_and_new_timestamps()
    {
        await using var w = await WebhookWorld.CreateAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var endpoint = await w.AddEndpointAsync(receiver.Url);
        receiver.Secrets.Add(endpoint.Secret);
        receiver.Script.Enqueue(WebhookReceiver.Status(500));
        receiver.Script.Enqueue(WebhookReceiver.Hang(TimeSpan.FromSeconds(3)));
        await w.Deliveries.SendTestAsync(w.AccountId, endpoint.Endpoint.EndpointId, default);
        var message = Assert.Single(w.EnqueuedMessages());

        Assert.Equal(DeliveryOutcome.Failed, await w.Deliver.HandleAsync(message, default)); // 500
        Assert.Equal(DeliveryOutcome.NotDue, await w.Deliver.HandleAsync(message, default)); // the pause is not over
        w.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(DeliveryOutcome.Failed, await w.Deliver.HandleAsync(message, default)); // timeout
        w.Clock.Advance(TimeSpan.FromSeconds(2));
        var port = receiver.Port;
        await receiver.StopAsync();
        Assert.Equal(DeliveryOutcome.Failed, await w.Deliver.HandleAsync(message, default)); // connection refused
        await receiver.StartOnAsync(port);
        w.Clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(DeliveryOutcome.Succeeded, await w.Deliver.HandleAsync(message, default));

        var got = receiver.Deliveries.ToList();
        Assert.Equal(3, got.Count); // 500, the hung one, the success; the refused one never arrived
        Assert.All(got, g => Assert.True(g.Verified, g.VerifyError));
        Assert.Single(got.Select(g => g.Id).Distinct());
        Assert.Equal(got.Count, got.Select(g => g.Timestamp).Distinct().Count());
        Assert.Single(got.Select(g => g.Body).Distinct());
        var log = (await w.Deliveries.ListAsync(w.AccountId, endpoint.Endpoint.EndpointId, default))!.OrderBy(r => r.Attempt).ToList();
        Assert.Equal([1, 2, 3, 4], log.Select(r => r.Attempt));
        Assert.Equal(["failed", "failed", "failed", "succeeded"], log.Select(r => r.Status));
        Assert.Equal([500, null, null, 200], log.Select(r => r.ResponseStatus));
        Assert.Contains("No answer within", log[1].Error);
        Assert.NotNull(log[2].Error);
        await using var db = w.Database.CreateDbContext();
        Assert.Equal(WebhookMessageStatus.Succeeded, (await db.WebhookMessages.SingleAsync()).Status);
        // Each failure scheduled its next attempt with the pause of the schedule.
        Assert.Equal(4, w.Jobs.Jobs.Count);
    }

    [Fact]
    public async Task During_a_rotation_both_secrets_sign_and_after_24_hours_only_the_new_one()
    {
        await using var w = await WebhookWorld.CreateAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var endpoint = await w.AddEndpointAsync(receiver.Url);
        var rotated = await w.Manage.RotateAsync(w.AccountId, endpoint.Endpoint.EndpointId, default);
        Assert.True(rotated.IsOk);
        Assert.NotEqual(endpoint.Secret, rotated.Value!.Secret);

        foreach (var secret in new[] { endpoint.Secret, rotated.Value.Secret })
        {
            receiver.Secrets.Clear();
            receiver.Secrets.Add(secret); // a receiver that knows only one of them still verifies
            await w.Deliveries.SendTestAsync(w.AccountId, endpoint.Endpoint.EndpointId, default);
            await w.Deliver.HandleAsync(w.EnqueuedMessages().Last(), default);
            var got = receiver.Deliveries.Last();
            Assert.True(got.Verified, got.VerifyError);
            Assert.Equal(2, got.Signature.Split(' ').Distinct().Count());
        }

        w.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        await w.Deliveries.SendTestAsync(w.AccountId, endpoint.Endpoint.EndpointId, default);
        await w.Deliver.HandleAsync(w.EnqueuedMessages().Last(), default);
        var last = receiver.Deliveries.Last();
        var single = Assert.Single(last.Signature.Split(' '));
        Assert.Equal(WebhookSignature.Sign(rotated.Value.Secret, last.Id, last.Timestamp, last.Body), single);
    }

    [Fact]
    public async Task Two_senders_of_the_same_attempt_deliver_it_once()
    {
        await using var w = await WebhookWorld.CreateAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var endpoint = await w.AddEndpointAsync(receiver.Url);
        await w.Deliveries.SendTestAsync(w.AccountId, endpoint.Endpoint.EndpointId, default);
        await w.Dispatch.DispatchAsync(default); // a second dispatch creates nothing more
        var message = Assert.Single(w.EnqueuedMessages());

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => w.Deliver.HandleAsync(message, default))));

        Assert.Single(outcomes, o => o == DeliveryOutcome.Succeeded);
        Assert.Single(receiver.Deliveries);
    }

    [Fact]
    public async Task Resend_is_a_new_attempt_with_the_same_webhook_id()
    {
        await using var w = await WebhookWorld.CreateAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var endpoint = await w.AddEndpointAsync(receiver.Url);
        receiver.Secrets.Add(endpoint.Secret);
        await w.Deliveries.SendTestAsync(w.AccountId, endpoint.Endpoint.EndpointId, default);
        var message = Assert.Single(w.EnqueuedMessages());
        await w.Deliver.HandleAsync(message, default);
        w.Clock.Advance(TimeSpan.FromSeconds(5));

        Assert.True((await w.Deliveries.ResendAsync(w.AccountId, message, default)).IsOk);
        Assert.Equal(DeliveryOutcome.Succeeded, await w.Deliver.HandleAsync(message, default));

        var got = receiver.Deliveries.ToList();
        Assert.Equal(2, got.Count);
        Assert.All(got, g => Assert.True(g.Verified, g.VerifyError));
        Assert.Equal(got[0].Id, got[1].Id);
        Assert.NotEqual(got[0].Timestamp, got[1].Timestamp);
    }
}
