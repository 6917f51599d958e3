using System.Diagnostics;

namespace BillingConsole.Benchmarks;

/// <summary>
/// Entitlement checks under concurrent load (several accounts, many requests in flight), against the cheapest
/// request the app answers with a database round trip (<c>/healthz</c>) under the same load: the HTTP floor; and a
/// no-op answered before the app's pipeline, the ceiling that Kestrel and the in-process load generator leave.
/// </summary>
internal static class EntitlementBench
{
    public static async Task<IReadOnlyList<Row>> RunAsync(bool quick)
    {
        await using var app = BenchApp.Start();
        var keys = new List<string>();
        for (var i = 0; i < 8; i++) keys.Add((await app.NewAccountAsync()).Key);
        var duration = TimeSpan.FromSeconds(quick ? 3 : 10);
        const int inFlight = 16;

        await LoadAsync(app, keys, "/api/v1/entitlement?service=RP", TimeSpan.FromSeconds(1), inFlight);
        var (rate, p99) = await LoadAsync(app, keys, "/api/v1/entitlement?service=RP", duration, inFlight);
        await LoadAsync(app, keys, "/healthz", TimeSpan.FromSeconds(1), inFlight);
        var (floorRate, floorP99) = await LoadAsync(app, keys, "/healthz", duration, inFlight);
        await LoadAsync(app, keys, BenchApp.NoopPath, TimeSpan.FromSeconds(1), inFlight);
        var (noopRate, noopP99) = await LoadAsync(app, keys, BenchApp.NoopPath, duration, inFlight);
        return
        [
            new Row($"entitlement checks ({inFlight} in flight)", $"{Report.N(rate)}/s", $"{Report.N(floorRate)}/s /healthz",
                Report.N(rate / floorRate, "P0"), "≥ 20,000/s", rate >= 20_000),
            new Row("entitlement p99 latency", $"{Report.N(p99, "F2")} ms", $"{Report.N(floorP99, "F2")} ms /healthz",
                Report.N(p99 / floorP99, "F2") + "×", "< 5 ms", p99 < 5),
            new Row($"no-op before the pipeline ({inFlight} in flight)", $"{Report.N(noopRate)}/s, p99 {Report.N(noopP99, "F2")} ms",
                "Kestrel + load generator", Report.N(rate / noopRate, "P0"), "the ceiling here", noopRate >= 20_000),
        ];
    }

    private static async Task<(double Rate, double P99)> LoadAsync(BenchApp app, List<string> keys, string path,
        TimeSpan duration, int inFlight)
    {
        var latencies = new List<double>[inFlight];
        var stop = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async worker =>
        {
            var mine = latencies[worker] = new List<double>(100_000);
            using var client = app.Http(keys[worker % keys.Count]);
            while (stop.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(path);
                response.EnsureSuccessStatusCode();
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }));
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return (all.Length / stop.Elapsed.TotalSeconds, Report.Percentile(all, 99));
    }
}
