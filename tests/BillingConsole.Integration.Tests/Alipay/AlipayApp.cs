using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BillingConsole.Integration.Tests.Infrastructure;
using BillingConsole.Web.Features.Alipay;
using BillingConsole.Web.Features.AlipaySimulator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BillingConsole.Integration.Tests.Alipay;

/// <summary>
/// The real app with Alipay pointed at its own simulator (UseSimulator, keys made in the test's data folder). Both
/// HTTP legs, our calls to the gateway and the simulator's notifications, go through the test server; the gateway leg
/// passes a <see cref="GatewayLeg"/> that can lose or tamper with an answer.
/// </summary>
public sealed class AlipayApp : BillingAppFactory
{
    public const string Base = "http://localhost";

    public AlipayApp()
    {
        Clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        With("Admin:ApiToken", ApiClients.AdminToken);
        With("Payments:Alipay:UseSimulator", "true");
        With("Payments:Alipay:Gateway", Base + UseSimulatorSetup.GatewayPath);
        With("Payments:PublicBaseUrl", Base);
        With("Payments:AlipaySimulator:DataFolder", Path.Combine(DataFolder, "alipay-sim"));
    }

    public GatewayLeg Leg { get; } = new();

    public FakeTimeProvider FakeClock => (FakeTimeProvider)Clock!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddHttpClient(AlipayClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => Server.CreateHandler())
                .AddHttpMessageHandler(() => new GatewayLegHandler(Leg));
            services.AddHttpClient(AlipaySimulatorCashier.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => Server.CreateHandler());
        });
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public async Task<(Guid AccountId, HttpClient Client)> OwnerAsync()
    {
        var (accountId, key) = await this.NewAccountWithKeyAsync();
        return (accountId, this.Bearer(key));
    }

    public static async Task<(Guid RechargeId, string PayUrl)> RechargeAsync(HttpClient owner, string amount, string method = "alipay")
    {
        var response = await owner.PostAsJsonAsync("/api/v1/recharges", new { amount, method, acknowledgeOriginalRoute = true });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (json.GetProperty("rechargeId").GetGuid(), json.GetProperty("payUrl").GetString()!);
    }

    /// <summary>The payer opens the payUrl: the simulator checks our signature and opens the trade.</summary>
    public async Task OpenCashierAsync(string payUrl)
    {
        var response = await this.Bearer("none").GetAsync(payUrl);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
    }

    public async Task<HttpResponseMessage> PayAsync(Guid rechargeId, bool notify = true) =>
        await this.Bearer("none").PostAsync($"/alipay-sim/cashier/{rechargeId:N}/pay?notify={notify.ToString().ToLowerInvariant()}", null);

    public async Task<string> ReconcileAsync()
    {
        var response = await this.Admin().PostAsync("/api/v1/admin/jobs/payment-reconciliation/run", null);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return text;
    }

    public async Task<string> NotifyAsync(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var response = await this.Bearer("none").PostAsync("/api/v1/payments/notify/alipay", new FormUrlEncodedContent(fields));
        return await response.Content.ReadAsStringAsync();
    }

    public static async Task<string> BalanceAsync(HttpClient owner) =>
        JsonDocument.Parse(await owner.GetStringAsync("/api/v1/account")).RootElement.GetProperty("cashBalance").GetString()!;

    public static async Task<string> StatusAsync(HttpClient owner, Guid rechargeId) =>
        JsonDocument.Parse(await owner.GetStringAsync($"/api/v1/recharges/{rechargeId}")).RootElement.GetProperty("status").GetString()!;
}

/// <summary>Our side of the gateway connection: can lose the next answer of a method (a timeout) or tamper with it.</summary>
public sealed class GatewayLeg
{
    public volatile string? LoseNextAnswerOf;
    public volatile Func<string, string>? Tamper;
}

public sealed class GatewayLegHandler(GatewayLeg leg) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(ct);
        var response = await base.SendAsync(request, ct);
        if (leg.LoseNextAnswerOf is { } method && body.Contains("method=" + Uri.EscapeDataString(method), StringComparison.Ordinal))
        {
            leg.LoseNextAnswerOf = null;
            throw new TaskCanceledException("simulated timeout: the gateway processed the request, its answer was lost");
        }
        if (leg.Tamper is { } tamper)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            response.Content = new StringContent(tamper(text), System.Text.Encoding.UTF8, "application/json");
        }
        return response;
    }
}
