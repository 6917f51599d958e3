using System.Security.Cryptography;

namespace BillingConsole.Domain.OpenApi;

/// <summary>
/// An Alibaba-style AccessKey pair of one account (issue #18; ALIBABA-OPENAPI.md section 8). Unlike the hashed API keys
/// (SPEC I5) the secret must be recoverable, because an HMAC signature is checked by recomputing it: it is stored only
/// as <see cref="ProtectedSecret"/>, encrypted with ASP.NET Core Data Protection on the shared key ring.
/// </summary>
public sealed class AccessKey
{
    /// <summary>Every id starts with this: an AccessKey of this console is easy to tell from an Alibaba one.</summary>
    public const string IdPrefix = "BCAK";
    public const int IdLength = 24;
    public const int SecretLength = 30;
    public const int MaxNameLength = 100;

    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private AccessKey()
    {
        AccessKeyId = string.Empty;
        Name = string.Empty;
        ProtectedSecret = string.Empty;
    }

    public Guid Id { get; private set; }
    /// <summary>The public half, <c>[A-Za-z0-9]{24}</c>: it travels in the Authorization header.</summary>
    public string AccessKeyId { get; private set; }
    public Guid AccountId { get; private set; }
    public string Name { get; private set; }
    /// <summary>The secret, encrypted with Data Protection; never the plain text.</summary>
    public string ProtectedSecret { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public string? CreatedByUserId { get; private set; }
    /// <summary>The last signed call that passed; written at most once a minute.</summary>
    public DateTime? LastUsedAtUtc { get; private set; }
    public DateTime? DisabledAtUtc { get; private set; }

    public bool IsActive => DisabledAtUtc is null;

    /// <summary>Creates a pair; <paramref name="protect"/> encrypts the secret, which is returned once in plain text.</summary>
    public static (AccessKey Key, string Secret) Create(Guid accountId, string? name, DateTime nowUtc, string? createdByUserId,
        Func<string, string> protect)
    {
        var secret = RandomBase62(SecretLength);
        var key = new AccessKey
        {
            Id = Guid.NewGuid(),
            AccessKeyId = IdPrefix + RandomBase62(IdLength - IdPrefix.Length),
            AccountId = accountId,
            Name = string.IsNullOrWhiteSpace(name) ? "AccessKey" : name.Trim(),
            ProtectedSecret = protect(secret),
            CreatedAtUtc = nowUtc,
            CreatedByUserId = createdByUserId,
        };
        return (key, secret);
    }

    /// <summary>Whether the text can be an AccessKey id at all (checked before any database look-up).</summary>
    public static bool IsWellFormedId(string? text) =>
        text is { Length: >= 16 and <= 64 } && text.All(char.IsAsciiLetterOrDigit);

    public bool Disable(DateTime nowUtc)
    {
        if (DisabledAtUtc is not null) return false;
        DisabledAtUtc = nowUtc;
        return true;
    }

    public bool Enable()
    {
        if (DisabledAtUtc is null) return false;
        DisabledAtUtc = null;
        return true;
    }

    public void Rename(string name) => Name = name.Trim();

    private static string RandomBase62(int length) =>
        string.Create(length, 0, static (span, _) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = Base62[RandomNumberGenerator.GetInt32(Base62.Length)];
        });
}
