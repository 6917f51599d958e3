using System.Text.Json;

namespace BillingConsole.Web.Features.Alipay;

/// <summary>A gateway answer whose signature verified: the <c>*_response</c> object, and its code.</summary>
public sealed record AlipayAnswer(JsonElement Response, string RawResponse)
{
    public string? Code => Text("code");
    public string? SubCode => Text("sub_code");
    public bool IsSuccess => Code == "10000";
    public string Summary => $"{Code} {Text("msg")} {SubCode} {Text("sub_msg")}".Trim();

    public string? Text(string name) =>
        Response.ValueKind == JsonValueKind.Object && Response.TryGetProperty(name, out var v)
            ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()
            : null;
}

/// <summary>
/// Server-to-server OpenAPI calls (<c>alipay.trade.query</c>, <c>close</c>, <c>refund</c>): a signed form POST to the
/// gateway; the answer counts only when its <c>sign</c> verifies with Alipay's public key over the raw JSON text of
/// the <c>*_response</c> object. Anything else (transport error, unsigned or badly signed answer) is an error.
/// </summary>
public sealed class AlipayClient(IHttpClientFactory httpFactory, AlipayCredentials credentials, PublicBaseUrl baseUrl,
    TimeProvider clock)
{
    public const string HttpClientName = "alipay";

    public async Task<(AlipayAnswer? Answer, string? Error, string? Raw)> CallAsync(string method, string bizContent,
        CancellationToken ct)
    {
        var parameters = credentials.SignedRequest(method, bizContent, clock.GetUtcNow());
        string raw;
        try
        {
            using var http = httpFactory.CreateClient(HttpClientName);
            using var body = new FormUrlEncodedContent(parameters);
            using var response = await http.PostAsync(baseUrl.Absolute(credentials.Options.Gateway), body, ct);
            raw = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode) return (null, $"the gateway answered HTTP {(int)response.StatusCode}", raw);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return (null, "the gateway could not be reached: " + e.Message, null);
        }
        var responseKey = method.Replace('.', '_') + "_response";
        if (!TryExtract(raw, responseKey, out var responseText, out var sign))
        {
            return (null, $"the answer has no {responseKey}", raw);
        }
        if (!AlipaySignature.Verify(responseText, sign, credentials.AlipayPublicKey))
        {
            return (null, "the answer's signature does not verify with Alipay's public key", raw);
        }
        using var doc = JsonDocument.Parse(responseText);
        return (new AlipayAnswer(doc.RootElement.Clone(), responseText), null, raw);
    }

    /// <summary>The raw JSON text of <paramref name="responseKey"/> (exactly as sent: it is what Alipay signed) and <c>sign</c>.</summary>
    internal static bool TryExtract(string raw, string responseKey, out string responseText, out string? sign)
    {
        responseText = string.Empty;
        sign = null;
        try
        {
            using var doc = JsonDocument.Parse(raw);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return false;
            if (doc.RootElement.TryGetProperty("sign", out var s) && s.ValueKind == JsonValueKind.String) sign = s.GetString();
            if (!doc.RootElement.TryGetProperty(responseKey, out var response) || response.ValueKind != JsonValueKind.Object)
            {
                return false;
            }
            responseText = response.GetRawText();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
