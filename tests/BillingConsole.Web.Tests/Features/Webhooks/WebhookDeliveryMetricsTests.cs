using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using BillingConsole.Domain.Webhooks;
using BillingConsole.Web.Features.Webhooks;

namespace BillingConsole.Web.Tests.Features.Webhooks;

/// <summary>Issue #22: every delivery attempt is counted in <c>billing.webhook.deliveries</c> by its outcome.</summary>
public sealed class WebhookDeliveryMetricsTests
{
    [Fact]
    public async Task EachAttempt_IsCountedByOutcome_AndANotDueRunIsNot()
    {
        await using var w = await WebhookWorld.CreateAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var endpoint = await w.AddEndpointAsync(receiver.Url, WebhookEventTypes.BillIssued);
        receiver.Secrets.Add(endpoint.Secret);
        receiver.Script.Enqueue(WebhookReceiver.Status(500));
        var counted = new ConcurrentQueue<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, w.MeterFactory) && instrument.Name == "billing.webhook.deliveries")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "outcome") counted.Enqueue($"{tag.Value}:{value}");
            }
        });
        listener.Start();
        await w.Deliveries.SendTestAsync(w.AccountId, endpoint.Endpoint.EndpointId, default);
        var message = Assert.Single(w.EnqueuedMessages());

        Assert.Equal(DeliveryOutcome.Failed, await w.Deliver.HandleAsync(message, default));
        Assert.Equal(DeliveryOutcome.NotDue, await w.Deliver.HandleAsync(message, default));
        w.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(DeliveryOutcome.Succeeded, await w.Deliver.HandleAsync(message, default));

        Assert.Equal(["failed:1", "delivered:1"], counted.ToArray());
    }
}
