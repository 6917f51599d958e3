using System.Diagnostics;

namespace BillingConsole.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/BillingConsole.Benchmarks -- [ingest|billing|entitlement|openapi|render|memory|all] [--quick]</c>.
/// Not top-level statements: those would declare a second <c>Program</c> beside the app's.
/// </summary>
internal static class BenchMain
{
    public static async Task<int> Main(string[] args)
    {
        var quick = args.Contains("--quick");
        var which = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
        var benches = new Dictionary<string, Func<bool, Task<IReadOnlyList<Row>>>>
        {
            ["ingest"] = IngestBench.RunAsync,
            ["billing"] = BillingBench.RunAsync,
            ["entitlement"] = EntitlementBench.RunAsync,
            ["openapi"] = OpenApiBench.RunAsync,
            ["render"] = RenderBench.RunAsync,
            ["memory"] = MemoryBench.RunAsync,
        };
        if (which != "all" && !benches.ContainsKey(which))
        {
            Console.Error.WriteLine($"Unknown benchmark '{which}': use {string.Join("|", benches.Keys)}|all [--quick].");
            return 2;
        }

        Console.WriteLine($"BillingConsole benchmarks {(quick ? "(quick)" : "")} {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, " +
                          $"{Environment.ProcessorCount} cores, .NET {Environment.Version}, Server GC {System.Runtime.GCSettings.IsServerGC}");
        var rows = new List<Row>();
        foreach (var (name, run) in benches.Where(b => which == "all" || b.Key == which))
        {
            var watch = Stopwatch.StartNew();
            Console.WriteLine($"running {name}…");
            rows.AddRange(await run(quick));
            Console.WriteLine($"  {name} done in {watch.Elapsed.TotalSeconds:F1} s");
        }
        Report.Print(rows);
        return 0;
    }
}
