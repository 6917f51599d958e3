using System.Security.Cryptography;
using System.Text;

namespace BillingConsole.Web.Features.Alipay;

/// <summary>
/// Alipay OpenAPI 2.0 RSA2: SHA256withRSA (PKCS#1 v1.5) over the canonical string, base64.
/// Requests: every parameter but <c>sign</c>, non-empty, sorted by name (ordinal), joined as <c>k=v&amp;k=v</c> with the
/// raw values. Asynchronous notifications: the same without <c>sign_type</c>. Responses: the raw JSON text of the
/// <c>*_response</c> object.
/// </summary>
internal static class AlipaySignature
{
    public static string Canonical(IEnumerable<KeyValuePair<string, string?>> parameters, bool excludeSignType) =>
        string.Join('&', parameters
            .Where(p => p.Key != "sign" && !(excludeSignType && p.Key == "sign_type") && !string.IsNullOrEmpty(p.Value))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + p.Value));

    public static string Sign(string content, RSA privateKey) =>
        Convert.ToBase64String(privateKey.SignData(Encoding.UTF8.GetBytes(content), HashAlgorithmName.SHA256,
            RSASignaturePadding.Pkcs1));

    public static bool Verify(string content, string? sign, RSA publicKey)
    {
        if (string.IsNullOrEmpty(sign)) return false;
        var signature = new byte[sign.Length];
        if (!Convert.TryFromBase64String(sign, signature, out var length)) return false;
        return publicKey.VerifyData(Encoding.UTF8.GetBytes(content), signature.AsSpan(0, length), HashAlgorithmName.SHA256,
            RSASignaturePadding.Pkcs1);
    }

    /// <summary>Signs a request: returns the parameters with <c>sign</c> added.</summary>
    public static SortedDictionary<string, string> SignRequest(IDictionary<string, string> parameters, RSA privateKey)
    {
        var signed = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in parameters) signed[k] = v;
        signed["sign"] = Sign(Canonical(signed!, excludeSignType: false), privateKey);
        return signed;
    }

    /// <summary>A request's parameters in the query-string form (<c>k=v&amp;…</c>, values URL-encoded in UTF-8).</summary>
    public static string QueryString(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join('&', parameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
}
