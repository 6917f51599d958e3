using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using BillingConsole.Domain.Accounts;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.Ledger;
using BillingConsole.Integration.Tests.Infrastructure;
using BillingConsole.Web.Features.Accounts;
using BillingConsole.Web.Features.Metering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BillingConsole.Integration.Tests.Metering;

/// <summary>
/// The entitlement fast path (docs/metering.md "Entitlement fast path") answers what the endpoint answers, byte for
/// byte, and leaves every other answer to the normal pipeline. On SQLite a key's first call after a change reads the
/// database through the normal pipeline and fills the key cache, and the next call is a cache hit answered by the fast
/// path: the tests compare the two. On PostgreSQL the cache is off, so the fast path never answers (checked too).
/// </summary>
[Collection(HostCollection.Name)]
public sealed class EntitlementFastPathTests(EntitlementFastPathTests.App app, EntitlementFastPathTests.AppWithoutFastPath reference)
    : IClassFixture<EntitlementFastPathTests.App>, IClassFixture<EntitlementFastPathTests.AppWithoutFastPath>
{
    private const string Url = "/api/v1/entitlement?service=RP";

    /// <summary>The default grace period (24 h), so an account in arrears has a graceEndsAt.</summary>
    public sealed class App : BillingAppFactory
    {
        public App() => With("Admin:ApiToken", ApiClients.AdminToken);
    }

    /// <summary>The same app with <c>Api:EntitlementFastPath:Enabled=false</c>: what every answer was before.</summary>
    public sealed class AppWithoutFastPath : BillingAppFactory
    {
        public AppWithoutFastPath() => With("Admin:ApiToken", ApiClients.AdminToken).With("Api:EntitlementFastPath:Enabled", "false");
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Everything a client can see of an answer, except the Date header and problem details' traceId.</summary>
    private sealed record Answer(HttpStatusCode Status, string Headers, string Body)
    {
        public static async Task<Answer> ReadAsync(HttpResponseMessage response)
        {
            var headers = response.Headers.Concat(response.Content.Headers)
                .Where(h => h.Key != "Date")
                .OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
                .Select(h => $"{h.Key}: {string.Join(", ", h.Value)}");
            var body = await response.Content.ReadAsStringAsync();
            if (response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                && JsonNode.Parse(body) is JsonObject problem && problem.Remove("traceId"))
            {
                body = problem.ToJsonString();
            }
            return new Answer(response.StatusCode, string.Join("\n", headers), body);
        }
    }

    private static long FastAnswers(BillingAppFactory host) => host.Services.GetRequiredService<EntitlementFastPathCount>().Answered;

    private bool CacheOn => app.Provider == "Sqlite";

    /// <summary>One call, and whether the fast path answered it.</summary>
    private async Task<(Answer Answer, bool Fast)> CallAsync(HttpClient client, string url = Url)
    {
        var before = FastAnswers(app);
        using var response = await client.GetAsync(url, Ct);
        var answer = await Answer.ReadAsync(response);
        return (answer, FastAnswers(app) > before);
    }

    private async Task SetStatusAsync(Guid accountId, AccountStatus status)
    {
        await using var db = app.CreateDbContext();
        await db.Accounts.Where(a => a.Id == accountId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, status), Ct);
    }

    private async Task PostLedgerAsync(Guid accountId, LedgerEntryKind kind, decimal amount)
    {
        await using var db = app.CreateDbContext();
        var result = await db.PostAsync(new PostLedgerEntryCommand(accountId, kind, Money.Yuan(amount), "test", Guid.NewGuid().ToString()),
            DateTime.UtcNow, Ct);
        Assert.True(result.IsOk, result.Error);
        await db.SaveChangesAsync(Ct);
    }

    [Theory]
    [InlineData("active")]
    [InlineData("arrears")]
    [InlineData("suspended")]
    public async Task FastPathAnswer_IsByteIdenticalToTheEndpointsAnswer(string status)
    {
        var (accountId, key) = await app.NewAccountWithKeyAsync();
        var client = app.Bearer(key);
        await client.GetAsync(Url, Ct); // the catalog and the key are read once
        if (status is "arrears" or "suspended") await PostLedgerAsync(accountId, LedgerEntryKind.DailyBill, -3m);
        if (status is "suspended") await SetStatusAsync(accountId, AccountStatus.Suspended);
        // A write to the account (here: its status as it is) empties the key cache, so the next call is the endpoint's.
        if (status is "active") await SetStatusAsync(accountId, AccountStatus.Active);

        var (normal, normalWasFast) = await CallAsync(client);
        var (fast, fastWasFast) = await CallAsync(client);

        Assert.False(normalWasFast);
        Assert.Equal(CacheOn, fastWasFast);
        Assert.Equal(HttpStatusCode.OK, fast.Status);
        Assert.Equal(normal, fast);
        Assert.Contains("Content-Security-Policy: ", fast.Headers);
        Assert.Contains("X-Content-Type-Options: nosniff", fast.Headers);
        Assert.Contains("Content-Type: application/json; charset=utf-8", fast.Headers);
        var json = JsonDocument.Parse(fast.Body).RootElement;
        Assert.Equal(status, json.GetProperty("status").GetString());
        Assert.Equal(status != "suspended", json.GetProperty("allowed").GetBoolean());
        Assert.Equal(status == "arrears", json.TryGetProperty("graceEndsAt", out _));
        if (status == "arrears") Assert.Matches("\"graceEndsAt\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z\"", fast.Body);
    }

    [Fact]
    public async Task FastPathAnswer_CarriesTheEndpointsRouteInTheRequestMetrics()
    {
        var (_, key) = await app.NewAccountWithKeyAsync();
        var client = app.Bearer(key);
        await CallAsync(client);
        var routes = new System.Collections.Concurrent.ConcurrentQueue<string?>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument is { Meter.Name: "Microsoft.AspNetCore.Hosting", Name: "http.server.request.duration" }) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            string? route = null;
            foreach (var tag in tags) if (tag.Key == "http.route") route = tag.Value as string;
            routes.Enqueue(route);
        });
        listener.Start();

        var (_, fast) = await CallAsync(client);
        for (var i = 0; i < 100 && routes.IsEmpty; i++) await Task.Delay(10, Ct);

        Assert.Equal(CacheOn, fast);
        Assert.Equal(["/api/v1/entitlement"], routes.ToArray());
    }

    [Fact]
    public async Task FastPath_SuspensionRestoreAndRevocation_AreSeenByTheVeryNextCall()
    {
        var (accountId, key) = await app.NewAccountWithKeyAsync();
        var client = app.Bearer(key);
        await client.GetAsync(Url, Ct);
        var (active, activeWasFast) = await CallAsync(client);

        await SetStatusAsync(accountId, AccountStatus.Suspended);
        var (suspended, _) = await CallAsync(client);
        var (stillSuspended, stillWasFast) = await CallAsync(client);
        await SetStatusAsync(accountId, AccountStatus.Active);
        var (restored, _) = await CallAsync(client);
        Guid keyId;
        await using (var db = app.CreateDbContext())
        {
            keyId = await db.ApiKeys.Where(k => k.HashHex == ApiKey.Hash(key)).Select(k => k.Id).SingleAsync(Ct);
        }
        var revoked = await app.Services.GetRequiredService<ApiKeysHandler>().RevokeAsync(accountId, keyId, Ct);
        var (afterRevocation, revokedWasFast) = await CallAsync(client);

        Assert.Equal(CacheOn, activeWasFast);
        Assert.Equal(CacheOn, stillWasFast);
        Assert.Contains("\"allowed\":true,\"status\":\"active\"", active.Body);
        Assert.Contains("\"allowed\":false,\"status\":\"suspended\"", suspended.Body);
        Assert.Equal(suspended, stillSuspended);
        Assert.Contains("\"allowed\":true,\"status\":\"active\"", restored.Body);
        Assert.True(revoked.IsOk, revoked.Error);
        Assert.False(revokedWasFast);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevocation.Status);
    }

    [Fact]
    public async Task MissingUnknownOrRevokedKey_GetsThe401ItGotWithoutTheFastPath()
    {
        var (accountId, key) = await app.NewAccountWithKeyAsync();
        await app.Bearer(key).GetAsync(Url, Ct);
        var unknownKey = ApiKey.KeyPrefix + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        Guid keyId;
        await using (var db = app.CreateDbContext())
        {
            keyId = await db.ApiKeys.Where(k => k.HashHex == ApiKey.Hash(key)).Select(k => k.Id).SingleAsync(Ct);
        }
        var revoked = await app.Services.GetRequiredService<ApiKeysHandler>().RevokeAsync(accountId, keyId, Ct);
        Assert.True(revoked.IsOk, revoked.Error);

        foreach (var client in new[] { app.CreateClient(), app.Bearer(unknownKey), app.Bearer("not-an-api-key"), app.Bearer(key) })
        {
            var (answer, wasFast) = await CallAsync(client);
            var expected = await Answer.ReadAsync(await (client.DefaultRequestHeaders.Authorization is { } auth
                ? reference.Bearer(auth.Parameter!) : reference.CreateClient()).GetAsync(Url, Ct));

            Assert.False(wasFast);
            Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
            Assert.Equal(expected, answer);
        }
    }

    [Theory]
    [InlineData("/api/v1/entitlement")]
    [InlineData("/api/v1/entitlement?service=")]
    [InlineData("/api/v1/entitlement?service=NOPE")]
    [InlineData("/api/v1/entitlement?service=rp")]
    [InlineData("/api/v1/entitlement?service=RP&service=FV")]
    public async Task MissingOrUnknownService_GetsThe400ItGotWithoutTheFastPath(string url)
    {
        var (_, key) = await app.NewAccountWithKeyAsync();
        var (_, referenceKey) = await reference.NewAccountWithKeyAsync();
        var client = app.Bearer(key);
        await CallAsync(client);
        Assert.Equal(CacheOn, (await CallAsync(client)).Fast); // the key is in the cache

        var (answer, wasFast) = await CallAsync(client, url);
        var expected = await Answer.ReadAsync(await reference.Bearer(referenceKey).GetAsync(url, Ct));

        Assert.False(wasFast);
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(expected, answer);
    }

    [Fact]
    public async Task WithoutTheFastPath_TheEndpointAnswersEveryCall()
    {
        var (_, key) = await reference.NewAccountWithKeyAsync();
        var client = reference.Bearer(key);

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) answers.Add((await client.GetAsync(Url, Ct)).StatusCode);

        Assert.All(answers, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(0, FastAnswers(reference));
    }

    [Theory]
    [InlineData("/healthz", HttpStatusCode.OK, "application/json")]
    [InlineData("/api/v1/account", HttpStatusCode.OK, "application/json")]
    [InlineData("/api/v1/entitlement/?service=RP", HttpStatusCode.OK, "application/json")]
    [InlineData("/openapi/v1.json", HttpStatusCode.OK, "application/json")]
    [InlineData("/Account/Login", HttpStatusCode.OK, "text/html")]
    [InlineData("/no-such-page", HttpStatusCode.NotFound, "text/html")]
    [InlineData("/api/v1/no-such-route", HttpStatusCode.NotFound, "application/problem+json")] // issue #16: every /api error is a problem
    public async Task OtherRoutesAndPages_StillWork(string url, HttpStatusCode status, string mediaType)
    {
        var (_, key) = await app.NewAccountWithKeyAsync();
        var client = app.Bearer(key);
        await client.GetAsync(Url, Ct);

        using var response = await client.GetAsync(url, Ct);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("HEAD")]
    [InlineData("POST")]
    public async Task OtherMethods_GetWhatTheyGotWithoutTheFastPath(string method)
    {
        var (_, key) = await app.NewAccountWithKeyAsync();
        var (_, referenceKey) = await reference.NewAccountWithKeyAsync();
        var client = app.Bearer(key);
        await CallAsync(client);
        var before = FastAnswers(app);

        var answer = await Answer.ReadAsync(await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), Url), Ct));
        var expected = await Answer.ReadAsync(
            await reference.Bearer(referenceKey).SendAsync(new HttpRequestMessage(new HttpMethod(method), Url), Ct));

        Assert.Equal(before, FastAnswers(app));
        Assert.NotEqual(HttpStatusCode.OK, answer.Status);
        Assert.Equal(expected.Status, answer.Status);
        Assert.Equal(expected.Headers, answer.Headers);
    }
}

