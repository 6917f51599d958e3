using System.Net;
using System.Text;
using System.Text.Json;
using BillingConsole.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static BillingConsole.Integration.Tests.Hardening.Problems;

namespace BillingConsole.Integration.Tests.Hardening;

/// <summary>Issue #16 items 1 and 12: the usage parser and bytes that are not what it expects.</summary>
[Collection(HostCollection.Name)]
public sealed class UsageInputTests(UsageInputTests.App app) : IClassFixture<UsageInputTests.App>
{
    public sealed class App : BillingAppFactory
    {
        public App() => With("Admin:ApiToken", ApiClients.AdminToken);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Now => DateTime.UtcNow.AddMinutes(-1).ToString("O");

    private static Task<HttpResponseMessage> PostBytesAsync(HttpClient client, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        return client.PostAsync("/api/v1/usage/events", content, Ct);
    }

    [Theory]
    [InlineData("eventId")]
    [InlineData("service")]
    [InlineData("outcome")]
    [InlineData("sceneId")]
    public async Task InvalidUtf8InAnEventString_Is400Problem_AndNothingIsStored(string field)
    {
        var (accountId, key) = await app.NewAccountWithKeyAsync();
        var values = new Dictionary<string, string> { ["eventId"] = "ok-1", ["service"] = "RP", ["outcome"] = "passed", ["sceneId"] = "s" };
        var fields = string.Join(",", values.Select(p => p.Key == field ? $"\"{p.Key}\":\"a\u00ff\"" : $"\"{p.Key}\":\"{p.Value}\""));
        var json = $$"""{"events":[{"eventId":"fine-{{field}}","service":"RP","outcome":"passed","occurredAt":"{{Now}}"},{{{fields}},"occurredAt":"{{Now}}"}]}""";
        var bytes = Encoding.UTF8.GetBytes(json);
        var at = Array.IndexOf(bytes, (byte)0xC3); // "ÿ" encoded as C3 BF: make it a lone 0xFF
        bytes = [.. bytes[..at], 0xFF, .. bytes[(at + 2)..]];

        var response = await PostBytesAsync(app.Bearer(key), bytes);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        await using var db = app.CreateDbContext();
        Assert.False(await db.UsageEvents.AnyAsync(e => e.AccountId == accountId, Ct));
    }

    [Fact]
    public async Task ARepeatedEventsKey_IsRefused_NotHalfIgnored()
    {
        var (accountId, key) = await app.NewAccountWithKeyAsync();
        var json = $$"""{"events":[{"eventId":"first","service":"RP","outcome":"passed","occurredAt":"{{Now}}"}],"events":[{"eventId":"second","service":"RP","outcome":"passed","occurredAt":"{{Now}}"}]}""";

        var response = await PostBytesAsync(app.Bearer(key), Encoding.UTF8.GetBytes(json));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("more than once", problem.GetProperty("title").GetString());
        await using var db = app.CreateDbContext();
        Assert.False(await db.UsageEvents.AnyAsync(e => e.AccountId == accountId, Ct));
    }

    [Fact]
    public async Task AUtf8ByteOrderMark_IsAccepted()
    {
        var (_, key) = await app.NewAccountWithKeyAsync();
        var json = $$"""{"events":[{"eventId":"bom-1","service":"RP","outcome":"passed","occurredAt":"{{Now}}"}]}""";

        var response = await PostBytesAsync(app.Bearer(key), [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(json)]);

        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal(1, JsonDocument.Parse(body).RootElement.GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task ARejectedLongEventId_IsEchoedWithAtMost128Characters()
    {
        var (_, key) = await app.NewAccountWithKeyAsync();
        var longId = new string('x', 100_000);
        var json = $$"""{"events":[{"eventId":"{{longId}}","service":"RP","outcome":"passed","occurredAt":"{{Now}}"}]}""";

        var response = await PostBytesAsync(app.Bearer(key), Encoding.UTF8.GetBytes(json));

        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var rejected = JsonDocument.Parse(body).RootElement.GetProperty("rejected")[0];
        Assert.Equal(128, rejected.GetProperty("eventId").GetString()!.Length);
        Assert.True(body.Length < 2_000, body.Length.ToString());
    }
}
