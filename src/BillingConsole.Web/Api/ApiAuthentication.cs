using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using BillingConsole.Domain.Accounts;
using BillingConsole.Infrastructure.Identity;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BillingConsole.Web.Api;

/// <summary>The API's two bearer schemes (API.md "Authentication").</summary>
public static class ApiSchemes
{
    public const string AccountKey = "ApiKey";
    public const string AdminToken = "AdminToken";
    /// <summary>The default authenticate scheme: the API's scheme for a bearer call to /api/v1, else the cookie.</summary>
    public const string RequestDefault = "ApiOrCookie";
    /// <summary>The key's id on an API principal.</summary>
    public const string KeyIdClaim = "billing:key";

    internal static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
    }

    /// <summary>Whether a bearer token can be an account API key at all (worth hashing and looking up).</summary>
    internal static bool IsApiKeyShaped(string token) =>
        token.Length <= 200 && token.StartsWith(ApiKey.KeyPrefix, StringComparison.Ordinal);

    private sealed record HashedToken(string Token, string HashHex);

    /// <summary>
    /// <see cref="ApiKey.Hash"/> of the request's bearer token, computed once per request: the rate limiter partitions
    /// by it and the key lookup searches by it.
    /// </summary>
    internal static string TokenHash(HttpContext context, string token)
    {
        if (context.Items.TryGetValue(typeof(HashedToken), out var value) && value is HashedToken hashed
            && string.Equals(hashed.Token, token, StringComparison.Ordinal))
        {
            return hashed.HashHex;
        }
        var hash = ApiKey.Hash(token);
        context.Items[typeof(HashedToken)] = new HashedToken(token, hash);
        return hash;
    }
}

/// <summary>
/// The key's account status as the key lookup found it in this request (the same query, or the key cache, which is
/// never staler than a separate read would be: docs/metering.md): the entitlement check uses it instead of a second query.
/// </summary>
public sealed record ApiAccountState(Guid AccountId, AccountStatus Status, DateTime? ArrearsSinceUtc)
{
    public static ApiAccountState? Of(HttpContext context) =>
        context.Items.TryGetValue(typeof(ApiAccountState), out var value) ? value as ApiAccountState : null;
}

/// <summary>
/// Authenticates an account API key: hashed with SHA-256 and looked up by its unique hash. The lookup goes to the
/// database on every request on PostgreSQL, and through <see cref="ApiKeyCache"/> on SQLite, which drops what a
/// revocation or a status change made stale before the next request can read it: a revoked key stops working at once.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger, UrlEncoder encoder, IDbContextFactory<BillingDbContext> dbFactory, ApiKeyCache cache)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The key and its account's status in one round trip.</summary>
    private static readonly Func<BillingDbContext, string, Task<ApiKeyGrant?>> FindByHash =
        EF.CompileAsyncQuery((BillingDbContext db, string hash) =>
            (from k in db.ApiKeys.AsNoTracking()
             join a in db.Accounts.AsNoTracking() on k.AccountId equals a.Id
             where k.HashHex == hash && k.RevokedAtUtc == null
             select new ApiKeyGrant(k.Id, k.AccountId, k.HashHex, a.Status, a.ArrearsSinceUtc)).FirstOrDefault());

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = ApiSchemes.BearerToken(Request);
        if (string.IsNullOrEmpty(token)) return AuthenticateResult.NoResult();
        if (!ApiSchemes.IsApiKeyShaped(token)) return AuthenticateResult.Fail("Unknown API key.");
        var hash = ApiSchemes.TokenHash(Context, token);
        var grant = cache.Find(hash);
        if (grant is null)
        {
            var before = cache.Snapshot();
            await using var db = await dbFactory.CreateDbContextAsync(Context.RequestAborted);
            grant = await FindByHash(db, hash);
            if (grant is not null) cache.Store(hash, grant, before);
        }
        if (grant is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), Encoding.ASCII.GetBytes(grant.HashHex)))
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }
        Context.Items[typeof(ApiAccountState)] = new ApiAccountState(grant.AccountId, grant.Status, grant.ArrearsSinceUtc);
        var identity = new ClaimsIdentity(
            [new Claim(BillingClaims.AccountId, grant.AccountId.ToString()), new Claim(ApiSchemes.KeyIdClaim, grant.KeyId.ToString())],
            Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized,
            "A valid API key is required: send 'Authorization: Bearer <key>'.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "This API key may not do that.");
}

/// <summary>
/// Authenticates the operators' admin token (<c>Admin:ApiToken</c>) in constant time. When no token is configured the
/// admin API does not exist: every admin route answers 404.
/// </summary>
internal sealed class AdminTokenAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger, UrlEncoder encoder, IConfiguration configuration)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private string? Configured => configuration["Admin:ApiToken"] is { Length: > 0 } t ? t : null;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var configured = Configured;
        var token = ApiSchemes.BearerToken(Request);
        if (configured is null || string.IsNullOrEmpty(token)) return Task.FromResult(AuthenticateResult.NoResult());
        var a = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        var b = SHA256.HashData(Encoding.UTF8.GetBytes(configured));
        if (!CryptographicOperations.FixedTimeEquals(a, b))
        {
            return Task.FromResult(AuthenticateResult.Fail("Wrong admin token."));
        }
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "admin-api"), new Claim(ClaimTypes.Role, Roles.Admin)], Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => Configured is null
        ? ApiProblems.WriteAsync(Context, StatusCodes.Status404NotFound, "Not found.")
        : ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized,
            "A valid admin token is required: send 'Authorization: Bearer <Admin:ApiToken>'.");
}
