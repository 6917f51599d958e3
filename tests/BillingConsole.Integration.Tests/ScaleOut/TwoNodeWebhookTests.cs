using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BillingConsole.Integration.Tests.Infrastructure;
using BillingConsole.Integration.Tests.Webhooks;

namespace BillingConsole.Integration.Tests.ScaleOut;

/// <summary>
/// SPEC F5, J2: two app processes with their Hangfire servers on one PostgreSQL database deliver a webhook; each
/// attempt (a 500, then a success) reaches the receiver once, with one webhook-id, verified by StandardWebhooks.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class TwoNodeWebhookTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Hangfire__Server"] = "true",
        ["Webhooks__AllowPrivateTargets"] = "true",
        ["Webhooks__RetrySchedule"] = "00:00:01,00:00:01,00:00:01",
    };

    private string database = "";
    private AppNode nodeA = null!;
    private AppNode nodeB = null!;

    public async ValueTask InitializeAsync()
    {
        database = TestPostgres.CreateDatabase(TestPostgres.RequireServer());
        nodeA = await AppNode.StartAsync(database, "A", Settings);
        nodeB = await AppNode.StartAsync(database, "B", Settings);
    }

    public async ValueTask DisposeAsync()
    {
        if (nodeA is not null) await nodeA.DisposeAsync();
        if (nodeB is not null) await nodeB.DisposeAsync();
        if (database.Length > 0) TestPostgres.DropDatabase(database);
    }

    [Fact]
    public async Task F5_J2_EachAttemptIsSentOnce_ByWhicheverNodeClaimsIt()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Script.Enqueue(WebhookReceiver.Status(500));
        var (_, key) = await TwoNodeWorld.NewAccountWithKeyAsync(nodeA);
        var created = await nodeA.Client(key).PostAsJsonAsync("/api/v1/webhook-endpoints", new { url = receiver.Url, eventTypes = new[] { "*" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var endpointId = body.RootElement.GetProperty("endpointId").GetGuid();
        receiver.Secrets.Add(body.RootElement.GetProperty("secret").GetString()!);

        Assert.Equal(HttpStatusCode.Accepted, (await nodeB.Client(key).PostAsync($"/api/v1/webhook-endpoints/{endpointId}/test", null)).StatusCode);
        // Both nodes run the sweep at once as well: it re-enqueues due attempts, which must not send them twice.
        await Task.WhenAll(nodeA.Admin().PostAsync("/api/v1/admin/jobs/webhook-delivery/run", null),
            nodeB.Admin().PostAsync("/api/v1/admin/jobs/webhook-delivery/run", null));

        JsonElement[] rows = [];
        for (var i = 0; i < 600 && !rows.Any(r => r.GetProperty("status").GetString() == "succeeded"); i++)
        {
            await Task.Delay(100);
            rows = JsonDocument.Parse(await nodeA.Client(key).GetStringAsync($"/api/v1/webhook-endpoints/{endpointId}/deliveries"))
                .RootElement.EnumerateArray().ToArray();
        }
        await Task.WhenAll(nodeA.Admin().PostAsync("/api/v1/admin/jobs/webhook-delivery/run", null),
            nodeB.Admin().PostAsync("/api/v1/admin/jobs/webhook-delivery/run", null));
        await Task.Delay(1500); // a duplicate, if any, would arrive now

        var got = receiver.Deliveries.ToList();
        Assert.Equal(2, got.Count);
        Assert.All(got, g => Assert.True(g.Verified, g.VerifyError));
        Assert.Single(got.Select(g => g.Id).Distinct());
        rows = JsonDocument.Parse(await nodeB.Client(key).GetStringAsync($"/api/v1/webhook-endpoints/{endpointId}/deliveries"))
            .RootElement.EnumerateArray().ToArray();
        Assert.Equal([1, 2], rows.Select(r => r.GetProperty("attempt").GetInt32()).Order());
        Assert.Equal(["failed", "succeeded"], rows.OrderBy(r => r.GetProperty("attempt").GetInt32()).Select(r => r.GetProperty("status").GetString()));
    }
}
