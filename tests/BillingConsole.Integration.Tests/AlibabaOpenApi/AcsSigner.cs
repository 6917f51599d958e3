using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace BillingConsole.Integration.Tests.AlibabaOpenApi;

/// <summary>An AccessKey pair as the admin API returns it.</summary>
public sealed record AcsKey(string AccessKeyId, string AccessKeySecret);

/// <summary>
/// A client-side ACS3-HMAC-SHA256 signer written from ALIBABA-OPENAPI.md section 3 (independently of the server's
/// code), sending what <c>@alicloud/openapi-core</c> 1.0.8 sends: <c>POST /?query</c>, the x-acs headers, empty body.
/// </summary>
public static class AcsSigner
{
    public static async Task<AcsKey> CreateKeyAsync(HttpClient admin, Guid accountId, string name = "test")
    {
        var response = await admin.PostAsJsonAsync($"/api/v1/admin/accounts/{accountId}/access-keys", new { name });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<AcsKey>())!;
    }

    public static HttpRequestMessage Request(Uri baseAddress, AcsKey key, string action, DateTime dateUtc,
        IReadOnlyDictionary<string, string>? parameters = null, string? nonce = null, string version = "2017-12-14")
    {
        var query = string.Join('&', (parameters ?? new Dictionary<string, string>())
            .OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Enc(p.Key) + "=" + Enc(p.Value)));
        var host = baseAddress.Authority;
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = host,
            ["x-acs-action"] = action,
            ["x-acs-content-sha256"] = Convert.ToHexStringLower(SHA256.HashData([])),
            ["x-acs-credentials-provider"] = "static_ak",
            ["x-acs-date"] = dateUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["x-acs-signature-nonce"] = nonce ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            ["x-acs-version"] = version,
        };
        var canonical = new StringBuilder("POST\n/\n").Append(query).Append('\n');
        foreach (var (name, value) in headers) canonical.Append(name).Append(':').Append(value).Append('\n');
        var signed = string.Join(';', headers.Keys);
        canonical.Append('\n').Append(signed).Append('\n').Append(headers["x-acs-content-sha256"]);
        var toSign = "ACS3-HMAC-SHA256\n" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key.AccessKeySecret), Encoding.UTF8.GetBytes(toSign)));

        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, "/" + (query.Length > 0 ? "?" + query : "")));
        foreach (var (name, value) in headers.Where(h => h.Key != "host")) request.Headers.TryAddWithoutValidation(name, value);
        request.Headers.Host = host;
        request.Headers.TryAddWithoutValidation("Authorization",
            $"ACS3-HMAC-SHA256 Credential={key.AccessKeyId},SignedHeaders={signed},Signature={signature}");
        request.Headers.Accept.ParseAdd("application/json");
        request.Content = new ByteArrayContent([]);
        return request;
    }

    /// <summary>
    /// The legacy RPC v1 form (section 3.5) as an old SDK core sends it: everything in the query, no x-acs headers,
    /// <c>Signature = base64(HMAC-SHA1(secret + "&amp;", "POST&amp;%2F&amp;" + enc(canonical)))</c>.
    /// </summary>
    public static HttpRequestMessage LegacyRequest(Uri baseAddress, AcsKey key, string action, DateTime dateUtc,
        IReadOnlyDictionary<string, string>? parameters = null, string? nonce = null)
    {
        var all = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["AccessKeyId"] = key.AccessKeyId,
            ["Action"] = action,
            ["Format"] = "json",
            ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureNonce"] = nonce ?? Guid.NewGuid().ToString("N"),
            ["SignatureVersion"] = "1.0",
            ["Timestamp"] = dateUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["Version"] = "2017-12-14",
        };
        foreach (var (name, value) in parameters ?? new Dictionary<string, string>()) all[name] = value;
        var canonical = string.Join('&', all.Select(p => Enc(p.Key) + "=" + Enc(p.Value)));
        var toSign = "POST&" + Enc("/") + "&" + Enc(canonical);
        var signature = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(key.AccessKeySecret + "&"),
            Encoding.UTF8.GetBytes(toSign)));
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, "/?" + canonical + "&Signature=" + Enc(signature)));
        request.Content = new ByteArrayContent([]);
        return request;
    }

    /// <summary>Sends a signed call and returns the status and the parsed JSON body.</summary>
    public static async Task<(int Status, JsonElement Body)> CallAsync(this HttpClient client, AcsKey key, string action,
        DateTime dateUtc, IReadOnlyDictionary<string, string>? parameters = null, string? nonce = null)
    {
        using var request = Request(client.BaseAddress!, key, action, dateUtc, parameters, nonce);
        return await SendAsync(client, request);
    }

    public static async Task<(int Status, JsonElement Body)> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString() ?? "");
        return ((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>RFC 3986 percent-encoding of UTF-8 bytes, upper-case hex.</summary>
    private static string Enc(string value)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~') sb.Append((char)b);
            else sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}
