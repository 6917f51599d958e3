using System.Net;
using System.Text.Json;
using BillingConsole.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static BillingConsole.Integration.Tests.Metering.UsageApi;

namespace BillingConsole.Integration.Tests.Metering;

[Collection(HostCollection.Name)]
public sealed class UsageEventsApiTests(UsageEventsApiTests.App app) : IClassFixture<UsageEventsApiTests.App>
{
    public sealed class App : BillingAppFactory
    {
        public App() => With("Admin:ApiToken", ApiClients.AdminToken);
    }

    [Fact]
    public async Task Post_PartialBatch_AnswersCountsAndRejectedWithIndexAndReason()
    {
        var (_, key) = await app.NewAccountWithKeyAsync();

        var response = await PostAsync(app.Bearer(key), Batch([Event("a"), Event("b", "FV", "abandoned"), Event("c", "NOPE"), Event("a")]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(2, json.RootElement.GetProperty("accepted").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("duplicates").GetInt32());
        var rejected = Assert.Single(json.RootElement.GetProperty("rejected").EnumerateArray());
        Assert.Equal(2, rejected.GetProperty("index").GetInt32());
        Assert.Equal("c", rejected.GetProperty("eventId").GetString());
        Assert.Contains("unknown service", rejected.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Post_WrongContentType_Is415Problem()
    {
        var (_, key) = await app.NewAccountWithKeyAsync();

        var response = await PostRawAsync(app.Bearer(key), "events=1", "application/x-www-form-urlencoded");

        Assert.True(response.StatusCode == HttpStatusCode.UnsupportedMediaType, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("{\"events\": [", "body")]
    [InlineData("{}", "events")]
    [InlineData("{\"events\": []}", "events")]
    public async Task Post_MalformedRequest_Is400WithFieldErrorsAndStoresNothing(string body, string field)
    {
        var (accountId, key) = await app.NewAccountWithKeyAsync();

        var response = await PostRawAsync(app.Bearer(key), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty(field, out _));
        await using var db = app.CreateDbContext();
        Assert.False(await db.UsageEvents.AnyAsync(e => e.AccountId == accountId));
    }

    [Fact]
    public async Task Post_1001Events_Is400AndStoresNothing()
    {
        var (accountId, key) = await app.NewAccountWithKeyAsync();

        var response = await PostAsync(app.Bearer(key), Batch(Enumerable.Range(0, 1001).Select(i => Event($"e{i}"))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.False(await db.UsageEvents.AnyAsync(e => e.AccountId == accountId));
    }

    [Fact]
    public async Task Post_WithoutKey_Is401()
    {
        var response = await PostAsync(app.AnonymousClient(), Batch([Event("a")]));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task M4_ConcurrentDuplicateBatches_CountOnce()
    {
        var (accountId, key) = await app.NewAccountWithKeyAsync();
        var batch = Batch(Enumerable.Range(0, 300).Select(i => Event($"c{i}", outcome: i % 3 == 0 ? "error" : "passed")));

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
            await ReadAsync(await PostAsync(app.Bearer(key), batch)))));

        Assert.Equal(300, answers.Sum(a => a.Accepted));
        Assert.All(answers, a => Assert.Equal(300, a.Accepted + a.Duplicates));
        await using var db = app.CreateDbContext();
        Assert.Equal(300, await db.UsageEvents.CountAsync(e => e.AccountId == accountId));
        var rollups = await db.UsageHourlyRollups.Where(r => r.AccountId == accountId).ToListAsync();
        Assert.Equal(200, rollups.Sum(r => r.BillableQuantity));
        Assert.Equal(100, rollups.Sum(r => r.NonBillableQuantity));
    }

    [Fact]
    public async Task IdempotencyKey_RetryReplaysTheFirstAnswer()
    {
        var (_, key) = await app.NewAccountWithKeyAsync();
        var client = app.Bearer(key);
        var body = System.Net.Http.Json.JsonContent.Create(Batch([Event("i1")]));
        await body.LoadIntoBufferAsync();
        HttpRequestMessage Request() => new(HttpMethod.Post, "/api/v1/usage/events")
        {
            Content = new StringContent(body.ReadAsStringAsync().Result, System.Text.Encoding.UTF8, "application/json"),
            Headers = { { "Idempotency-Key", "batch-1" } },
        };

        var first = await ReadAsync(await client.SendAsync(Request()));
        var retry = await client.SendAsync(Request());

        Assert.Equal(1, first.Accepted);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, (await ReadAsync(retry)).Accepted);
    }

    [Fact]
    public async Task I5_RevokedKey_CannotPostUsageAnyMore()
    {
        var (accountId, key) = await app.NewAccountWithKeyAsync();
        var client = app.Bearer(key);
        Assert.Equal(1, (await ReadAsync(await PostAsync(client, Batch([Event("r1")])))).Accepted);
        await using (var db = app.CreateDbContext())
        {
            var stored = await db.ApiKeys.SingleAsync(k => k.AccountId == accountId);
            stored.Revoke(DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        var response = await PostAsync(client, Batch([Event("r2")]));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
