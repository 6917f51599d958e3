using System.Text;
using BillingConsole.Integration.Tests.Infrastructure;
using BillingConsole.Web.Features.Demo;

namespace BillingConsole.Integration.Tests.Polish;

/// <summary>Issue #15 (part B) over HTTP: raw CJK bytes, the culture cookie for ?culture=, names beside codes in CSVs, a Chinese ledger.</summary>
[Collection(HostCollection.Name)]
public sealed class PolishHttpTests(PolishHttpTests.App app) : IClassFixture<PolishHttpTests.App>
{
    public sealed class App : BillingAppFactory
    {
        public App() => With("Seed:DemoHistoryDays", "3");
    }

    [Fact]
    public async Task ChinesePage_CarriesCjkAsUtf8_NotAsCharacterReferences()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");

        var response = await app.AnonymousClient().SendAsync(request, TestContext.Current.CancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes("费用中心")) >= 0, "the raw UTF-8 bytes of 费用中心 are in the page");
        Assert.DoesNotContain("&#x", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public async Task CultureQuery_IsRememberedInTheCultureCookie_ForTheCircuit()
    {
        var response = await app.AnonymousClient().GetAsync("/Account/Login?culture=en-US", TestContext.Current.CancellationToken);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.Contains("c%3Den-US", cookie);
        Assert.Contains("<html lang=\"en-US\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Csvs_HaveANameColumnBesideTheCode_InTheReadersLanguage()
    {
        var client = await app.SignedInClientAsync(DemoSeeder.Owner.Email, DemoSeeder.Owner.Password);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var ct = TestContext.Current.CancellationToken;

        var usage = await client.GetStringAsync("/usage/export.csv", ct);
        var bills = await client.GetStringAsync("/bills/export.csv", ct);
        var deductions = await client.GetStringAsync("/packs/deductions/export.csv", ct);

        Assert.StartsWith("usageDay,service,serviceName,", usage.TrimStart('\uFEFF'));
        Assert.Contains(",FV,活体人脸验证,", usage);
        Assert.Contains("service 服务,service_name 服务名称", bills);
        Assert.Contains(",FACE_COMPARE,人脸验证,", bills);
        Assert.Contains("specId,specName,service,serviceName", deductions);
        Assert.Contains(",FV_CALLS_1K,活体人脸验证流量包 1,000 次,FV,活体人脸验证,", deductions.Replace("\"", ""));
    }

    [Fact]
    public async Task Deductions_OneRowPerPackServiceAndUsageDay()
    {
        var client = await app.SignedInClientAsync(DemoSeeder.Owner.Email, DemoSeeder.Owner.Password);

        var csv = await client.GetStringAsync("/packs/deductions/export.csv", TestContext.Current.CancellationToken);

        // packId (1), service (4), usageDay (6), billId (10); a spec name with a comma is quoted, so split after unquoting it.
        var rows = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(r => System.Text.RegularExpressions.Regex.Replace(r, "\"[^\"]*\"", "name").Split(',')).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows.GroupBy(r => (r[1], r[4], r[6], r[10])), g => Assert.Single(g));
    }

    [Fact]
    public async Task LedgerPage_Chinese_DescribesEntriesInChineseOnly()
    {
        var client = await app.SignedInClientAsync(DemoSeeder.Owner.Email, DemoSeeder.Owner.Password);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/ledger", TestContext.Current.CancellationToken));

        Assert.Contains("日账单", html);
        Assert.Contains("购买资源包：活体人脸验证流量包 1,000 次", html);
        Assert.Contains("演示账户期初余额", html);
        Assert.DoesNotContain("Daily bill", html);
        Assert.DoesNotContain("Resource pack FV_CALLS_1K", html);
        Assert.DoesNotContain("Demo opening balance", html);
    }
}
