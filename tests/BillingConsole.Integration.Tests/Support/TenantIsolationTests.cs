using System.Net;
using System.Net.Http.Json;
using BillingConsole.Integration.Tests.Infrastructure;
using BillingConsole.Web.Features.Demo;

namespace BillingConsole.Integration.Tests.Support;

/// <summary>
/// SPEC I2 over every account-scoped route: with account A's key, B's ids answer 404 and A's own routes show A only.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class TenantIsolationTests(TenantIsolationTests.App app) : IClassFixture<TenantIsolationTests.App>
{
    public sealed class App : BillingAppFactory
    {
        public App() => With("Admin:ApiToken", ApiClients.AdminToken);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>method, path (with {other} = another account's id), expected status for A's key.</summary>
    public static TheoryData<string, string, HttpStatusCode> OtherAccountsIds => new()
    {
        { "GET", "/api/v1/recharges/{other}", HttpStatusCode.NotFound },
        { "POST", "/api/v1/admin/accounts/{other}/api-keys", HttpStatusCode.Unauthorized },
    };

    [Theory]
    [MemberData(nameof(OtherAccountsIds))]
    public async Task I2_AnotherAccountsIds_AreNotFoundWithMyKey(string method, string path, HttpStatusCode expected)
    {
        var (_, keyA) = await app.NewAccountWithKeyAsync("A Co");
        var (accountB, _) = await app.NewAccountWithKeyAsync("B Co");
        var client = app.Bearer(keyA);

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path.Replace("{other}", accountB.ToString()))
        {
            Content = method == "GET" ? null : JsonContent.Create(new { }),
        }, Ct);

        Assert.Equal(expected, response.StatusCode);
        Assert.DoesNotContain("B Co", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task I2_AccountRoute_AnswersWithTheKeysOwnAccountOnly()
    {
        var (accountA, keyA) = await app.NewAccountWithKeyAsync("A Co");
        var (accountB, keyB) = await app.NewAccountWithKeyAsync("B Co");

        var a = await app.Bearer(keyA).GetFromJsonAsync<AccountDto>("/api/v1/account?accountId=" + accountB, Ct);
        var b = await app.Bearer(keyB).GetFromJsonAsync<AccountDto>("/api/v1/account", Ct);

        Assert.Equal(accountA, a!.AccountId);
        Assert.Equal(accountB, b!.AccountId);
    }

    [Fact]
    public async Task I2_OwnerCookie_CannotUseTheApiOrTheStaffPagesOfAnotherAccount()
    {
        var (accountB, _) = await app.NewAccountWithKeyAsync("Other Tenant Ltd");
        var owner = await app.SignedInClientAsync(DemoSeeder.Owner.Email, DemoSeeder.Owner.Password);

        var api = await owner.GetAsync("/api/v1/account", Ct);
        var staffPage = await owner.GetAsync($"/staff/accounts/{accountB}", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, staffPage.StatusCode);
        Assert.DoesNotContain("Other Tenant Ltd", await staffPage.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task I2_AnotherAccountsRecharge_Is404_AndItsPacksLedgerAndUsageNeverShowInMyLists()
    {
        var (_, keyA) = await app.NewAccountWithKeyAsync("A Co");
        var (_, keyB) = await app.NewAccountWithKeyAsync("B Co");
        var b = app.Bearer(keyB);
        var recharge = await (await b.PostAsJsonAsync("/api/v1/recharges",
            new { amount = "50.00", method = "offline", acknowledgeOriginalRoute = false }, Ct)).Content.ReadFromJsonAsync<RechargeDto>(Ct);
        await app.Admin().PostAsJsonAsync($"/api/v1/admin/recharges/{recharge!.RechargeId}/confirm", new { amountReceived = "50.00" }, Ct);
        Assert.Equal(HttpStatusCode.Created, (await b.PostAsJsonAsync("/api/v1/packs", new { specId = "FV_CALLS_TRIAL" }, Ct)).StatusCode);
        var a = app.Bearer(keyA);

        var otherRecharge = await a.GetAsync($"/api/v1/recharges/{recharge.RechargeId}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, otherRecharge.StatusCode);
        foreach (var list in new[] { "/api/v1/packs", "/api/v1/ledger", "/api/v1/bills", "/api/v1/notifications", "/api/v1/alert-settings" })
        {
            var body = await a.GetStringAsync(list, Ct);
            Assert.True(body == "[]", $"{list} with A's key showed something: {body}");
        }
        Assert.NotEqual("[]", await b.GetStringAsync("/api/v1/packs", Ct));
        Assert.NotEqual("[]", await b.GetStringAsync("/api/v1/ledger", Ct));
    }

    private sealed record RechargeDto(Guid RechargeId);

    private sealed record AccountDto(Guid AccountId, string Name);
}
