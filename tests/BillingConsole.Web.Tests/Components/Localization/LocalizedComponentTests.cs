using System.Globalization;
using BillingConsole.Domain.Accounts;
using BillingConsole.Domain.Common;
using BillingConsole.Web.Components.Layout;
using BillingConsole.Web.Components.Shared;
using BillingConsole.Web.Features.Accounts;
using BillingConsole.Web.Features.Overview;
using BillingConsole.Web.Security;
using BillingConsole.Web.Tests.Infrastructure;

namespace BillingConsole.Web.Tests.Components.Localization;

public sealed class LocalizedComponentTests : BillingTestContext
{
    [Theory]
    [InlineData("zh-CN", "充值", "资源包", "消息中心")]
    [InlineData("en-US", "Recharge", "Resource packs", "Messages")]
    public void NavMenu_Owner_ShowsLabelsInTheCulture(string culture, string recharge, string packs, string messages)
    {
        UseCulture(culture);
        var auth = AddAuthorization();
        auth.SetAuthorized("owner@example.com");
        auth.SetPolicies(Policies.AccountViewer);

        var text = Render<NavMenu>().Find("nav, .mud-navmenu").TextContent;

        Assert.Contains(recharge, text);
        Assert.Contains(packs, text);
        Assert.Contains(messages, text);
    }

    [Fact]
    public void NavMenu_Chinese_HasNoEnglishLabels()
    {
        UseCulture("zh-CN");
        var auth = AddAuthorization();
        auth.SetAuthorized("owner@example.com");
        auth.SetPolicies(Policies.AccountViewer);

        var text = Render<NavMenu>().Markup;

        Assert.DoesNotContain("Recharge", text);
        Assert.DoesNotContain("Overview", text);
    }

    [Theory]
    [InlineData("zh-CN", "现金余额", "欠费", "¥1,234.50")]
    [InlineData("en-US", "Cash balance", "In arrears", "¥1,234.50")]
    public void BalanceCard_RendersTextsInTheCultureAndMoneyTheSame(string culture, string title, string status, string money)
    {
        UseCulture(culture);
        var summary = new AccountSummary(Guid.NewGuid(), "Acme", AccountStatus.Arrears, Money.Yuan(1234.5m), null, null, "BCABCDEFGH");

        var cut = Render<BalanceCard>(p => p.Add(c => c.Summary, summary));

        Assert.Contains(title, cut.Markup);
        Assert.Contains(status, cut.Find("[data-testid=account-status]").TextContent);
        Assert.Equal(money, cut.Find("[data-testid=overview-balance]").TextContent.Trim());
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    public void BillingTimeFormat_ShowsBillingZoneWithOffset_InEveryCulture(string culture)
    {
        UseCulture(culture);

        var text = BillingTimeFormat.Format(BillingCalendar.Shanghai, new DateTime(2026, 11, 28, 2, 0, 0, DateTimeKind.Utc));

        Assert.Equal("2026-11-28 10:00 (UTC+8)", text);
    }

    // Set inside the test method: the culture flows with the async context the renderer runs in.
    private static void UseCulture(string name)
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
    }
}
