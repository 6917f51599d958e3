using System.Text.Json;
using BillingConsole.Web.Api;
using BillingConsole.Web.Features.Accounts;
using BillingConsole.Web.Features.Operations;
using BillingConsole.Web.Security;
using Microsoft.Extensions.Options;

namespace BillingConsole.Web.Features.Metering;

/// <summary>
/// The service gate's fast path (issue #7; docs/metering.md "Entitlement fast path"). Clients ask
/// <c>GET /api/v1/entitlement</c> before every verification call, and most of the cost of a check is the pipeline
/// (routing, localization, authentication, actor, authorization, antiforgery, …), not the check. So the common
/// success case is answered here, before routing: a known API key (a key cache hit) asking about a gated service within
/// its rate limit. The answer is the endpoint's own: the same rule (<see cref="Entitlement.Of"/>), the same JSON and
/// content type (<see cref="MeteringJsonContext"/>, as <c>TypedResults.Json</c> writes it), the same security headers
/// (<c>UseSecurityHeaders</c> runs before this), a lease from the same per-key bucket (<see cref="ApiRateLimiter"/>).
/// The route writes and audits nothing either way.
/// <para>Everything else goes on to the normal pipeline, which answers exactly as it would without this: another
/// method or path, no bearer token or not an API key, a key not in the cache (its first call, the first call after
/// any status change or revocation, an unknown or revoked key; and every call on PostgreSQL, where the cache is off),
/// a missing, repeated or unknown service, the catalog not loaded yet, and a refused lease (the pipeline's limiter
/// refuses it too and answers the 429 with Retry-After; a refused attempt takes no token).</para>
/// </summary>
internal sealed class EntitlementFastPath(RequestDelegate next, ApiKeyCache cache, ApiRateLimiter rateLimiter,
    MeterCatalog catalog, IOptions<BillingOptions> billing, EntitlementFastPathCount count, EndpointDataSource endpoints,
    BillingMetrics metrics)
{
    public static readonly PathString Route = "/api/v1/entitlement";

    private readonly TimeSpan arrearsGracePeriod = billing.Value.ArrearsGracePeriod;

    /// <summary>
    /// The endpoint this answers for, set on the request so that the server's request metrics and logs carry its route
    /// (<c>http.route</c>) as when routing chose it. Looked up once, on the first answer (endpoints are all mapped by then).
    /// </summary>
    private Endpoint? endpoint;

    private Endpoint? Endpoint => endpoint ??= endpoints.Endpoints.FirstOrDefault(e =>
        e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == MeteringEndpoints.GetEntitlementName);

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        // PathString equality ignores case, as routing does.
        if (!HttpMethods.IsGet(request.Method) || !request.Path.Equals(Route)) return next(context);
        var token = ApiSchemes.BearerToken(request);
        // The authentication handler's check: anything it would not look up is not answered here.
        if (string.IsNullOrEmpty(token) || !ApiSchemes.IsApiKeyShaped(token)) return next(context);
        // One value, as the endpoint's string binding would see it (two values bind as "A,B": unknown service).
        if (!request.Query.TryGetValue("service", out var services) || services.Count != 1) return next(context);
        if (catalog.Loaded is not { } meters || !Entitlement.IsGatedService(meters, services[0])) return next(context);
        // Keyed by the hash itself: a hit is the key the handler would accept (it compares the same two hashes).
        var grant = cache.Find(ApiSchemes.TokenHash(context, token));
        if (grant is null) return next(context);
        var lease = rateLimiter.Limiter.AttemptAcquire(context);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            return next(context);
        }
        using (lease)
        {
            count.Add();
            if (Endpoint is { } answeredFor) context.SetEndpoint(answeredFor);
            var entitlement = Entitlement.Of(grant.Status, grant.ArrearsSinceUtc, arrearsGracePeriod);
            metrics.EntitlementAnswer(entitlement.Status);
            Write(context.Response, entitlement);
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// The bytes and headers <c>TypedResults.Json(value, MeteringJsonContext.Default.EntitlementResponse)</c> produces
    /// (200, <c>application/json; charset=utf-8</c>, no Content-Length: chunked on HTTP/1.1), written into the response
    /// pipe without flushing: the server sends headers and body in one write when the request completes, instead of
    /// a flush from the serializer and then the final chunk.
    /// </summary>
    private static void Write(HttpResponse response, Entitlement entitlement)
    {
        response.ContentType = JsonContentType;
        using var writer = new Utf8JsonWriter(response.BodyWriter);
        JsonSerializer.Serialize(writer, EntitlementResponse.From(entitlement), MeteringJsonContext.Default.EntitlementResponse);
    }

    private const string JsonContentType = "application/json; charset=utf-8";
}

/// <summary>How many checks the fast path answered since start-up (diagnostics; the tests see which path answered).</summary>
public sealed class EntitlementFastPathCount
{
    private long answered;

    public long Answered => Interlocked.Read(ref answered);

    internal void Add() => Interlocked.Increment(ref answered);
}

public static class EntitlementFastPathExtensions
{
    /// <summary>
    /// <c>Api:EntitlementFastPath:Enabled</c> (default true). Place it after the security headers and the exception
    /// handler, HSTS and HTTPS redirection, and before an explicit <c>UseRouting()</c> (otherwise routing runs first).
    /// </summary>
    public static IApplicationBuilder UseEntitlementFastPath(this IApplicationBuilder app) =>
        app.ApplicationServices.GetRequiredService<IConfiguration>().GetValue("Api:EntitlementFastPath:Enabled", true)
            ? app.UseMiddleware<EntitlementFastPath>()
            : app;
}
