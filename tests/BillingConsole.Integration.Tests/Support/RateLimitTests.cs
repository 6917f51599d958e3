using System.Net;
using BillingConsole.Integration.Tests.Infrastructure;

namespace BillingConsole.Integration.Tests.Support;

[Collection(HostCollection.Name)]
public sealed class RateLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ABurstOfSmallRequests_Gets429WithRetryAfter_AndOtherKeysAreNotAffected()
    {
        await using var app = new BillingAppFactory()
            .With("Admin:ApiToken", ApiClients.AdminToken)
            .With("RateLimiting:PermitsPerSecond", "1")
            .With("RateLimiting:Burst", "5");
        var (_, flooder) = await app.NewAccountWithKeyAsync();
        var (_, quiet) = await app.NewAccountWithKeyAsync();
        var client = app.Bearer(flooder);

        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => client.GetAsync("/api/v1/account", Ct)));
        var other = await app.Bearer(quiet).GetAsync("/api/v1/account", Ct);

        var limited = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(limited);
        Assert.True(limited[0].Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal("application/problem+json", limited[0].Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Defaults_DoNotThrottleAKeyAt100BatchRequestsPerSecond()
    {
        await using var app = new BillingAppFactory().With("Admin:ApiToken", ApiClients.AdminToken);
        var (_, key) = await app.NewAccountWithKeyAsync();
        var client = app.Bearer(key);

        // 200 requests at once fit the default burst (400): two seconds of 100,000 events/s in batches of 1,000.
        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => client.GetAsync("/api/v1/account", Ct)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }
}
