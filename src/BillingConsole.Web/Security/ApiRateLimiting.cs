using System.Threading.RateLimiting;
using BillingConsole.Web.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace BillingConsole.Web.Security;

/// <summary><c>RateLimiting:*</c>: per-key limits of the HTTP API, counted in requests (not events).</summary>
public sealed class ApiRateLimitOptions
{
    public bool Enabled { get; set; } = true;
    /// <summary>Sustained requests per second per key. 100,000 events/s in batches of 1,000 is 100 requests/s.</summary>
    public int PermitsPerSecond { get; set; } = 200;
    /// <summary>Requests a key may send at once above the sustained rate.</summary>
    public int Burst { get; set; } = 400;
}

/// <summary>
/// Token bucket per bearer token under <c>/api/v1</c>. The partition is a SHA-256 prefix of the token (the hash the key
/// lookup reuses), so no database is touched before the limit applies and a flood with a wrong key is limited too.
/// Browser traffic is not limited. One instance (a singleton): the rate limiting middleware's global limiter is this
/// limiter, and the entitlement fast path (<c>EntitlementFastPath</c>) takes its leases from it too, so a key has one
/// bucket whichever of the two answers it.
/// </summary>
public sealed class ApiRateLimiter : IDisposable
{
    public ApiRateLimiter(ApiRateLimitOptions options)
    {
        Limiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var token = context.Request.Path.StartsWithSegments("/api/v1") ? ApiSchemes.BearerToken(context.Request) : null;
            if (!options.Enabled || string.IsNullOrEmpty(token)) return RateLimitPartition.GetNoLimiter("unlimited");
            var partition = ApiSchemes.TokenHash(context, token)[..16];
            return RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(1, options.Burst),
                TokensPerPeriod = Math.Max(1, options.PermitsPerSecond),
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });
    }

    public PartitionedRateLimiter<HttpContext> Limiter { get; }

    public void Dispose() => Limiter.Dispose();
}

/// <summary>The account forms' limiter, a singleton so that it is disposed with the app.</summary>
public sealed class AccountFormRateLimiter(PartitionedRateLimiter<HttpContext> limiter) : IDisposable
{
    public PartitionedRateLimiter<HttpContext> Limiter { get; } = limiter;

    public void Dispose() => Limiter.Dispose();
}

public static class ApiRateLimiting
{
    public static IServiceCollection AddApiRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("RateLimiting").Get<ApiRateLimitOptions>() ?? new ApiRateLimitOptions();
        services.AddSingleton(_ => new ApiRateLimiter(options));
        var forms = configuration.GetSection("RateLimiting:AccountForms").Get<AccountFormRateLimitOptions>() ?? new();
        services.AddSingleton(_ => new AccountFormRateLimiter(AccountFormRateLimiting.Create(forms)));
        // The API's bucket per key and the account forms' windows per client address (issue #16), one global limiter.
        services.AddOptions<RateLimiterOptions>()
            .Configure<ApiRateLimiter, AccountFormRateLimiter>((o, limiter, accountForms) =>
                o.GlobalLimiter = PartitionedRateLimiter.CreateChained(limiter.Limiter, accountForms.Limiter));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                if (!context.HttpContext.Request.Path.StartsWithSegments("/api"))
                {
                    await AccountFormRateLimiting.WriteRefusalAsync(context.HttpContext, seconds);
                    return;
                }
                await context.HttpContext.Response.WriteAsJsonAsync(new ProblemDetails
                {
                    Status = 429,
                    Title = $"Too many requests for this API key; retry after {seconds} s, or send events in batches of up to 1,000.",
                }, options: null, contentType: "application/problem+json", cancellationToken: ct);
            };
        });
        return services;
    }
}
