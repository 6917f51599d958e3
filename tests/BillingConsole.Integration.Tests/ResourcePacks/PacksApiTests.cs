using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.Ledger;
using BillingConsole.Integration.Tests.Infrastructure;
using BillingConsole.Web.Features.Accounts;
using BillingConsole.Web.Features.Demo;

namespace BillingConsole.Integration.Tests.ResourcePacks;

[Collection(HostCollection.Name)]
public sealed class PacksApiTests(PacksApiTests.App app) : IClassFixture<PacksApiTests.App>
{
    public sealed class App : BillingAppFactory
    {
        public App() => With("Admin:ApiToken", ApiClients.AdminToken);
    }

    private async Task<HttpClient> FundedAccountAsync(decimal balance)
    {
        var (accountId, key) = await app.NewAccountWithKeyAsync();
        await using var db = app.CreateDbContext();
        await db.PostAsync(new PostLedgerEntryCommand(accountId, LedgerEntryKind.Adjustment, Money.Yuan(balance), "test",
            $"fund-{accountId}"), DateTime.UtcNow, default);
        await db.SaveChangesAsync();
        return app.Bearer(key);
    }

    [Fact]
    public async Task Catalog_ListsSpecsWithMoneyAsStringsAndCycles()
    {
        var client = await FundedAccountAsync(0m);

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/packs/catalog"));

        var fv = json.RootElement.EnumerateArray().Single(e => e.GetProperty("specId").GetString() == "FV_CALLS_1K");
        Assert.Equal("160.00", fv.GetProperty("price").GetString());
        Assert.Equal(("FV_CALLS", 1000, 12, "none", false), (fv.GetProperty("packType").GetString(), fv.GetProperty("quantity").GetInt32(),
            fv.GetProperty("validityMonths").GetInt32(), fv.GetProperty("cycle").GetString(), fv.GetProperty("trial").GetBoolean()));
        Assert.Contains(json.RootElement.EnumerateArray(), e => e.GetProperty("cycle").GetString() == "monthly");
        Assert.Contains(json.RootElement.EnumerateArray(), e => e.GetProperty("trial").GetBoolean());
    }

    [Fact]
    public async Task PostPack_Buys201ThenListsItAndCharges()
    {
        var client = await FundedAccountAsync(200m);

        var created = await client.PostAsJsonAsync("/api/v1/packs", new { specId = "FV_CALLS_1K" });
        using var pack = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        using var list = JsonDocument.Parse(await client.GetStringAsync("/api/v1/packs"));
        using var account = JsonDocument.Parse(await client.GetStringAsync("/api/v1/account"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("active", pack.RootElement.GetProperty("status").GetString());
        Assert.Equal(1000, pack.RootElement.GetProperty("remaining").GetInt32());
        Assert.Equal(pack.RootElement.GetProperty("packId").GetGuid(), list.RootElement[0].GetProperty("packId").GetGuid());
        Assert.Equal("40.00", account.RootElement.GetProperty("cashBalance").GetString());
    }

    [Fact]
    public async Task P3_PostPack_InsufficientBalance_Is409WithAReason()
    {
        var client = await FundedAccountAsync(10m);

        var response = await client.PostAsJsonAsync("/api/v1/packs", new { specId = "FV_CALLS_1K" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Insufficient balance", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task P2_PostPack_SecondTrial_Is409()
    {
        var client = await FundedAccountAsync(0m);

        var first = await client.PostAsJsonAsync("/api/v1/packs", new { specId = "RP_CALLS_TRIAL" });
        var second = await client.PostAsJsonAsync("/api/v1/packs", new { specId = "RP_CALLS_TRIAL" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"specId\":\"NOPE\"}")]
    public async Task PostPack_MissingOrUnknownSpec_Is400WithTheField(string body)
    {
        var client = await FundedAccountAsync(0m);

        var response = await client.PostAsync("/api/v1/packs", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("specId", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task P12_AdminGrant_201WithChosenTimes_404ForUnknownAccount_400WithoutReason()
    {
        var (accountId, _) = await app.NewAccountWithKeyAsync();
        var body = new { specId = "FV_CALLS_1K", effectiveAt = "2026-12-01T00:00:00Z", expiresAt = "2027-01-01T00:00:00Z", reason = "outage" };

        var granted = await app.Admin().PostAsJsonAsync($"/api/v1/admin/accounts/{accountId}/pack-grants", body);
        var unknown = await app.Admin().PostAsJsonAsync($"/api/v1/admin/accounts/{Guid.NewGuid()}/pack-grants", body);
        var noReason = await app.Admin().PostAsJsonAsync($"/api/v1/admin/accounts/{accountId}/pack-grants", body with { reason = "" });

        Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
        using var pack = JsonDocument.Parse(await granted.Content.ReadAsStringAsync());
        Assert.Equal(new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc), pack.RootElement.GetProperty("expiresAt").GetDateTime().ToUniversalTime());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("reason", await noReason.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AdminJobs_PackLifecycle_RunsWithASummary()
    {
        var response = await app.Admin().PostAsync("/api/v1/admin/jobs/pack-lifecycle/run", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("\\d+ expired, \\d+ reset", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DeductionsCsv_SignedInOwner_GetsCsvWithHeader()
    {
        var client = await app.SignedInClientAsync(DemoSeeder.Owner.Email, DemoSeeder.Owner.Password);

        var response = await client.GetAsync("/packs/deductions/export.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("remainingBefore,deducted,remainingAfter", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task StaffGrantPage_SupportSeesIt_OwnerDoesNot()
    {
        var support = await app.SignedInClientAsync(DemoSeeder.Support.Email, DemoSeeder.Support.Password);
        var owner = await app.SignedInClientAsync(DemoSeeder.Owner.Email, DemoSeeder.Owner.Password);

        var staffPage = await support.GetAsync("/staff/grants?culture=en-US");
        var ownerPage = await owner.GetAsync("/staff/grants");

        Assert.Equal(HttpStatusCode.OK, staffPage.StatusCode);
        Assert.Contains("Grant a resource pack", await staffPage.Content.ReadAsStringAsync());
        Assert.NotEqual(HttpStatusCode.OK, ownerPage.StatusCode);
    }
}
