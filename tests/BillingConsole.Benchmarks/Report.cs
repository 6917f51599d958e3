using System.Globalization;

namespace BillingConsole.Benchmarks;

/// <summary>One printed row: a figure measured against a baseline from the same run, and its goal.</summary>
internal sealed record Row(string Name, string Figure, string Baseline, string Ratio, string Goal, bool Met);

internal static class Report
{
    public static string N(double value, string format = "N0") => value.ToString(format, CultureInfo.InvariantCulture);

    public static void Print(IReadOnlyList<Row> rows)
    {
        string[] header = ["benchmark", "figure", "baseline", "ratio", "goal", "met?"];
        var cells = rows.Select(r => new[] { r.Name, r.Figure, r.Baseline, r.Ratio, r.Goal, r.Met ? "yes" : "NO" }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, cells.Count == 0 ? 0 : cells.Max(c => c[i].Length))).ToArray();
        Console.WriteLine();
        Console.WriteLine("| " + string.Join(" | ", header.Select((h, i) => h.PadRight(widths[i]))) + " |");
        Console.WriteLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
        foreach (var c in cells) Console.WriteLine("| " + string.Join(" | ", c.Select((v, i) => v.PadRight(widths[i]))) + " |");
    }

    /// <summary>The p-th percentile (0–100) of sorted values.</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
