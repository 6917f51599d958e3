using System.Security.Cryptography;

namespace BillingConsole.Web.Features.Alipay;

/// <summary>
/// Reads RSA keys the way operators have them: PEM (PKCS#8 <c>PRIVATE KEY</c>, PKCS#1 <c>RSA PRIVATE KEY</c>,
/// <c>PUBLIC KEY</c>, <c>RSA PUBLIC KEY</c>) or the bare base64 body that Alipay's key tool prints (PKCS#8 / SPKI,
/// PKCS#1 accepted too). Literal <c>\n</c> sequences (a PEM pasted into one environment variable) count as line breaks.
/// </summary>
internal static class AlipayKeys
{
    /// <summary>Alipay's RSA2 needs 2048-bit keys.</summary>
    public const int MinimumKeySize = 2048;

    public static RSA ReadPrivateKey(string? text) => Read(text, isPrivate: true);

    public static RSA ReadPublicKey(string? text) => Read(text, isPrivate: false);

    /// <summary>Null when the text is a usable key; otherwise why not, in one sentence without the key itself.</summary>
    public static string? Problem(string? text, bool isPrivate)
    {
        try
        {
            using var rsa = Read(text, isPrivate);
            return rsa.KeySize < MinimumKeySize ? $"the key has {rsa.KeySize} bits; RSA2 needs at least {MinimumKeySize}." : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException or ArgumentException)
        {
            return e.Message;
        }
    }

    private static RSA Read(string? text, bool isPrivate)
    {
        var value = (text ?? string.Empty).Replace("\\n", "\n", StringComparison.Ordinal).Trim();
        if (value.Length == 0) throw new ArgumentException("no key is configured.");
        var rsa = RSA.Create();
        try
        {
            if (value.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                if (isPrivate != value.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
                {
                    throw new ArgumentException(isPrivate
                        ? "a PUBLIC KEY was given where the application's PRIVATE key belongs."
                        : "a PRIVATE key was given where Alipay's PUBLIC key belongs.");
                }
                rsa.ImportFromPem(value);
                return rsa;
            }
            var der = Convert.FromBase64String(string.Concat(value.Where(c => !char.IsWhiteSpace(c))));
            if (!TryImport(rsa, der, isPrivate))
            {
                throw new CryptographicException(isPrivate
                    ? "the text is neither a PKCS#8 nor a PKCS#1 RSA private key."
                    : "the text is neither an X.509 SubjectPublicKeyInfo nor a PKCS#1 RSA public key.");
            }
            return rsa;
        }
        catch
        {
            rsa.Dispose();
            throw;
        }
    }

    private static bool TryImport(RSA rsa, byte[] der, bool isPrivate)
    {
        Func<byte[], int>[] formats = isPrivate
            ? [d => { rsa.ImportPkcs8PrivateKey(d, out var n); return n; }, d => { rsa.ImportRSAPrivateKey(d, out var n); return n; }]
            : [d => { rsa.ImportSubjectPublicKeyInfo(d, out var n); return n; }, d => { rsa.ImportRSAPublicKey(d, out var n); return n; }];
        foreach (var import in formats)
        {
            try
            {
                if (import(der) == der.Length) return true;
            }
            catch (CryptographicException)
            {
                // try the next format
            }
        }
        return false;
    }
}
