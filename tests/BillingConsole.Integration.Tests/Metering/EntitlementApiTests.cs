using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BillingConsole.Domain.Accounts;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.Ledger;
using BillingConsole.Integration.Tests.Infrastructure;
using BillingConsole.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BillingConsole.Integration.Tests.Metering;

[Collection(HostCollection.Name)]
public sealed class EntitlementApiTests(EntitlementApiTests.App app) : IClassFixture<EntitlementApiTests.App>
{
    /// <summary>No grace period, so the enforcement job suspends an account in arrears at once.</summary>
    public sealed class App : BillingAppFactory
    {
        public App() => With("Admin:ApiToken", ApiClients.AdminToken).With("Billing:ArrearsGracePeriod", "00:00:00");
    }

    private async Task<JsonElement> EntitlementAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/v1/entitlement?service=RP");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private async Task PostLedgerAsync(Guid accountId, LedgerEntryKind kind, decimal amount)
    {
        await using var db = app.CreateDbContext();
        var result = await db.PostAsync(new PostLedgerEntryCommand(accountId, kind, Money.Yuan(amount), "test", Guid.NewGuid().ToString()),
            DateTime.UtcNow, default);
        Assert.True(result.IsOk, result.Error);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Entitlement_FlipsAtOnceOnSuspensionAndRestore()
    {
        var (accountId, key) = await app.NewAccountWithKeyAsync();
        var client = app.Bearer(key);

        var active = await EntitlementAsync(client);
        await PostLedgerAsync(accountId, LedgerEntryKind.DailyBill, -3m);
        var arrears = await EntitlementAsync(client);
        (await app.Admin().PostAsync("/api/v1/admin/jobs/arrears-enforcement/run", null)).EnsureSuccessStatusCode();
        var suspended = await EntitlementAsync(client);
        await PostLedgerAsync(accountId, LedgerEntryKind.Recharge, 3m);
        var restored = await EntitlementAsync(client);

        Assert.True(active.GetProperty("allowed").GetBoolean());
        Assert.False(active.TryGetProperty("graceEndsAt", out _));
        Assert.Equal("arrears", arrears.GetProperty("status").GetString());
        Assert.True(arrears.GetProperty("allowed").GetBoolean());
        Assert.Equal(JsonValueKind.String, arrears.GetProperty("graceEndsAt").ValueKind);
        Assert.Equal(("suspended", false), (suspended.GetProperty("status").GetString(), suspended.GetProperty("allowed").GetBoolean()));
        Assert.Equal(("active", true), (restored.GetProperty("status").GetString(), restored.GetProperty("allowed").GetBoolean()));
    }

    /// <summary>Repeated calls, so that on SQLite the key cache holds the key and status before each change.</summary>
    private async Task<JsonElement> WarmEntitlementAsync(HttpClient client)
    {
        await EntitlementAsync(client);
        return await EntitlementAsync(client);
    }

    [Fact]
    public async Task Entitlement_SuspendedByTheJobAndRestoredByAConfirmedRemittance_TheVeryNextCallSeesIt()
    {
        var (accountId, key) = await app.NewAccountWithKeyAsync();
        var client = app.Bearer(key);
        await PostLedgerAsync(accountId, LedgerEntryKind.DailyBill, -3m);

        var arrears = await WarmEntitlementAsync(client);
        (await app.Admin().PostAsync("/api/v1/admin/jobs/arrears-enforcement/run", null)).EnsureSuccessStatusCode();
        var suspended = await WarmEntitlementAsync(client);
        var created = await client.PostAsJsonAsync("/api/v1/recharges", new { amount = "3.00", method = "offline" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var rechargeId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("rechargeId").GetGuid();
        var pending = await WarmEntitlementAsync(client);
        (await app.Admin().PostAsJsonAsync($"/api/v1/admin/recharges/{rechargeId}/confirm", new { amountReceived = "3.00" }))
            .EnsureSuccessStatusCode();
        var restored = await EntitlementAsync(client);

        Assert.Equal(("arrears", true), (arrears.GetProperty("status").GetString(), arrears.GetProperty("allowed").GetBoolean()));
        Assert.Equal(("suspended", false), (suspended.GetProperty("status").GetString(), suspended.GetProperty("allowed").GetBoolean()));
        Assert.Equal(("suspended", false), (pending.GetProperty("status").GetString(), pending.GetProperty("allowed").GetBoolean()));
        Assert.Equal(("active", true), (restored.GetProperty("status").GetString(), restored.GetProperty("allowed").GetBoolean()));
    }

    [Fact]
    public async Task Entitlement_KeyRevokedByTheOwner_TheVeryNextCallIs401()
    {
        var (accountId, key) = await app.NewAccountWithKeyAsync();
        var client = app.Bearer(key);
        Guid keyId;
        await using (var db = app.CreateDbContext())
        {
            keyId = await db.ApiKeys.Where(k => k.HashHex == ApiKey.Hash(key)).Select(k => k.Id).SingleAsync();
        }
        await WarmEntitlementAsync(client);

        var revoked = await app.Services.GetRequiredService<ApiKeysHandler>().RevokeAsync(accountId, keyId, default);
        var response = await client.GetAsync("/api/v1/entitlement?service=RP");

        Assert.True(revoked.IsOk, revoked.Error);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Entitlement_StatusWrittenByABulkUpdate_TheVeryNextCallSeesIt()
    {
        var (accountId, key) = await app.NewAccountWithKeyAsync();
        var client = app.Bearer(key);
        await WarmEntitlementAsync(client);

        await using (var db = app.CreateDbContext())
        {
            await db.Accounts.Where(a => a.Id == accountId)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AccountStatus.Suspended));
        }
        var suspended = await EntitlementAsync(client);

        Assert.False(suspended.GetProperty("allowed").GetBoolean());
    }

    [Fact]
    public async Task SuspendedAccount_UsageIsStillRecorded()
    {
        var (accountId, key) = await app.NewAccountWithKeyAsync();
        await PostLedgerAsync(accountId, LedgerEntryKind.DailyBill, -3m);
        (await app.Admin().PostAsync("/api/v1/admin/jobs/arrears-enforcement/run", null)).EnsureSuccessStatusCode();

        var answer = await UsageApi.ReadAsync(await UsageApi.PostAsync(app.Bearer(key), UsageApi.Batch([UsageApi.Event("s1")])));

        Assert.Equal(1, answer.Accepted);
    }

    [Theory]
    [InlineData("/api/v1/entitlement")]
    [InlineData("/api/v1/entitlement?service=NOPE")]
    public async Task Entitlement_MissingOrUnknownService_Is400(string url)
    {
        var (_, key) = await app.NewAccountWithKeyAsync();

        var response = await app.Bearer(key).GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("service", await response.Content.ReadAsStringAsync());
    }
}
