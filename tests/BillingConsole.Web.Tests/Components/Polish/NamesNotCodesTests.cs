using System.Globalization;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.Ledger;
using BillingConsole.Domain.Payments;
using BillingConsole.Domain.Settlement;
using BillingConsole.Web.Features.Metering;
using BillingConsole.Web.Features.Settlement;
using BillingConsole.Web.Tests.Infrastructure;
using Microsoft.Extensions.Localization;
using BillingConsole.Web.Resources;
using Microsoft.Extensions.DependencyInjection;

namespace BillingConsole.Web.Tests.Components.Polish;

/// <summary>Issue #15 items 3 and 11: services and packs by their names in the page's language; usage paged, one chart per unit.</summary>
public sealed class NamesNotCodesTests : BillingTestContext
{
    private static readonly DateOnly Day = new(2026, 11, 26);

    public NamesNotCodesTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("zh-CN");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
    }

    [Fact]
    public void BillDetail_Chinese_ShowsServiceNamesNotCodes()
    {
        var bill = new BillRow(Guid.NewGuid(), Day, DateTime.UtcNow, Money.Yuan(1m), Money.Zero, Money.Yuan(1m), Money.Zero,
            BillStatus.Paid, [Line("FV"), Line("RP"), Line("FACE_COMPARE"), Line("FACE_ATTRIBUTE")]);

        var cut = Render<BillDetail>(p => p.Add(x => x.Bill, bill));

        var services = cut.FindAll("[data-testid=bill-line] td:first-child").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["活体人脸验证", "实人认证", "人脸验证", "人脸属性检测"], services);
        Assert.DoesNotContain("FACE_COMPARE", cut.Markup.Replace("data-service=\"FACE_COMPARE\"", ""));
    }

    [Fact]
    public void CatalogNames_Spec_ReadsAsPackTypeQuantityAndUnit()
    {
        var l = Services.GetRequiredService<IStringLocalizer<SharedResource>>();

        Assert.Equal("活体人脸验证流量包 1,000 次", Catalog.Spec(l, "FV_CALLS_1K"));
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
        Assert.Equal("Liveness verification pack 1,000 calls", Catalog.Spec(l, "FV_CALLS_1K"));
    }

    [Fact]
    public void UsageTable_ManyRows_IsPagedWithAChinesePager()
    {
        var rows = Enumerable.Range(0, 145).Select(i => new UsageDayRow(Day.AddDays(-(i / 5)), "IOT_MESSAGES", 100 + i, 0)).ToList();

        var cut = Render<UsageTable>(p => p.Add(x => x.Rows, rows).Add(x => x.Names, Catalog));

        Assert.Equal(25, cut.FindAll("[data-testid=usage-table] tbody tr").Count);
        Assert.Contains("共 145 条", cut.Markup);
        Assert.Contains("每页行数", cut.Markup);
        Assert.DoesNotContain("Rows per page", cut.Markup);
        Assert.Contains("消息通信", cut.Find("[data-testid=usage-table] tbody tr").TextContent);
    }

    [Fact]
    public void UsageChart_ServicesOfDifferentUnits_GetOneChartEach()
    {
        UsageDayRow[] rows =
        [
            new(Day, "IOT_MESSAGES", 30_000, 0), new(Day, "FV", 100, 0), new(Day, "RP", 20, 0),
            new(Day.AddDays(-1), "IOT_CONNECTION_MINUTES", 500, 0),
        ];

        var cut = Render<UsageChart>(p => p.Add(x => x.Rows, rows).Add(x => x.From, Day.AddDays(-6)).Add(x => x.To, Day)
            .Add(x => x.Names, Catalog));

        var units = cut.FindAll("[data-testid=usage-chart]").Select(c => c.GetAttribute("data-unit")).ToList();
        Assert.Equal(["call", "message", "minute"], units);
        Assert.Contains("每日计费用量（条）", cut.Find("[data-testid=usage-chart][data-unit=message]").TextContent);
    }

    [Fact]
    public void LedgerSubject_Chinese_DescribesEntriesWithoutEnglish()
    {
        var l = Services.GetRequiredService<IStringLocalizer<SharedResource>>();

        var bill = new LedgerSubject(LedgerTopic.DailyBill, Day: Day).Describe(l, Catalog, "Daily bill 日账单 2026-11-26", "x");
        var pack = new LedgerSubject(LedgerTopic.PackPurchase, SpecId: "FV_CALLS_1K").Describe(l, Catalog, "Resource pack FV_CALLS_1K", "x");
        var recharge = new LedgerSubject(LedgerTopic.Recharge, Method: RechargeMethod.Alipay).Describe(l, Catalog, "Recharge by alipay", "x");
        var opening = new LedgerSubject(LedgerTopic.OpeningBalance).Describe(l, Catalog, "Demo opening balance", "x");

        Assert.Equal("2026-11-26 日账单", bill);
        Assert.Equal("购买资源包：活体人脸验证流量包 1,000 次", pack);
        Assert.Equal("充值（支付宝）", recharge);
        Assert.Equal("演示账户期初余额", opening);
        Assert.All(new[] { bill, pack, recharge, opening }, d => Assert.DoesNotMatch("[A-Za-z]", d));
    }

    private static BillLineRow Line(string service) =>
        new(service, Day, 10, 0, 10, Money.Yuan(0.1m), Money.Yuan(1m), Money.Zero, Money.Yuan(1m));
}
