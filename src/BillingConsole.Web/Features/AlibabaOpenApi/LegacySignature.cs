using System.Security.Cryptography;
using System.Text;
using BillingConsole.Domain.OpenApi;

namespace BillingConsole.Web.Features.AlibabaOpenApi;

/// <summary>
/// Who claims to have signed a call, and how to check it with the AccessKey's secret: null when it matches, else the
/// error to answer. <see cref="Date"/> and <see cref="Nonce"/> feed the 15-minute window and the nonce store.
/// </summary>
public sealed record SignatureClaim(string AccessKeyId, string? Date, string? Nonce, Func<string, OpenApiError?> Check);

/// <summary>
/// The legacy RPC v1 signature (ALIBABA-OPENAPI.md 3.5), sent by older SDK cores and by a current one configured with
/// <c>signatureAlgorithm: 'v2'</c>: everything in the query (plus any form body), <c>SignatureMethod=HMAC-SHA1</c>,
/// <c>StringToSign = METHOD&amp;%2F&amp;enc(canonical query)</c>, <c>Signature = base64(HMAC-SHA1(secret + "&amp;"))</c>.
/// </summary>
public static class LegacySignature
{
    /// <summary>Whether the query carries a v1 signature (then <c>/</c> is an OpenAPI call even without x-acs-action).</summary>
    public static bool IsPresent(HttpRequest request) =>
        request.Query.ContainsKey("Signature") && request.Query.ContainsKey("SignatureMethod") && request.Query.ContainsKey("AccessKeyId");

    /// <summary>The claim of a v1-signed request, or null when the query carries no v1 signature.</summary>
    public static SignatureClaim? Parse(SignedRequest request)
    {
        var pairs = Acs3Signature.DecodeQuery(request.RawQuery);
        string? Value(string name) => pairs.FirstOrDefault(p => p.Key == name).Value;
        var signature = Value("Signature");
        if (signature is null) return null;
        var accessKeyId = Value("AccessKeyId");
        if (Value("SignatureMethod") != "HMAC-SHA1" || Value("SignatureVersion") != "1.0" || !AccessKey.IsWellFormedId(accessKeyId))
        {
            throw new OpenApiException(OpenApiErrors.IncompleteSignature);
        }
        var signed = pairs.Where(p => p.Key != "Signature").ToList();
        if (request.Body.Length > 0 && request.Header("content-type")?.StartsWith("application/x-www-form-urlencoded",
                StringComparison.OrdinalIgnoreCase) == true)
        {
            signed.AddRange(Acs3Signature.DecodeQuery(Encoding.UTF8.GetString(request.Body)));
        }
        return new SignatureClaim(accessKeyId!, Value("Timestamp"), Value("SignatureNonce"), secret =>
        {
            var stringToSign = StringToSign(request.Method, signed);
            var expected = Sign(secret, stringToSign);
            return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature))
                ? null
                : OpenApiErrors.SignatureDoesNotMatch(stringToSign);
        });
    }

    public static string StringToSign(string method, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var sorted = parameters.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal);
        var canonical = string.Join('&', sorted.Select(p => Acs3Signature.Encode(p.Key) + "=" + Acs3Signature.Encode(p.Value)));
        return method.ToUpperInvariant() + "&" + Acs3Signature.Encode("/") + "&" + Acs3Signature.Encode(canonical);
    }

    public static string Sign(string secret, string stringToSign) =>
        Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret + "&"), Encoding.UTF8.GetBytes(stringToSign)));
}
