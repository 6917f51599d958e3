using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using BillingConsole.Web.Features.AlibabaOpenApi;

namespace BillingConsole.Benchmarks;

/// <summary>
/// Signed <c>QueryAccountBalance</c> calls of the Alibaba Cloud compatible OpenAPI (issue #18) under concurrent load,
/// beside the API key entitlement check under the same load. Each call is signed afresh (new nonce, date, ACS3-HMAC-SHA256)
/// by the in-process load generator, and the server checks it: AccessKey row, decryption (cached), signature, window,
/// a nonce insert (a database write per call), the balance read.
/// </summary>
internal static class OpenApiBench
{
    public static async Task<IReadOnlyList<Row>> RunAsync(bool quick)
    {
        // The per-AccessKey rate limit would cap the benchmark, not the code.
        Environment.SetEnvironmentVariable("AlibabaOpenApi__PermitsPerSecond", "1000000");
        Environment.SetEnvironmentVariable("AlibabaOpenApi__Burst", "1000000");
        await using var app = BenchApp.Start();
        var keys = new List<(string Id, string Secret, string ApiKey)>();
        using (var admin = app.Http(BenchApp.AdminToken))
        {
            for (var i = 0; i < 8; i++)
            {
                var (accountId, apiKey, _) = await app.NewAccountAsync();
                var created = await admin.PostAsJsonAsync($"/api/v1/admin/accounts/{accountId}/access-keys", new { name = "bench" });
                created.EnsureSuccessStatusCode();
                var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
                keys.Add((body.GetProperty("accessKeyId").GetString()!, body.GetProperty("accessKeySecret").GetString()!, apiKey));
            }
        }
        var duration = TimeSpan.FromSeconds(quick ? 3 : 10);
        const int inFlight = 16;

        await LoadAsync(app, keys, signed: true, TimeSpan.FromSeconds(1), inFlight);
        var (rate, p99) = await LoadAsync(app, keys, signed: true, duration, inFlight);
        await LoadAsync(app, keys, signed: false, TimeSpan.FromSeconds(1), inFlight);
        var (entRate, entP99) = await LoadAsync(app, keys, signed: false, duration, inFlight);
        return
        [
            new Row($"signed QueryAccountBalance ({inFlight} in flight)", $"{Report.N(rate)}/s", $"{Report.N(entRate)}/s entitlement",
                Report.N(rate / entRate, "P0"), "≥ 1,000/s", rate >= 1_000),
            new Row("signed QueryAccountBalance p99 latency", $"{Report.N(p99, "F2")} ms", $"{Report.N(entP99, "F2")} ms entitlement",
                Report.N(p99 / entP99, "F2") + "×", "< 50 ms", p99 < 50),
        ];
    }

    private static async Task<(double Rate, double P99)> LoadAsync(BenchApp app, List<(string Id, string Secret, string ApiKey)> keys,
        bool signed, TimeSpan duration, int inFlight)
    {
        var latencies = new List<double>[inFlight];
        var host = new Uri(app.BaseUrl).Authority;
        var stop = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async worker =>
        {
            var mine = latencies[worker] = new List<double>(100_000);
            var key = keys[worker % keys.Count];
            using var client = app.Http(signed ? null : key.ApiKey);
            while (stop.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                using var request = signed ? Signed(app.BaseUrl, host, key.Id, key.Secret)
                    : new HttpRequestMessage(HttpMethod.Get, "/api/v1/entitlement?service=RP");
                using var response = await client.SendAsync(request);
                response.EnsureSuccessStatusCode();
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }));
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return (all.Length / stop.Elapsed.TotalSeconds, Report.Percentile(all, 99));
    }

    /// <summary>What <c>@alicloud/openapi-core</c> sends for QueryAccountBalance (section 2.2).</summary>
    private static HttpRequestMessage Signed(string baseUrl, string host, string id, string secret)
    {
        var headers = new Dictionary<string, string>
        {
            ["host"] = host,
            ["x-acs-action"] = "QueryAccountBalance",
            ["x-acs-content-sha256"] = Acs3Signature.EmptyPayloadHash,
            ["x-acs-date"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["x-acs-signature-nonce"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            ["x-acs-version"] = "2017-12-14",
        };
        string[] names = [.. headers.Keys.Order(StringComparer.Ordinal)];
        var canonical = Acs3Signature.CanonicalRequest("POST", "", names, n => headers.GetValueOrDefault(n), Acs3Signature.EmptyPayloadHash);
        var signature = Acs3Signature.Sign(secret, Acs3Signature.StringToSign(canonical));
        var request = new HttpRequestMessage(HttpMethod.Post, baseUrl + "/");
        foreach (var (name, value) in headers.Where(h => h.Key != "host")) request.Headers.TryAddWithoutValidation(name, value);
        request.Headers.TryAddWithoutValidation("Authorization",
            $"ACS3-HMAC-SHA256 Credential={id},SignedHeaders={string.Join(';', names)},Signature={signature}");
        request.Content = new ByteArrayContent([]);
        return request;
    }
}