/// <summary>The per-key rate limit counts the fast path's answers: one bucket whichever path answers.</summary>
[Collection(HostCollection.Name)]
public sealed class EntitlementFastPathRateLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FastPathCalls_AreRateLimited_429WithRetryAfterAfterTheBurst()
    {
        await using var app = new BillingAppFactory()
            .With("Admin:ApiToken", ApiClients.AdminToken)
            .With("RateLimiting:PermitsPerSecond", "1")
            .With("RateLimiting:Burst", "5");
        var (_, key) = await app.NewAccountWithKeyAsync();
        var client = app.Bearer(key);
        var count = app.Services.GetRequiredService<EntitlementFastPathCount>();

        var started = DateTime.UtcNow;
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 12 && limited is null; i++)
        {
            var response = await client.GetAsync("/api/v1/entitlement?service=RP", Ct);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) limited = response;
        }
        var seconds = (DateTime.UtcNow - started).TotalSeconds;

        Assert.NotNull(limited);
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        // The burst, plus what a second's refill could add while the calls ran.
        Assert.InRange(statuses.Count(s => s == HttpStatusCode.OK), 5, 5 + (int)Math.Ceiling(seconds));
        if (app.Provider == "Sqlite") Assert.True(count.Answered >= 3, $"fast path answered {count.Answered}");
    }
}

