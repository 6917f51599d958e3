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
    public void TheMiddlewaresGlobalLimiter_IsTheSingleton()
    {
        using var services = Services(burst: 2);

        var global = services.GetRequiredService<IOptions<RateLimiterOptions>>().Value.GlobalLimiter;

        Assert.NotNull(global);
        Assert.Same(services.GetRequiredService<ApiRateLimiter>().Limiter, global);
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
