using System.Security.Cryptography;
using System.Text;

namespace BillingConsole.Domain.Accounts;

/// <summary>
/// A machine client's key for one account (SPEC I5). The secret is shown once and only its SHA-256 is stored: keys are
/// 256-bit random strings, so a fast hash is right and a slow password hash would tax every API call.
/// </summary>
public sealed class ApiKey
{
    /// <summary>Every key starts with this, so a leaked key is easy to recognise in logs and scanners.</summary>
    public const string KeyPrefix = "bck_";

    private ApiKey()
    {
        Name = string.Empty;
        HashHex = string.Empty;
        DisplayPrefix = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    public string Name { get; private set; }
    /// <summary>The first characters of the key, to tell keys apart in lists.</summary>
    public string DisplayPrefix { get; private set; }
    public string HashHex { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? RevokedAtUtc { get; private set; }
    public string? CreatedByUserId { get; private set; }

    public bool IsActive => RevokedAtUtc is null;

    /// <summary>Creates a key; the returned secret is the only copy there will ever be.</summary>
    public static (ApiKey Key, string Secret) Create(Guid accountId, string? name, DateTime nowUtc, string? createdByUserId)
    {
        var secret = KeyPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var key = new ApiKey
        {
            Id = Guid.NewGuid(),
            AccountId = accountId,
            Name = string.IsNullOrWhiteSpace(name) ? "API key" : name.Trim(),
            DisplayPrefix = secret[..12],
            HashHex = Hash(secret),
            CreatedAtUtc = nowUtc,
            CreatedByUserId = createdByUserId,
        };
        return (key, secret);
    }

    /// <summary>Lower-case hex SHA-256 of the key's UTF-8 bytes. Every API call computes it once: no buffers allocated.</summary>
    public static string Hash(string secret)
    {
        var max = Encoding.UTF8.GetMaxByteCount(secret.Length);
        var utf8 = max <= 1024 ? stackalloc byte[max] : new byte[max];
        var length = Encoding.UTF8.GetBytes(secret, utf8);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8[..length], hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Constant-time comparison of a presented secret with the stored hash.</summary>
    public bool Matches(string secret) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(HashHex));

    public bool Revoke(DateTime nowUtc)
    {
        if (RevokedAtUtc is not null) return false;
        RevokedAtUtc = nowUtc;
        return true;
    }
}
