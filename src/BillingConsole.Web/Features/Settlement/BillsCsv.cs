using System.Globalization;
using System.Text;

namespace BillingConsole.Web.Features.Settlement;

/// <summary>One CSV row per bill line with its bill's day and status, as a spreadsheet user expects (UTF-8 with BOM
/// so Excel shows the Chinese headers).</summary>
public static class BillsCsv
{
    private static readonly string[] Header =
    [
        "bill_day 账单日期", "usage_day 使用日期", "service 服务", "service_name 服务名称", "quantity 用量", "pack_deducted 资源包抵扣",
        "billable 计费用量", "unit_price 单价", "gross 原价", "round_down 抹零", "payable 应付", "bill_status 状态",
    ];

    /// <summary>The bills' lines, with each service's name beside its code (<paramref name="serviceName"/>).</summary>
    public static byte[] Write(IReadOnlyList<BillRow> bills, Func<string, string> serviceName)
    {
        // Written by hand: every field is a code, a name, a day or a number, and RFC 4180 quoting covers the rest.
        var text = new StringBuilder();
        AppendRow(text, Header);
        foreach (var bill in bills.OrderBy(b => b.UsageDay))
        {
            foreach (var line in bill.Lines)
            {
                AppendRow(text,
                [
                    DayRange.Format(bill.UsageDay), DayRange.Format(line.UsageDay), line.Service, serviceName(line.Service),
                    Number(line.Quantity), Number(line.PackDeductedQuantity), Number(line.BillableQuantity),
                    line.UnitPrice.ToExactString(), line.Gross.ToExactString(), line.RoundDownDiscount.ToExactString(),
                    line.Payable.ToFenString(), bill.Status.ToString().ToLowerInvariant(),
                ]);
            }
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static void AppendRow(StringBuilder text, IEnumerable<string> fields)
    {
        text.AppendJoin(',', fields.Select(Quote)).Append("\r\n");
    }

    private static string Quote(string field) => field.IndexOfAny([',', '"', '\r', '\n']) < 0
        ? field
        : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
