using System.Collections.Concurrent;
using Microsoft.AspNetCore.DataProtection;

namespace BillingConsole.Web.Features.AlibabaOpenApi;

/// <summary>
/// Encrypts AccessKey secrets with ASP.NET Core Data Protection (the key ring the app keeps in the database, shared by
/// every node) and decrypts them to check signatures. Decrypted secrets are cached by their ciphertext, so a
/// disabled or deleted key is still refused at once (the row is read on every call); the cache only saves the
/// decryption. Losing the key ring makes every secret unrecoverable: the pairs must then be reissued.
/// </summary>
public sealed class AccessKeySecrets(IDataProtectionProvider provider)
{
    public const string Purpose = "BillingConsole.AlibabaCompat.AccessKeySecret.v1";
    private const int MaxCached = 10_000;

    private readonly IDataProtector protector = provider.CreateProtector(Purpose);
    private readonly ConcurrentDictionary<string, string> cache = new(StringComparer.Ordinal);

    public string Protect(string secret) => protector.Protect(secret);

    /// <summary>The plain secret, or null when the ciphertext cannot be decrypted (a lost or foreign key ring).</summary>
    public string? Unprotect(string protectedSecret)
    {
        if (cache.TryGetValue(protectedSecret, out var secret)) return secret;
        try
        {
            secret = protector.Unprotect(protectedSecret);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
        if (cache.Count >= MaxCached) cache.Clear();
        cache[protectedSecret] = secret;
        return secret;
    }
}
