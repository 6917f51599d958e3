using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BillingConsole.Integration.Tests.Infrastructure;

namespace BillingConsole.Integration.Tests.Hardening;

/// <summary>Issue #16 item 11: the sandbox cashier acts for the recharge's owner or its signed link, not for an id.</summary>
[Collection(HostCollection.Name)]
public sealed class SandboxCashierAccessTests(SandboxCashierAccessTests.App app) : IClassFixture<SandboxCashierAccessTests.App>
{
    public sealed class App : BillingAppFactory
    {
        public App() => With("Admin:ApiToken", ApiClients.AdminToken);
    }

    private const string Password = "Owner#2026pw";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A new account with its owner's e-mail, and an Alipay recharge of it with its payUrl.</summary>
    private async Task<(string OwnerEmail, Guid RechargeId, string PayUrl)> NewOrderAsync()
    {
        var email = $"owner-{Guid.NewGuid():N}@example.com";
        var created = await app.Admin().PostAsJsonAsync("/api/v1/admin/accounts",
            new { name = "Cashier Co", ownerEmail = email, ownerPassword = Password }, Ct);
        var accountId = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("accountId").GetGuid();
        var keyResponse = await app.Admin().PostAsJsonAsync($"/api/v1/admin/accounts/{accountId}/api-keys", new { name = "t" }, Ct);
        var key = JsonDocument.Parse(await keyResponse.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("key").GetString()!;
        var recharge = await app.Bearer(key).PostAsJsonAsync("/api/v1/recharges",
            new { amount = "12.00", method = "alipay", acknowledgeOriginalRoute = true }, Ct);
        var json = JsonDocument.Parse(await recharge.Content.ReadAsStringAsync(Ct)).RootElement;
        return (email, json.GetProperty("rechargeId").GetGuid(), json.GetProperty("payUrl").GetString()!);
    }

    [Theory]
    [InlineData("pay")]
    [InlineData("cancel")]
    public async Task AnyoneWhoKnowsOnlyTheId_GetsNotFound(string action)
    {
        var (_, rechargeId, _) = await NewOrderAsync();

        var bare = await app.AnonymousClient().PostAsync($"/sandbox/cashier/{rechargeId}/{action}", null, Ct);
        var forged = await app.AnonymousClient().PostAsync($"/sandbox/cashier/{rechargeId}/{action}?t={new string('0', 32)}", null, Ct);

        Assert.Equal(HttpStatusCode.NotFound, bare.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
    }

    [Fact]
    public async Task AnotherAccountsOwner_GetsNotFound_AndTheOwnerMayPay()
    {
        var (ownerEmail, rechargeId, _) = await NewOrderAsync();
        var (otherEmail, _, _) = await NewOrderAsync();
        var other = await app.SignedInClientAsync(otherEmail, Password);
        var owner = await app.SignedInClientAsync(ownerEmail, Password);

        var refused = await other.PostAsync($"/sandbox/cashier/{rechargeId}/pay", null, Ct);
        var paid = await owner.PostAsync($"/sandbox/cashier/{rechargeId}/pay", null, Ct);

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.True(paid.StatusCode == HttpStatusCode.OK, await paid.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task TheSignedLinkOfPayUrl_Works()
    {
        var (_, _, payUrl) = await NewOrderAsync();
        var path = payUrl.Split('?')[0];
        var query = payUrl.Split('?')[1];

        var page = await app.AnonymousClient().GetStringAsync(payUrl, Ct);
        var bare = await app.AnonymousClient().GetStringAsync(path, Ct);
        var paid = await app.AnonymousClient().PostAsync($"{path}/pay?{query}", null, Ct);

        Assert.Contains("data-testid=\"cashier-pay\"", page);
        Assert.DoesNotContain("data-testid=\"cashier-pay\"", bare);
        Assert.True(paid.StatusCode == HttpStatusCode.OK, await paid.Content.ReadAsStringAsync(Ct));
    }
}
