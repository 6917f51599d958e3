using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace BillingConsole.Web.Features.Recharge;

/// <summary>
/// Signs and verifies sandbox gateway notifications: hex HMAC-SHA256(key, timestamp + "." + raw body), with the
/// timestamp (unix seconds) within 5 minutes of now. The raw bytes are verified, never a re-serialised body.
/// Without a configured key a random one is generated at start-up and kept in memory: the sandbox signs and
/// verifies in the same process, so nothing outside needs it (several nodes need a configured key).
/// </summary>
public sealed class SandboxSigner(IOptions<PaymentOptions> options, TimeProvider clock)
{
    public const string TimestampHeader = "X-Sandbox-Timestamp";
    public const string SignatureHeader = "X-Sandbox-Signature";
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    private readonly byte[] key = options.Value.Sandbox.SigningKey is { Length: > 0 } configured
        ? Encoding.UTF8.GetBytes(configured)
        : RandomNumberGenerator.GetBytes(32);

    /// <summary>
    /// The cashier's own signed link (issue #16): <c>payUrl</c> carries <c>?t=</c> this token, so the cashier acts for
    /// whoever the recharge's creator handed the link to, and not for anyone who merely knows the recharge id.
    /// </summary>
    public string CashierToken(Guid rechargeId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("cashier:" + rechargeId.ToString("D"))))[..32];

    public bool VerifyCashierToken(Guid rechargeId, string? token) =>
        token is { Length: 32 } && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(token.ToLowerInvariant()), Encoding.ASCII.GetBytes(CashierToken(rechargeId)));

    public string NowTimestamp() => clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public string Sign(string timestamp, ReadOnlySpan<byte> body) => Convert.ToHexStringLower(Mac(timestamp, body));

    public SignatureCheck Verify(string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature)) return SignatureCheck.Missing;
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return SignatureCheck.Invalid;
        }
        byte[] given;
        try
        {
            given = Convert.FromHexString(signature);
        }
        catch (FormatException)
        {
            return SignatureCheck.Invalid;
        }
        // Constant time, so the comparison does not leak how many leading bytes of a forgery were right.
        if (!CryptographicOperations.FixedTimeEquals(given, Mac(timestamp, body))) return SignatureCheck.Invalid;
        var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        return age.Duration() > Tolerance ? SignatureCheck.Stale : SignatureCheck.Valid;
    }

    private byte[] Mac(string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp + ".");
        var data = new byte[prefix.Length + body.Length];
        prefix.CopyTo(data, 0);
        body.CopyTo(data.AsSpan(prefix.Length));
        return HMACSHA256.HashData(key, data);
    }
}

public enum SignatureCheck
{
    Valid,
    Missing,
    Invalid,
    Stale,
}
