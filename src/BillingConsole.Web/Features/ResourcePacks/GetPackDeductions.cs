using System.Globalization;
using System.Text;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.ResourcePacks;

/// <summary>One line of the deduction details (抵扣明细, SPEC P5).</summary>
public sealed record PackDeductionRow(DateTime DeductedAtUtc, Guid PackId, string SpecId, string MeterCode, DateOnly UsageDay,
    long RemainingBefore, long Quantity, long RemainingAfter, Guid BillId, Guid? BillLineId);

/// <summary>
/// The account's deductions, newest first, and their CSV export: one row per pack, service, usage day and bill (the
/// records are per usage hour, all written by the same billing run, issue #15).
/// </summary>
public sealed class GetPackDeductionsHandler(IDbContextFactory<BillingDbContext> dbFactory)
{
    public const int MaxRows = 5000;

    public async Task<IReadOnlyList<PackDeductionRow>> HandleAsync(Guid accountId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var specs = await db.ResourcePacks.AsNoTracking().Where(p => p.AccountId == accountId)
            .ToDictionaryAsync(p => p.Id, p => p.SpecId, ct);
        var rows = await db.PackDeductions.AsNoTracking().Where(d => d.AccountId == accountId)
            .OrderByDescending(d => d.DeductedAtUtc).ThenByDescending(d => d.UsageStartUtc).Take(MaxRows).ToListAsync(ct);
        return rows.GroupBy(d => (d.PackId, d.MeterCode, d.UsageDay, d.BillId))
            .Select(g => new PackDeductionRow(g.Max(d => d.DeductedAtUtc), g.Key.PackId, specs.GetValueOrDefault(g.Key.PackId, ""),
                g.Key.MeterCode, g.Key.UsageDay, g.Max(d => d.RemainingBefore), g.Sum(d => d.Quantity),
                g.Min(d => d.RemainingAfter), g.Key.BillId, g.First().BillLineId))
            .OrderByDescending(r => r.DeductedAtUtc).ThenByDescending(r => r.UsageDay).ToList();
    }

    /// <summary>RFC 4180 CSV with a header row; times in UTC ISO 8601 as the API gives them.</summary>
    public static string ToCsv(IEnumerable<PackDeductionRow> rows, Func<string, string> specName, Func<string, string> serviceName)
    {
        var csv = new StringBuilder("deductedAt,packId,specId,specName,service,serviceName,usageDay,remainingBefore,deducted,remainingAfter,billId,billLineId\r\n");
        foreach (var r in rows)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{r.DeductedAtUtc:yyyy-MM-ddTHH:mm:ssZ},{r.PackId},{Field(r.SpecId)},{Field(specName(r.SpecId))},")
                .Append(CultureInfo.InvariantCulture, $"{Field(r.MeterCode)},{Field(serviceName(r.MeterCode))},")
                .Append(CultureInfo.InvariantCulture, $"{r.UsageDay:yyyy-MM-dd},{r.RemainingBefore},{r.Quantity},{r.RemainingAfter},{r.BillId},{r.BillLineId}\r\n");
        }
        return csv.ToString();
    }

    private static string Field(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
