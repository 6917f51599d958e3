using System.Globalization;
using System.Threading.RateLimiting;
using BillingConsole.Domain.OpenApi;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BillingConsole.Web.Features.AlibabaOpenApi;

/// <summary>The AccessKey a verified call was signed with.</summary>
public sealed record OpenApiCaller(Guid AccountId, string AccessKeyId);

/// <summary>What the verifier needs of a request: method, raw query, headers as received, raw body.</summary>
public sealed record SignedRequest(string Method, string? RawQuery, Func<string, string?> Header, byte[] Body);

/// <summary>
/// Verifies an ACS3-HMAC-SHA256 call in the order of section 5: authorization format, rate limit per AccessKey,
/// AccessKey look-up, payload hash, signature, date window, nonce. Throws <see cref="OpenApiException"/> on refusal.
/// </summary>
public sealed class OpenApiAuthenticator : IDisposable
{
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private readonly IDbContextFactory<BillingDbContext> dbFactory;
    private readonly AccessKeySecrets secrets;
    private readonly SignatureNonces nonces;
    private readonly TimeProvider clock;
    private readonly OpenApiOptions options;
    private readonly PartitionedRateLimiter<string> limiter;

    public OpenApiAuthenticator(IDbContextFactory<BillingDbContext> dbFactory, AccessKeySecrets secrets, SignatureNonces nonces,
        TimeProvider clock, IOptions<OpenApiOptions> options)
    {
        this.dbFactory = dbFactory;
        this.secrets = secrets;
        this.nonces = nonces;
        this.clock = clock;
        this.options = options.Value;
        var o = this.options;
        limiter = PartitionedRateLimiter.Create<string, string>(id => RateLimitPartition.GetTokenBucketLimiter(id,
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(1, o.Burst),
                TokensPerPeriod = Math.Max(1, o.PermitsPerSecond),
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }), StringComparer.Ordinal);
    }

    public async Task<OpenApiCaller> VerifyAsync(SignedRequest request, CancellationToken ct)
    {
        var claim = request.Header("authorization") is null && LegacySignature.Parse(request) is { } legacy
            ? legacy
            : Acs3Claim(request);
        using (var lease = limiter.AttemptAcquire(claim.AccessKeyId))
        {
            if (!lease.IsAcquired) throw new OpenApiException(OpenApiErrors.Throttling);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = await db.AccessKeys.AsNoTracking().FirstOrDefaultAsync(k => k.AccessKeyId == claim.AccessKeyId, ct)
            ?? throw new OpenApiException(OpenApiErrors.AccessKeyNotFound);
        if (!key.IsActive) throw new OpenApiException(OpenApiErrors.AccessKeyInactive);
        var secret = secrets.Unprotect(key.ProtectedSecret) ?? throw new OpenApiException(OpenApiErrors.InternalError);
        if (claim.Check(secret) is { } refused) throw new OpenApiException(refused);

        var now = clock.GetUtcNow().UtcDateTime;
        if (!DateTime.TryParseExact(claim.Date?.Trim(), "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
        {
            throw new OpenApiException(OpenApiErrors.InvalidTimeStampFormat);
        }
        if ((now - date).Duration() > options.DateWindow) throw new OpenApiException(OpenApiErrors.InvalidTimeStampExpired);

        var nonce = claim.Nonce?.Trim();
        if (string.IsNullOrEmpty(nonce) || nonce.Length > AccessKeyNonce.MaxNonceLength)
        {
            throw new OpenApiException(OpenApiErrors.InvalidParameter("x-acs-signature-nonce"));
        }
        // Kept while the request's date is still inside the window: until then the same request would pass again.
        if (!await nonces.TryClaimAsync(key.AccessKeyId, nonce, date + options.DateWindow, ct))
        {
            throw new OpenApiException(OpenApiErrors.SignatureNonceUsed);
        }

        if (key.LastUsedAtUtc is not { } last || now - last >= LastUsedResolution)
        {
            var before = now - LastUsedResolution;
            await db.AccessKeys.Where(k => k.Id == key.Id && (k.LastUsedAtUtc == null || k.LastUsedAtUtc < before))
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAtUtc, now), ct);
        }
        return new OpenApiCaller(key.AccountId, key.AccessKeyId);
    }

    /// <summary>ACS3-HMAC-SHA256 (section 3.1): the payload hash, then the signature over the headers the client named.</summary>
    private static SignatureClaim Acs3Claim(SignedRequest request)
    {
        var auth = Acs3Authorization.Parse(request.Header("authorization"));
        if (auth is null || !AccessKey.IsWellFormedId(auth.AccessKeyId)
            || Acs3Signature.RequiredSignedHeaders.Any(h => !auth.SignedHeaders.Contains(h, StringComparer.Ordinal)))
        {
            throw new OpenApiException(OpenApiErrors.IncompleteSignature);
        }
        return new SignatureClaim(auth.AccessKeyId, request.Header("x-acs-date"), request.Header("x-acs-signature-nonce"), secret =>
        {
            var payloadHash = Acs3Signature.HashPayload(request.Body);
            if (!string.Equals(request.Header("x-acs-content-sha256")?.Trim(), payloadHash, StringComparison.OrdinalIgnoreCase))
            {
                return OpenApiErrors.ContentHashMismatch();
            }
            var canonical = Acs3Signature.CanonicalRequest(request.Method, request.RawQuery, auth.SignedHeaders, request.Header,
                payloadHash);
            var stringToSign = Acs3Signature.StringToSign(canonical);
            return Acs3Signature.Matches(Acs3Signature.Sign(secret, stringToSign), auth.Signature)
                ? null
                : OpenApiErrors.SignatureDoesNotMatch(stringToSign);
        });
    }

    public void Dispose() => limiter.Dispose();
}
