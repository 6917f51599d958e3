using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BillingConsole.Integration.Tests.Infrastructure;
using BillingConsole.Web.Features.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace BillingConsole.Integration.Tests.Webhooks;

/// <summary>API.md "Webhooks and forecasts" through the running app, received and verified by StandardWebhooks.</summary>
[Collection(HostCollection.Name)]
public sealed class WebhookApiTests(WebhookApiTests.App app) : IClassFixture<WebhookApiTests.App>
{
    public sealed class App : BillingAppFactory
    {
        public App() => With("Admin:ApiToken", ApiClients.AdminToken).With("Payments:PublicBaseUrl", "https://console.example.com");
    }

    [Fact]
    public async Task F5_Create_list_test_deliveries_delete_through_the_api()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (_, key) = await app.NewAccountWithKeyAsync("Hooked Co");
        var api = app.Bearer(key);

        var created = await api.PostAsJsonAsync("/api/v1/webhook-endpoints", new { url = receiver.Url, eventTypes = new[] { "*" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var endpointId = body.RootElement.GetProperty("endpointId").GetGuid();
        var secret = body.RootElement.GetProperty("secret").GetString()!;
        Assert.StartsWith("whsec_", secret);
        receiver.Secrets.Add(secret);

        var list = await api.GetStringAsync("/api/v1/webhook-endpoints");
        Assert.Contains(endpointId.ToString(), list);
        Assert.DoesNotContain(secret, list);

        var test = await api.PostAsync($"/api/v1/webhook-endpoints/{endpointId}/test", null);
        Assert.Equal(HttpStatusCode.Accepted, test.StatusCode);
        var deliver = app.Services.GetRequiredService<DeliverWebhookHandler>();
        var pending = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/webhook-endpoints/{endpointId}/deliveries"));
        Assert.Equal("pending", pending.RootElement[0].GetProperty("status").GetString());
        await DeliverAllAsync(endpointId, deliver);

        var got = Assert.Single(receiver.Deliveries);
        Assert.True(got.Verified, got.VerifyError);
        using var delivered = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/webhook-endpoints/{endpointId}/deliveries"));
        var row = delivered.RootElement[0];
        Assert.Equal(got.Id, row.GetProperty("webhookId").GetString());
        Assert.Equal("webhook.test", row.GetProperty("eventType").GetString());
        Assert.Equal("succeeded", row.GetProperty("status").GetString());
        Assert.Equal(200, row.GetProperty("responseStatus").GetInt32());
        Assert.Equal(1, row.GetProperty("attempt").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/webhook-endpoints/{endpointId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/webhook-endpoints/{endpointId}/deliveries")).StatusCode);
    }

    [Fact]
    public async Task F5_Another_accounts_endpoint_is_not_found_and_bad_input_is_a_validation_problem()
    {
        var (_, key1) = await app.NewAccountWithKeyAsync("One");
        var (_, key2) = await app.NewAccountWithKeyAsync("Two");
        var created = await app.Bearer(key1).PostAsJsonAsync("/api/v1/webhook-endpoints", new { url = "https://example.com/hooks", eventTypes = new[] { "bill.issued" } });
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("endpointId").GetGuid();

        Assert.Equal(HttpStatusCode.NotFound, (await app.Bearer(key2).PostAsync($"/api/v1/webhook-endpoints/{id}/test", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Bearer(key2).DeleteAsync($"/api/v1/webhook-endpoints/{id}")).StatusCode);
        var bad = await app.Bearer(key2).PostAsJsonAsync("/api/v1/webhook-endpoints", new { url = "https://example.com/x", eventTypes = new[] { "bill.paid" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("eventTypes", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task F1_Forecast_of_a_new_account_has_no_date()
    {
        var (_, key) = await app.NewAccountWithKeyAsync("Forecast Co");

        using var json = JsonDocument.Parse(await app.Bearer(key).GetStringAsync("/api/v1/forecast"));

        Assert.Equal("0.00", json.RootElement.GetProperty("averageDailySpend").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("daysOfBalanceLeft").ValueKind);
        Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("packs").ValueKind);
    }

    private async Task DeliverAllAsync(Guid endpointId, DeliverWebhookHandler deliver)
    {
        await using var db = await app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<BillingConsole.Infrastructure.Persistence.BillingDbContext>>().CreateDbContextAsync();
        foreach (var id in db.WebhookMessages.Where(m => m.EndpointId == endpointId).Select(m => m.Id).ToList())
        {
            await deliver.HandleAsync(id, default);
        }
    }
}
