using System.Security.Cryptography;
using System.Text;

namespace BillingConsole.Web.Features.Webhooks;

/// <summary>
/// The Standard Webhooks signature: <c>v1,</c> + base64(HMAC-SHA256(secret bytes, <c>{id}.{timestamp}.{body}</c>)),
/// where the secret is <c>whsec_</c> + base64 of its bytes. Several signatures (a rotation) are separated by spaces.
/// </summary>
public static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";

    /// <summary>A new secret: 32 random bytes (Svix uses 24; the specification allows 24–64).</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static byte[] SecretBytes(string secret) =>
        Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);

    public static string Sign(string secret, string webhookId, long timestamp, string body)
    {
        var content = Encoding.UTF8.GetBytes($"{webhookId}.{timestamp}.{body}");
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(SecretBytes(secret), content));
    }

    /// <summary>
    /// The header value for all of <paramref name="secrets"/>. With more than one (a rotation) the first signature is
    /// repeated at the end: the StandardWebhooks NuGet package 1.1.2 never compares the last entry of a list
    /// (docs/webhooks.md "Rotation"), and a repeated valid signature changes nothing for a verifier that reads them all.
    /// </summary>
    public static string Header(IEnumerable<string> secrets, string webhookId, long timestamp, string body)
    {
        var signatures = secrets.Select(s => Sign(s, webhookId, timestamp, body)).ToList();
        if (signatures.Count > 1) signatures.Add(signatures[0]);
        return string.Join(' ', signatures);
    }
}
