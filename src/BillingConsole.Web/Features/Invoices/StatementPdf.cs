using System.Globalization;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.Invoicing;
using BillingConsole.Domain.Ledger;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace BillingConsole.Web.Features.Invoices;

/// <summary>
/// SPEC V6 as a PDF (PDFsharp 6.2.4): the console's name, the account, the month, opening balance, totals per kind,
/// closing balance and the balance check, then every entry; Chinese text in the embedded font subset (<see cref="StatementFont"/>).
/// </summary>
public static class StatementPdf
{
    private const double Margin = 40, Row = 14, Bottom = 800;
    private static readonly double[] Columns = [40, 78, 178, 248, 330, 412]; // 序号 时间 类型 金额(right to 322) 余额(right to 404) 关联单号
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    public static byte[] Write(MonthlyStatement s, Func<DateTime, DateTime> toLocal, DateTime generatedUtc)
    {
        StatementFont.EnsureInstalled();
        var title = new XFont(StatementFont.Family, 16, XFontStyleEx.Bold, Unicode);
        var text = new XFont(StatementFont.Family, 9, XFontStyleEx.Regular, Unicode);
        var bold = new XFont(StatementFont.Family, 9, XFontStyleEx.Bold, Unicode);
        var small = new XFont(StatementFont.Family, 7, XFontStyleEx.Regular, Unicode);
        var month = s.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

        using var document = new PdfDocument();
        document.Info.Title = $"对账单 {month} {s.AccountName}";
        document.Info.Creator = "BillingConsole 费用中心";
        var page = NewPage(document);
        var gfx = XGraphics.FromPdfPage(page);
        double y = Margin;
        gfx.DrawString("BillingConsole 费用中心", text, XBrushes.Gray, Margin, y);
        y += 24;
        gfx.DrawString($"月度对账单 Monthly statement · {month}", title, XBrushes.Black, Margin, y);
        y += 22;
        gfx.DrawString($"账户名称：{s.AccountName}", text, XBrushes.Black, Margin, y);
        y += Row;
        var last = s.Month.AddMonths(1).AddDays(-1);
        gfx.DrawString($"账单周期：{s.Month:yyyy-MM-dd} 至 {last:yyyy-MM-dd}（UTC+8）  生成时间：{toLocal(generatedUtc):yyyy-MM-dd HH:mm}", text, XBrushes.Black, Margin, y);
        y += Row * 1.6;

        gfx.DrawString("汇总 Summary", bold, XBrushes.Black, Margin, y);
        y += Row;
        y = Line(gfx, text, y, "期初余额 Opening balance", s.Opening);
        foreach (var (kind, count, total) in s.TotalsByKind) y = Line(gfx, text, y, $"{KindZh(kind)}（{count} 笔）", total);
        y = Line(gfx, text, y, "本期发生额合计 Total of entries", s.Total);
        y = Line(gfx, bold, y, "期末余额 Closing balance", s.Closing);
        gfx.DrawString($"核对：期初余额 {s.Opening.ToFenString()} + 本期发生额 {s.Total.ToFenString()} = 期末余额 {s.Closing.ToFenString()}，" +
            (s.IsBalanced ? "一致。" : "不一致！"), text, XBrushes.Black, Margin, y);
        y += Row * 1.6;

        gfx.DrawString($"明细 Entries（{s.Entries.Count} 笔）", bold, XBrushes.Black, Margin, y);
        y += Row;
        y = Header(gfx, bold, y);
        foreach (var e in s.Entries)
        {
            if (y > Bottom)
            {
                gfx.Dispose();
                page = NewPage(document);
                gfx = XGraphics.FromPdfPage(page);
                y = Header(gfx, bold, Margin);
            }
            gfx.DrawString(e.Sequence.ToString(CultureInfo.InvariantCulture), text, XBrushes.Black, Columns[0], y);
            gfx.DrawString(toLocal(e.AtUtc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), text, XBrushes.Black, Columns[1], y);
            gfx.DrawString(KindZh(e.Kind), text, XBrushes.Black, Columns[2], y);
            Right(gfx, text, e.Amount.ToFenString(), Columns[4] - 8, y);
            Right(gfx, text, e.BalanceAfter.ToFenString(), Columns[5] - 8, y);
            gfx.DrawString(Fit(gfx, small, e.Reference, page.Width.Point - Margin - Columns[5]), small, XBrushes.Black, Columns[5], y);
            y += Row;
        }
        gfx.Dispose();
        for (var i = 0; i < document.PageCount; i++)
        {
            using var footer = XGraphics.FromPdfPage(document.Pages[i]);
            footer.DrawString($"BillingConsole 费用中心 · {s.AccountName} · {month} · 第 {i + 1} / {document.PageCount} 页", small, XBrushes.Gray, Margin, 825);
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static PdfPage NewPage(PdfDocument document)
    {
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        return page;
    }

    public static string KindZh(LedgerEntryKind kind) => kind switch
    {
        LedgerEntryKind.Recharge => "充值",
        LedgerEntryKind.DailyBill => "日账单扣款",
        LedgerEntryKind.PackPurchase => "资源包购买",
        LedgerEntryKind.Refund => "退款",
        LedgerEntryKind.Withdrawal => "提现",
        LedgerEntryKind.Adjustment => "调账",
        LedgerEntryKind.LicencePurchase => "授权购买",
        _ => kind.ToString(),
    };

    private static double Header(XGraphics gfx, XFont bold, double y)
    {
        string[] names = ["序号", "时间 (UTC+8)", "类型", "金额", "余额", "关联单号 Reference"];
        for (var i = 0; i < names.Length; i++)
        {
            if (i is 3 or 4) Right(gfx, bold, names[i], Columns[i + 1] - 8, y);
            else gfx.DrawString(names[i], bold, XBrushes.Black, Columns[i], y);
        }
        gfx.DrawLine(XPens.Gray, Margin, y + 4, 555, y + 4);
        return y + Row;
    }

    private static double Line(XGraphics gfx, XFont font, double y, string label, Money amount)
    {
        gfx.DrawString(label, font, XBrushes.Black, Margin + 8, y);
        Right(gfx, font, "¥" + amount.ToFenString(), 330, y);
        return y + Row;
    }

    private static void Right(XGraphics gfx, XFont font, string value, double right, double y) =>
        gfx.DrawString(value, font, XBrushes.Black, right - gfx.MeasureString(value, font).Width, y);

    private static string Fit(XGraphics gfx, XFont font, string value, double width)
    {
        if (gfx.MeasureString(value, font).Width <= width) return value;
        while (value.Length > 1 && gfx.MeasureString(value + "…", font).Width > width) value = value[..^1];
        return value + "…";
    }
}
