using System.Security.Cryptography;
using System.Text;

namespace BillingConsole.Web.Features.AlibabaOpenApi;

/// <summary>The parts of <c>Authorization: ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…</c>.</summary>
public sealed record Acs3Authorization(string AccessKeyId, IReadOnlyList<string> SignedHeaders, string Signature)
{
    public const string Algorithm = "ACS3-HMAC-SHA256";

    /// <summary>Parses the header (ALIBABA-OPENAPI.md 3.1 step 1); null when it is missing, malformed or another algorithm.</summary>
    public static Acs3Authorization? Parse(string? header)
    {
        if (string.IsNullOrEmpty(header) || !header.StartsWith(Algorithm + " ", StringComparison.Ordinal)) return null;
        string? credential = null, signedHeaders = null, signature = null;
        foreach (var part in header[(Algorithm.Length + 1)..].Split(','))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0) return null;
            var value = part[(eq + 1)..].Trim();
            switch (part[..eq].Trim())
            {
                case "Credential": credential = value; break;
                case "SignedHeaders": signedHeaders = value; break;
                case "Signature": signature = value; break;
                default: return null;
            }
        }
        if (string.IsNullOrEmpty(credential) || string.IsNullOrEmpty(signedHeaders) || string.IsNullOrEmpty(signature)) return null;
        var names = signedHeaders.Split(';');
        if (names.Any(n => n.Length == 0 || n != n.ToLowerInvariant())) return null;
        return new Acs3Authorization(credential, names, signature);
    }
}

/// <summary>
/// ACS3-HMAC-SHA256 (Alibaba "signature V3"), server side, exactly as ALIBABA-OPENAPI.md section 3: the query is
/// decoded and re-encoded (never the wire text), sorted ordinally; the headers are the ones the client named, in its
/// order, values trimmed; the payload is the SHA-256 of the raw body bytes.
/// </summary>
public static class Acs3Signature
{
    public const string EmptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>The headers a request must sign (section 2.3): without them a signature could be replayed elsewhere.</summary>
    public static readonly string[] RequiredSignedHeaders =
        ["host", "x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256"];

    public static string HashPayload(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body));

    /// <summary>
    /// The canonical request: METHOD, "/", the canonical query, the signed headers (each <c>name:value\n</c>), an empty
    /// line, the signed header names joined by ';', the payload hash. <paramref name="header"/> returns a header's value
    /// as received (several values joined by ',') or null.
    /// </summary>
    public static string CanonicalRequest(string method, string? rawQuery, IReadOnlyList<string> signedHeaders,
        Func<string, string?> header, string payloadHash)
    {
        var sb = new StringBuilder(512);
        sb.Append(method.ToUpperInvariant()).Append('\n').Append('/').Append('\n');
        sb.Append(CanonicalQuery(rawQuery)).Append('\n');
        foreach (var name in signedHeaders) sb.Append(name).Append(':').Append((header(name) ?? "").Trim()).Append('\n');
        sb.Append('\n').Append(string.Join(';', signedHeaders)).Append('\n').Append(payloadHash);
        return sb.ToString();
    }

    public static string StringToSign(string canonicalRequest) =>
        Acs3Authorization.Algorithm + "\n" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)));

    public static string Sign(string secret, string stringToSign) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(stringToSign)));

    /// <summary>Constant-time comparison of the given signature with the expected one (hex, case-insensitive).</summary>
    public static bool Matches(string expectedHex, string givenHex) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expectedHex), Encoding.ASCII.GetBytes(givenHex.ToLowerInvariant()));

    /// <summary>Decoded pairs of a raw query (with or without the leading '?'), in wire order.</summary>
    public static List<KeyValuePair<string, string>> DecodeQuery(string? rawQuery)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrEmpty(rawQuery)) return pairs;
        var text = rawQuery[0] == '?' ? rawQuery[1..] : rawQuery;
        foreach (var part in text.Split('&'))
        {
            if (part.Length == 0) continue;
            var eq = part.IndexOf('=');
            var name = eq < 0 ? part : part[..eq];
            var value = eq < 0 ? "" : part[(eq + 1)..];
            pairs.Add(new(Decode(name), Decode(value)));
        }
        return pairs;
    }

    public static string CanonicalQuery(string? rawQuery)
    {
        var pairs = DecodeQuery(rawQuery);
        pairs.Sort((a, b) =>
        {
            var byName = string.CompareOrdinal(a.Key, b.Key);
            return byName != 0 ? byName : string.CompareOrdinal(a.Value, b.Value);
        });
        return string.Join('&', pairs.Select(p => Encode(p.Key) + "=" + Encode(p.Value)));
    }

    /// <summary>RFC 3986 percent-encoding of the UTF-8 bytes: only <c>A–Z a–z 0–9 - _ . ~</c> stay raw; upper-case hex.</summary>
    public static string Encode(string value)
    {
        var sb = new StringBuilder(value.Length * 3);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9'
                or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                sb.Append((char)b);
            }
            else
            {
                sb.Append('%').Append(Convert.ToHexString([b]));
            }
        }
        return sb.ToString();
    }

    /// <summary>Percent-decoding as UTF-8, '+' read as a space (the SDK never sends a bare '+').</summary>
    public static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
