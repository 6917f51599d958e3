using System.Threading.RateLimiting;
using BillingConsole.Web.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BillingConsole.Web.Tests.Security;

/// <summary>One per-key limiter, shared by the rate limiting middleware and the entitlement fast path.</summary>
public sealed class ApiRateLimiterTests
{
    private static ServiceProvider Services(int burst) => new ServiceCollection()
        .AddApiRateLimiting(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RateLimiting:PermitsPerSecond"] = "1",
            ["RateLimiting:Burst"] = burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build())
        .BuildServiceProvider();

    private static DefaultHttpContext Call(string path, string? bearer)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        if (bearer is not null) context.Request.Headers.Authorization = "Bearer " + bearer;
        return context;
    }

    [Fact]
    public void TheMiddlewaresGlobalLimiter_SharesTheSingletonsBuckets()
    {
        using var services = Services(burst: 2);
        var singleton = services.GetRequiredService<ApiRateLimiter>().Limiter;

        // Issue #16 chains the account forms' per-address limiter behind it; a key still has one bucket.
        var global = services.GetRequiredService<IOptions<RateLimiterOptions>>().Value.GlobalLimiter;
        using var first = singleton.AttemptAcquire(Call("/api/v1/entitlement", "bck_one"));
        using var second = singleton.AttemptAcquire(Call("/api/v1/entitlement", "bck_one"));
        using var throughTheMiddleware = global!.AttemptAcquire(Call("/api/v1/account", "bck_one"));
        using var otherKey = global.AttemptAcquire(Call("/api/v1/account", "bck_two"));

        Assert.True(first.IsAcquired && second.IsAcquired);
        Assert.False(throughTheMiddleware.IsAcquired);
        Assert.True(otherKey.IsAcquired);
    }

    [Fact]
    public void TheAccountForms_AreLimitedPerAddress_AndOnlyTheirPosts()
    {
        using var services = new ServiceCollection()
            .AddApiRateLimiting(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["RateLimiting:AccountForms:SignInPermits"] = "2",
            }).Build())
            .BuildServiceProvider();
        var global = services.GetRequiredService<IOptions<RateLimiterOptions>>().Value.GlobalLimiter!;
        DefaultHttpContext Post(string path, string address)
        {
            var context = Call(path, null);
            context.Request.Method = "POST";
            context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(address);
            return context;
        }

        using var a1 = global.AttemptAcquire(Post("/Account/Login", "203.0.113.1"));
        using var a2 = global.AttemptAcquire(Post("/Account/LoginWith2fa", "203.0.113.1"));
        using var a3 = global.AttemptAcquire(Post("/Account/Login", "203.0.113.1"));
        using var other = global.AttemptAcquire(Post("/Account/Login", "203.0.113.2"));
        using var register = global.AttemptAcquire(Post("/Account/Register", "203.0.113.1"));
        using var page = global.AttemptAcquire(Call("/Account/Login", null));

        Assert.True(a1.IsAcquired && a2.IsAcquired);
        Assert.False(a3.IsAcquired);
        Assert.True(other.IsAcquired);
        Assert.True(register.IsAcquired);
        Assert.True(page.IsAcquired);
    }

    [Fact]
    public void AKeyHasOneBucket_ARefusedAttemptTakesNoToken_AndOtherKeysAndPagesAreNotLimited()
    {
        using var services = Services(burst: 2);
        var limiter = services.GetRequiredService<ApiRateLimiter>().Limiter;

        using var first = limiter.AttemptAcquire(Call("/api/v1/entitlement", "bck_one"));
        using var second = limiter.AttemptAcquire(Call("/api/v1/account", "bck_one"));
        using var refused = limiter.AttemptAcquire(Call("/api/v1/entitlement", "bck_one"));
        using var refusedAgain = limiter.AttemptAcquire(Call("/api/v1/entitlement", "bck_one"));
        using var otherKey = limiter.AttemptAcquire(Call("/api/v1/entitlement", "bck_two"));
        using var page = limiter.AttemptAcquire(Call("/usage", "bck_one"));

        Assert.True(first.IsAcquired);
        Assert.True(second.IsAcquired);
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero);
        Assert.False(refusedAgain.IsAcquired);
        Assert.True(otherKey.IsAcquired);
        Assert.True(page.IsAcquired);
        Assert.Equal(0, limiter.GetStatistics(Call("/api/v1/entitlement", "bck_one"))?.CurrentAvailablePermits);
    }
}
