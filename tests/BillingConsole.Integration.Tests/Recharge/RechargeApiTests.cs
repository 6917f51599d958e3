using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BillingConsole.Integration.Tests.Infrastructure;

namespace BillingConsole.Integration.Tests.Recharge;

[Collection(HostCollection.Name)]
public sealed class RechargeApiTests(RechargeApiTests.App app) : IClassFixture<RechargeApiTests.App>
{
    public const string SigningKey = "integration-signing-key";

    public sealed class App : BillingAppFactory
    {
        public App()
        {
            With("Admin:ApiToken", ApiClients.AdminToken);
            With("Payments:Sandbox:SigningKey", SigningKey);
        }
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static async Task<Guid> CreateAsync(HttpClient client, string amount, string method = "alipay")
    {
        var response = await client.PostAsJsonAsync("/api/v1/recharges", new { amount, method, acknowledgeOriginalRoute = true });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("rechargeId").GetGuid();
    }

    /// <summary>The cashier's button route with its signed link token, as payUrl carries it (issue #16).</summary>
    private string Cashier(Guid rechargeId, string action) =>
        $"/sandbox/cashier/{rechargeId}/{action}?t={app.Services.GetRequiredService<BillingConsole.Web.Features.Recharge.SandboxSigner>().CashierToken(rechargeId)}";

    private Task<HttpResponseMessage> NotifyAsync(Guid rechargeId, string amount, long? timestamp = null, string? key = null)
    {
        var body = $"{{\"notificationId\":\"n1\",\"rechargeId\":\"{rechargeId}\",\"tradeNo\":\"T1\",\"amount\":\"{amount}\",\"status\":\"paid\"}}";
        var ts = (timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds()).ToString();
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key ?? SigningKey), Encoding.UTF8.GetBytes(ts + "." + body));
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payments/notify/sandbox")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Sandbox-Timestamp", ts);
        request.Headers.Add("X-Sandbox-Signature", Convert.ToHexStringLower(mac));
        return app.AnonymousClient().SendAsync(request);
    }

    private async Task<string> BalanceAsync(HttpClient client) =>
        (await JsonAsync(await client.GetAsync("/api/v1/account"))).GetProperty("cashBalance").GetString()!;

    [Fact]
    public async Task R2_SignedNotification_OverHttp_CreditsOnce_EvenConcurrently()
    {
        var (_, key) = await app.NewAccountWithKeyAsync();
        var client = app.Bearer(key);
        var rechargeId = await CreateAsync(client, "100.00");

        var replies = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => NotifyAsync(rechargeId, "100.00")));

        Assert.All(replies, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal("success", await replies[0].Content.ReadAsStringAsync());
        Assert.Equal("100.00", await BalanceAsync(client));
        var recharge = await JsonAsync(await client.GetAsync($"/api/v1/recharges/{rechargeId}"));
        Assert.Equal("succeeded", recharge.GetProperty("status").GetString());
        Assert.Equal("100.00", recharge.GetProperty("amount").GetString());
    }

    [Fact]
    public async Task R2_ForgedStaleOrWrongAmountNotifications_OverHttp_CreditNothing()
    {
        var (_, key) = await app.NewAccountWithKeyAsync();
        var client = app.Bearer(key);
        var rechargeId = await CreateAsync(client, "50.00", "bank");

        var forged = await NotifyAsync(rechargeId, "50.00", key: "not-the-key");
        var stale = await NotifyAsync(rechargeId, "50.00", timestamp: DateTimeOffset.UtcNow.AddMinutes(-6).ToUnixTimeSeconds());
        var wrong = await NotifyAsync(rechargeId, "5.00");
        var unknown = await NotifyAsync(Guid.NewGuid(), "50.00");

        Assert.Equal([401, 401, 400, 404], new[] { forged, stale, wrong, unknown }.Select(r => (int)r.StatusCode));
        Assert.Equal("0.00", await BalanceAsync(client));
    }

    [Fact]
    public async Task R2_SandboxCancel_ThenPay_CreditsNothing_AndPayCreditsAnotherOrder()
    {
        var (_, key) = await app.NewAccountWithKeyAsync();
        var client = app.Bearer(key);
        var cancelled = await CreateAsync(client, "10.00");
        var paid = await CreateAsync(client, "20.00");
        var anonymous = app.AnonymousClient();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync(Cashier(cancelled, "cancel"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await anonymous.PostAsync(Cashier(cancelled, "pay"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await NotifyAsync(cancelled, "10.00")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync(Cashier(paid, "pay"), null)).StatusCode);

        Assert.Equal("20.00", await BalanceAsync(client));
    }

    [Fact]
    public async Task R1_BadRequests_AreValidationProblemsWithFields()
    {
        var (_, key) = await app.NewAccountWithKeyAsync();
        var client = app.Bearer(key);

        var noAck = await client.PostAsJsonAsync("/api/v1/recharges", new { amount = "10", method = "alipay", acknowledgeOriginalRoute = false });
        var number = await client.PostAsJsonAsync("/api/v1/recharges", new { amount = 10, method = "offline" });
        var tooMuch = await client.PostAsJsonAsync("/api/v1/recharges", new { amount = "1000000.01", method = "wechat" });

        Assert.Contains("acknowledgeOriginalRoute", await noAck.Content.ReadAsStringAsync());
        Assert.Contains("amount", await number.Content.ReadAsStringAsync());
        var body = await tooMuch.Content.ReadAsStringAsync();
        Assert.Contains("amount", body);
        Assert.Contains("method", body);
        Assert.All(new[] { noAck, number, tooMuch }, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
    }

    [Fact]
    public async Task R3_OfflineRecharge_AdminConfirmsOnce_AndAnotherAccountSees404()
    {
        var (_, key) = await app.NewAccountWithKeyAsync();
        var (_, otherKey) = await app.NewAccountWithKeyAsync();
        var client = app.Bearer(key);
        var created = await client.PostAsJsonAsync("/api/v1/recharges", new { amount = "300.00", method = "offline" });
        var json = await JsonAsync(created);
        var rechargeId = json.GetProperty("rechargeId").GetGuid();
        Assert.StartsWith("BC", json.GetProperty("remittanceCode").GetString());

        var first = await app.Admin().PostAsJsonAsync($"/api/v1/admin/recharges/{rechargeId}/confirm", new { amountReceived = "300.00" });
        var second = await app.Admin().PostAsJsonAsync($"/api/v1/admin/recharges/{rechargeId}/confirm", new { amountReceived = "300.00" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal("300.00", await BalanceAsync(client));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Bearer(otherKey).GetAsync($"/api/v1/recharges/{rechargeId}")).StatusCode);
    }

    [Fact]
    public async Task IdempotencyKey_RepeatedCreate_ReturnsTheSameOrder()
    {
        var (_, key) = await app.NewAccountWithKeyAsync();
        var client = app.Bearer(key);
        HttpRequestMessage Request() => new(HttpMethod.Post, "/api/v1/recharges")
        {
            Content = JsonContent.Create(new { amount = "10.00", method = "offline" }),
            Headers = { { "Idempotency-Key", "k-1" } },
        };

        var first = await client.SendAsync(Request());
        var second = await client.SendAsync(Request());

        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
    }
}
