using System.Net;
using BillingConsole.Domain.Notifications;
using BillingConsole.Domain.Webhooks;
using BillingConsole.Web.Features.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Tests.Features.Webhooks;

/// <summary>Outbound safety (SSRF) and disabling a failing endpoint (SPEC F5).</summary>
public sealed class WebhookSafetyTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("169.254.169.254")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("192.168.1.1")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("::ffff:127.0.0.1")]
    public async Task Private_addresses_are_refused_at_connect_time(string address)
    {
        Assert.False(OutboundAddressPolicy.IsPublic(IPAddress.Parse(address)));
        await Assert.ThrowsAsync<WebhookTargetRefusedException>(() =>
            WebhookHttp.ConnectAsync(new DnsEndPoint(address, 80), allowPrivate: false, default).AsTask());
    }

    [Fact]
    public async Task A_name_that_resolves_to_loopback_is_refused_at_connect_time()
    {
        var refused = await Assert.ThrowsAsync<WebhookTargetRefusedException>(() =>
            WebhookHttp.ConnectAsync(new DnsEndPoint("localhost", 80), allowPrivate: false, default).AsTask());
        Assert.Contains("localhost", refused.Message);
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("2606:4700:4700::1111")]
    public void Public_addresses_are_allowed(string address) =>
        Assert.True(OutboundAddressPolicy.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("http://127.0.0.1/hooks")]
    [InlineData("http://[::1]/hooks")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("https://10.0.0.5/x")]
    [InlineData("http://localhost:8080/x")]
    [InlineData("ftp://example.com/x")]
    [InlineData("https://user:pw@example.com/x")]
    [InlineData("not a url")]
    public void Saving_refuses_private_and_malformed_urls(string url) =>
        Assert.NotNull(ManageWebhookEndpointsHandler.ValidateUrl(url, allowPrivate: false));

    [Fact]
    public async Task A_delivery_to_a_private_target_fails_without_reaching_it_when_private_targets_are_off()
    {
        await using var w = await WebhookWorld.CreateAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var endpoint = await w.AddEndpointAsync(receiver.Url.Replace("127.0.0.1", "localhost"));
        w.Options.AllowPrivateTargets = false; // e.g. the name was public when saved and resolves to loopback now
        await w.Deliveries.SendTestAsync(w.AccountId, endpoint.Endpoint.EndpointId, default);

        Assert.Equal(DeliveryOutcome.Failed, await w.Deliver.HandleAsync(Assert.Single(w.EnqueuedMessages()), default));

        Assert.Empty(receiver.Deliveries);
        var log = Assert.Single((await w.Deliveries.ListAsync(w.AccountId, endpoint.Endpoint.EndpointId, default))!);
        Assert.Contains("refused", log.Error);
    }

    [Fact]
    public async Task An_endpoint_failing_for_5_days_is_disabled_and_the_owner_is_told()
    {
        await using var w = await WebhookWorld.CreateAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        w.Options.RetrySchedule = "1.00:00:00,1.00:00:00,1.00:00:00,1.00:00:00,1.00:00:00,1.00:00:00";
        for (var i = 0; i < 10; i++) receiver.Script.Enqueue(WebhookReceiver.Status(503));
        var endpoint = await w.AddEndpointAsync(receiver.Url);
        await w.Deliveries.SendTestAsync(w.AccountId, endpoint.Endpoint.EndpointId, default);
        var message = Assert.Single(w.EnqueuedMessages());

        for (var day = 0; day < 5; day++)
        {
            Assert.Equal(DeliveryOutcome.Failed, await w.Deliver.HandleAsync(message, default));
            Assert.True((await w.Manage.ListAsync(w.AccountId, default)).Single().Enabled, $"day {day}");
            w.Clock.Advance(TimeSpan.FromDays(1));
        }
        Assert.Equal(DeliveryOutcome.Failed, await w.Deliver.HandleAsync(message, default)); // 5 days after the first

        var row = (await w.Manage.ListAsync(w.AccountId, default)).Single();
        Assert.False(row.Enabled);
        await using var db = w.Database.CreateDbContext();
        Assert.Equal(WebhookMessageStatus.Failed, (await db.WebhookMessages.SingleAsync()).Status);
        var notice = await db.Notifications.SingleAsync(n => n.AccountId == w.AccountId);
        Assert.Equal("webhook", notice.Kind);
        Assert.Contains(endpoint.Endpoint.Url, notice.Body);
        Assert.Equal(6, receiver.Deliveries.Count);
    }

    [Fact]
    public async Task A_success_within_5_days_keeps_the_endpoint_enabled()
    {
        await using var w = await WebhookWorld.CreateAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        w.Options.RetrySchedule = "3.00:00:00,3.00:00:00";
        receiver.Script.Enqueue(WebhookReceiver.Status(500));
        var endpoint = await w.AddEndpointAsync(receiver.Url);
        await w.Deliveries.SendTestAsync(w.AccountId, endpoint.Endpoint.EndpointId, default);
        var first = Assert.Single(w.EnqueuedMessages());
        await w.Deliver.HandleAsync(first, default);
        w.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(DeliveryOutcome.Succeeded, await w.Deliver.HandleAsync(first, default));
        receiver.Script.Enqueue(WebhookReceiver.Status(500));
        w.Clock.Advance(TimeSpan.FromDays(3));
        await w.Deliveries.SendTestAsync(w.AccountId, endpoint.Endpoint.EndpointId, default);
        Assert.Equal(DeliveryOutcome.Failed, await w.Deliver.HandleAsync(w.EnqueuedMessages().Last(), default));

        Assert.True((await w.Manage.ListAsync(w.AccountId, default)).Single().Enabled);
        await using var db = w.Database.CreateDbContext();
        Assert.False(await db.Notifications.AnyAsync(n => n.Kind == "webhook"));
    }
}
