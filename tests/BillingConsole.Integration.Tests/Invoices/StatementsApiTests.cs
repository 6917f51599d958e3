using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.Ledger;
using BillingConsole.Integration.Tests.Infrastructure;
using BillingConsole.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Integration.Tests.Invoices;

/// <summary>SPEC V6: the statement PDF read back with pdftotext (poppler-utils), and the CSV, against the ledger.</summary>
[Collection(HostCollection.Name)]
public sealed class StatementsApiTests(StatementsApiTests.App app) : IClassFixture<StatementsApiTests.App>
{
    public sealed class App : BillingAppFactory
    {
        public App() => With("Admin:ApiToken", ApiClients.AdminToken);
    }

    private static DateTime Shanghai(int month, int day, int hour) => new DateTime(2026, month, day, hour, 0, 0, DateTimeKind.Utc).AddHours(-8);

    /// <summary>Entries on both sides of October 2026 (Shanghai): the 1st at 00:30 and the 31st at 23:30 are inside.</summary>
    private async Task<(Guid AccountId, HttpClient Client)> AccountWithOctoberAsync()
    {
        var (accountId, key) = await app.NewAccountWithKeyAsync("杭州示例科技有限公司");
        await using var db = app.CreateDbContext();
        async Task Post(LedgerEntryKind kind, decimal amount, DateTime at, string reference)
        {
            var posted = await db.PostAsync(new PostLedgerEntryCommand(accountId, kind, Money.Yuan(amount), reference, $"{reference}-{accountId}"), at, default);
            Assert.True(posted.IsOk, posted.Error);
            await db.SaveChangesAsync();
        }
        await Post(LedgerEntryKind.Recharge, 1000m, Shanghai(9, 30, 23), "r-sep");
        await Post(LedgerEntryKind.Recharge, 500m, Shanghai(10, 1, 0).AddMinutes(30), "r-oct");
        await Post(LedgerEntryKind.PackPurchase, -160m, Shanghai(10, 12, 10), "p-oct");
        await Post(LedgerEntryKind.DailyBill, -12.34m, Shanghai(10, 20, 2), "b-oct");
        await Post(LedgerEntryKind.Adjustment, 8.88m, Shanghai(10, 31, 23).AddMinutes(30), "a-oct");
        await Post(LedgerEntryKind.Recharge, 77m, Shanghai(11, 1, 0).AddMinutes(1), "r-nov");
        return (accountId, app.Bearer(key));
    }

    [Fact]
    public async Task V6_StatementPdf_HasChineseHeadingsTheAccountEveryEntryAndTheLedgersBalances()
    {
        var (accountId, client) = await AccountWithOctoberAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/statements/2026-10");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/pdf"));

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = Path.Combine(Path.GetTempPath(), $"statement-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(pdf, await response.Content.ReadAsByteArrayAsync());
        var text = Run("pdftotext", $"-layout -enc UTF-8 {pdf} -");
        var fonts = Run("pdffonts", pdf);
        File.Copy(pdf, Path.Combine(Path.GetTempPath(), "statement-last.pdf"), overwrite: true); // for the docs screenshot
        File.Delete(pdf);

        foreach (var heading in new[] { "BillingConsole 费用中心", "月度对账单", "期初余额", "期末余额", "明细", "杭州示例科技有限公司", "2026-10" })
        {
            Assert.Contains(heading, text);
        }
        await using var db = app.CreateDbContext();
        var ledger = await db.LedgerEntries.AsNoTracking().Where(e => e.AccountId == accountId).OrderBy(e => e.Sequence).ToListAsync();
        var october = ledger.Where(e => e.Reference.EndsWith("-oct", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, october.Count);
        foreach (var e in october)
        {
            Assert.Matches($@"(?m)^\s*{e.Sequence}\s+2026-10-\d\d \d\d:\d\d:\d\d\s+\S+\s+{Regex(e.Amount)}\s+{Regex(e.BalanceAfter)}\s+{e.Reference}", text);
        }
        Assert.DoesNotContain("r-nov", text);
        Assert.DoesNotContain("r-sep", text);
        Assert.Matches($@"期初余额 Opening balance\s+¥{Regex(ledger[0].BalanceAfter)}", text); // 1000.00, the balance before October
        Assert.Matches($@"期末余额 Closing balance\s+¥{Regex(october[^1].BalanceAfter)}", text); // 1336.54
        Assert.Contains("一致", text);
        Assert.Matches(@"(?m)^[A-Z]{6}\+\S*BillingConsole\S*\s.*\byes\s+yes\b", fonts); // embedded, as a subset (PDF subset tag)
    }

    [Fact]
    public async Task V6_StatementCsv_SumsFromOpeningToClosing()
    {
        var (_, client) = await AccountWithOctoberAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/statements/2026-10");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));

        var csv = Encoding.UTF8.GetString(await (await client.SendAsync(request)).Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');

        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();
        var opening = decimal.Parse(rows[0][5], CultureInfo.InvariantCulture);
        var closing = decimal.Parse(rows[^1][5], CultureInfo.InvariantCulture);
        var sum = rows.Where(r => r[0].StartsWith("entry", StringComparison.Ordinal)).Sum(r => decimal.Parse(r[4], CultureInfo.InvariantCulture));
        Assert.Equal((1000m, 1336.54m), (opening, closing));
        Assert.Equal(closing - opening, sum);
        Assert.Equal(4, rows.Count(r => r[0].StartsWith("entry", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task V6_AMonthNotEndedOrMalformed_IsRefused()
    {
        var (_, client) = await AccountWithOctoberAsync();
        var future = DateTime.UtcNow.AddMonths(1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/v1/statements/{future}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/statements/2026-13")).StatusCode);
    }

    private static string Regex(Money m) => System.Text.RegularExpressions.Regex.Escape(m.ToFenString());

    private static string Run(string tool, string args)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output;
    }
}
