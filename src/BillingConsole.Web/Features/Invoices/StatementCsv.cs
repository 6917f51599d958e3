using System.Globalization;
using System.Text;
using BillingConsole.Domain.Invoicing;
using BillingConsole.Web.Features.Settlement;

namespace BillingConsole.Web.Features.Invoices;

/// <summary>
/// SPEC V6 as CSV (UTF-8 with BOM for Excel): an opening row, one row per ledger entry, a closing row. The amounts of the
/// entry rows add up to closing − opening; the balance column is the ledger's running balance.
/// </summary>
public static class StatementCsv
{
    private static readonly string[] Header =
        ["row 行", "sequence 序号", "time 时间 (UTC+8)", "kind 类型", "amount 金额", "balance 余额", "reference 关联单号", "description 说明"];

    public static byte[] Write(MonthlyStatement s, Func<DateTime, DateTime> toLocal)
    {
        var text = new StringBuilder();
        Append(text, Header);
        Append(text, ["opening 期初余额", "", "", "", "", s.Opening.ToFenString(), "", ""]);
        foreach (var e in s.Entries)
        {
            Append(text, ["entry 明细", e.Sequence.ToString(CultureInfo.InvariantCulture),
                toLocal(e.AtUtc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), KindNames.Of(e.Kind),
                e.Amount.ToFenString(), e.BalanceAfter.ToFenString(), e.Reference, e.Description ?? ""]);
        }
        Append(text, ["closing 期末余额", "", "", "", "", s.Closing.ToFenString(), "", ""]);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static void Append(StringBuilder text, IEnumerable<string> fields) =>
        text.AppendJoin(',', fields.Select(Quote)).Append("\r\n");

    private static string Quote(string field)
    {
        // A leading = + - @ would be a formula in a spreadsheet; amounts are numbers and stay as they are.
        if (field.Length > 0 && "=+@".Contains(field[0], StringComparison.Ordinal)) field = "'" + field;
        return field.IndexOfAny([',', '"', '\r', '\n']) < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