/// <summary>
/// On a real Kestrel port: the raw HTTP/1.1 bytes of the fast path's answer (status line, headers, chunked framing,
/// body) are those of the endpoint's, but for the Date header.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class EntitlementFastPathOnTheWireTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> RawGetAsync(Uri server, string key)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port, Ct);
        await using var stream = tcp.GetStream();
        var request = $"GET /api/v1/entitlement?service=RP HTTP/1.1\r\nHost: {server.Authority}\r\nAuthorization: Bearer {key}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(request), Ct);
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        var raw = await reader.ReadToEndAsync(Ct);
        return string.Join("\r\n", raw.Split("\r\n").Where(line => !line.StartsWith("Date: ", StringComparison.Ordinal)));
    }

    /// <summary>The admin API over the port (the factory's own clients talk to its in-memory server).</summary>
    private static async Task<(Guid AccountId, string Key)> NewAccountWithKeyAsync(Uri server)
    {
        using var admin = new HttpClient { BaseAddress = server };
        admin.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiClients.AdminToken);
        var created = await admin.PostAsJsonAsync("/api/v1/admin/accounts",
            new { name = "Wire Co", ownerEmail = $"owner-{Guid.NewGuid():N}@example.com", ownerPassword = "Owner#2026pw" }, Ct);
        created.EnsureSuccessStatusCode();
        var accountId = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("accountId").GetGuid();
        var key = await admin.PostAsJsonAsync($"/api/v1/admin/accounts/{accountId}/api-keys", new { name = "wire" }, Ct);
        key.EnsureSuccessStatusCode();
        return (accountId, JsonDocument.Parse(await key.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("key").GetString()!);
    }

    [Fact]
    public async Task FastPathAnswer_IsTheEndpointsAnswerOnTheWire()
    {
        await using var app = new BillingAppFactory().With("Admin:ApiToken", ApiClients.AdminToken);
        app.UseKestrel(0);
        app.StartServer();
        var server = new Uri(app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1"));
        var (accountId, key) = await NewAccountWithKeyAsync(server);
        var count = app.Services.GetRequiredService<EntitlementFastPathCount>();
        await RawGetAsync(server, key);
        await using (var db = app.CreateDbContext())
        {
            // Moves the cache's version (the status as it is): the next call is the endpoint's.
            await db.Accounts.Where(a => a.Id == accountId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AccountStatus.Active), Ct);
        }

        var before = count.Answered;
        var normal = await RawGetAsync(server, key);
        var afterNormal = count.Answered;
        var fast = await RawGetAsync(server, key);

        Assert.Equal(before, afterNormal);
        Assert.Equal(app.Provider == "Sqlite" ? afterNormal + 1 : afterNormal, count.Answered);
        Assert.StartsWith("HTTP/1.1 200 OK\r\n", fast);
        Assert.Contains("Transfer-Encoding: chunked", fast);
        Assert.Equal(normal, fast);
    }
}
