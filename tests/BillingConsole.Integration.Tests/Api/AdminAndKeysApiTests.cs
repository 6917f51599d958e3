using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BillingConsole.Integration.Tests.Infrastructure;
using BillingConsole.Web.Features.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace BillingConsole.Integration.Tests.Api;

[Collection(HostCollection.Name)]
public sealed class AdminAndKeysApiTests(AdminAndKeysApiTests.App app) : IClassFixture<AdminAndKeysApiTests.App>
{
    public sealed class App : BillingAppFactory
    {
        public App() => With("Admin:ApiToken", ApiClients.AdminToken);
    }

    [Fact]
    public async Task AdminApi_WrongToken_Is401()
    {
        var response = await app.Bearer("not-the-token").PostAsJsonAsync("/api/v1/admin/accounts", new { name = "x", ownerEmail = "x@example.com" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task AdminApi_CreateAccount_BadEmail_IsValidationProblem()
    {
        var response = await app.Admin().PostAsJsonAsync("/api/v1/admin/accounts", new { name = "x", ownerEmail = "not-an-email" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ownerEmail", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AccountApi_WithNewKey_ReturnsTheAccount_MoneyAsString()
    {
        var (accountId, key) = await app.NewAccountWithKeyAsync("Keyed Co");

        var response = await app.Bearer(key).GetAsync("/api/v1/account");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(accountId, json.RootElement.GetProperty("accountId").GetGuid());
        Assert.Equal("active", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, json.RootElement.GetProperty("cashBalance").ValueKind);
        Assert.Equal("0.00", json.RootElement.GetProperty("cashBalance").GetString());
    }

    [Fact]
    public async Task I5_RevokedKey_Is401AtOnce()
    {
        var (accountId, key) = await app.NewAccountWithKeyAsync();
        var client = app.Bearer(key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/account")).StatusCode);
        var keys = app.Services.GetRequiredService<ApiKeysHandler>();
        var keyId = (await keys.ListAsync(accountId, default)).Single().KeyId;

        await keys.RevokeAsync(accountId, keyId, default);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/account")).StatusCode);
    }

    [Fact]
    public async Task AccountApi_UnknownKey_Is401()
    {
        var response = await app.Bearer("bck_unknown").GetAsync("/api/v1/account");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task I5_KeysAreStoredHashed()
    {
        var (accountId, key) = await app.NewAccountWithKeyAsync();

        await using var db = app.CreateDbContext();
        var stored = db.ApiKeys.Single(k => k.AccountId == accountId);
        Assert.NotEqual(key, stored.HashHex);
        Assert.DoesNotContain(key, stored.HashHex + stored.DisplayPrefix + stored.Name);
        Assert.Equal(64, stored.HashHex.Length);
    }

    [Fact]
    public async Task IdempotencyKey_SameBodyReplays_OtherBodyConflicts()
    {
        var admin = app.Admin();
        var email = $"idem-{Guid.NewGuid():N}@example.com";
        HttpRequestMessage Request(string name) => new(HttpMethod.Post, "/api/v1/admin/accounts")
        {
            Content = JsonContent.Create(new { name, ownerEmail = email, ownerPassword = "Owner#2026pw" }),
            Headers = { { "Idempotency-Key", "create-" + email } },
        };

        var first = await admin.SendAsync(Request("Idem Co"));
        var retry = await admin.SendAsync(Request("Idem Co"));
        var different = await admin.SendAsync(Request("Other Co"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, different.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.Single(db.Users.Where(u => u.Email == email));
    }

    [Fact]
    public async Task AdminJobRun_UnknownJob_Is404_KnownJobRuns()
    {
        var admin = app.Admin();

        var unknown = await admin.PostAsync("/api/v1/admin/jobs/nope/run", null);
        var known = await admin.PostAsync("/api/v1/admin/jobs/arrears-enforcement/run", null);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Contains("\"job\":\"arrears-enforcement\"", await known.Content.ReadAsStringAsync());
    }
}

[Collection(HostCollection.Name)]
public sealed class AdminApiDisabledTests(AdminApiDisabledTests.App app) : IClassFixture<AdminApiDisabledTests.App>
{
    public sealed class App : BillingAppFactory;

    [Fact]
    public async Task AdminApi_NoTokenConfigured_Is404()
    {
        var response = await app.Bearer("anything").PostAsync("/api/v1/admin/jobs/daily-billing/run", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

[Collection(HostCollection.Name)]
public sealed class ApiProblemLanguageTests(ApiProblemLanguageTests.App app) : IClassFixture<ApiProblemLanguageTests.App>
{
    public sealed class App : BillingAppFactory;

    [Fact]
    public async Task ProblemTitle_IsEnglishByDefault_AndChineseWhenAskedFor()
    {
        var english = await app.Bearer("bck_unknown").GetAsync("/api/v1/account");
        var chineseClient = app.Bearer("bck_unknown");
        chineseClient.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var chinese = await chineseClient.GetAsync("/api/v1/account");

        Assert.Contains("A valid API key is required", await english.Content.ReadAsStringAsync());
        Assert.Contains("需要有效的 API 密钥", System.Text.RegularExpressions.Regex.Unescape(await chinese.Content.ReadAsStringAsync()));
    }
}
