using System.Globalization;
using System.Text;

namespace BillingConsole.Web.Features.Metering;

/// <summary>The usage table as CSV (UTF-8 with BOM so spreadsheet programs read it as UTF-8).</summary>
public static class UsageCsv
{
    public const string Header = "usageDay,service,serviceName,billable,notBillable";

    /// <summary>The rows, with each service's name beside its code (<paramref name="serviceName"/>, the reader's language).</summary>
    public static string Write(IEnumerable<UsageDayRow> rows, Func<string, string> serviceName)
    {
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var row in rows)
        {
            csv.Append(row.UsageDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                .Append(Quote(row.Service)).Append(',')
                .Append(Quote(serviceName(row.Service))).Append(',')
                .Append(row.Billable.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(row.NotBillable.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        }
        return csv.ToString();
    }

    /// <summary>Meter codes come from the catalog file; quote anything a spreadsheet could misread.</summary>
    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n=+-@") < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";
}
