using System.Net;
using System.Net.Http.Json;
using BillingConsole.Integration.Tests.Infrastructure;
using static BillingConsole.Integration.Tests.Hardening.Problems;

namespace BillingConsole.Integration.Tests.Hardening;

/// <summary>Issue #16 item 13: admin API input that used to be taken as given.</summary>
[Collection(HostCollection.Name)]
public sealed class AdminInputTests(AdminInputTests.App app) : IClassFixture<AdminInputTests.App>
{
    public sealed class App : BillingAppFactory
    {
        public App() => With("Admin:ApiToken", ApiClients.AdminToken);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateAccount_WithAnEmailOver254Characters_Is400()
    {
        var email = new string('a', 64) + "@" + string.Join(".", Enumerable.Repeat(new string('b', 60), 3)) + ".example.com";
        Assert.True(email.Length > 254);

        var response = await app.Admin().PostAsJsonAsync("/api/v1/admin/accounts", new { name = "Long Co", ownerEmail = email }, Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("ownerEmail", out _));
    }

    [Theory]
    [InlineData("2026-12-01T00:00:00", "2027-01-01T00:00:00+08:00", "effectiveAt")]
    [InlineData("2026-12-01T00:00:00Z", "2027-01-01T00:00:00", "expiresAt")]
    [InlineData("2026-12-01", "2027-01-01T00:00:00Z", "effectiveAt")]
    [InlineData("2026-12-01T00:00:00Z", "9999-12-31T23:59:59Z", "expiresAt")]
    [InlineData("0001-01-01T00:00:00Z", "2027-01-01T00:00:00Z", "expiresAt")]
    [InlineData("2100-01-01T00:00:00Z", "2101-01-01T00:00:00Z", "effectiveAt")]
    [InlineData("not a time", "2027-01-01T00:00:00Z", "effectiveAt")]
    public async Task GrantPack_WithATimeWithoutOffsetOrAnInsaneWindow_Is400(string effectiveAt, string expiresAt, string field)
    {
        var (accountId, _) = await app.NewAccountWithKeyAsync();

        var response = await app.Admin().PostAsJsonAsync($"/api/v1/admin/accounts/{accountId}/pack-grants",
            new { specId = "FV_CALLS_1K", effectiveAt, expiresAt, reason = "test" }, Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task GrantPack_WithOffsets_StillWorks()
    {
        var (accountId, _) = await app.NewAccountWithKeyAsync();
        var from = DateTimeOffset.UtcNow.AddDays(-1);

        var response = await app.Admin().PostAsJsonAsync($"/api/v1/admin/accounts/{accountId}/pack-grants", new
        {
            specId = "FV_CALLS_1K", effectiveAt = from.ToOffset(TimeSpan.FromHours(8)).ToString("O"),
            expiresAt = from.AddMonths(1).ToString("O"), reason = "outage",
        }, Ct);

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("key\u0001one")]
    [InlineData("key\u007fone")]
    [InlineData("key\tone")]
    public async Task AnIdempotencyKeyWithControlCharacters_Is400(string key)
    {
        var (_, apiKey) = await app.NewAccountWithKeyAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/recharges")
        {
            Content = JsonContent.Create(new { amount = "10.00", method = "offline" }),
        };
        Assert.True(request.Headers.TryAddWithoutValidation("Idempotency-Key", key));

        var response = await app.Bearer(apiKey).SendAsync(request, Ct);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }
}
