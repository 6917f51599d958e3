using BillingConsole.Domain.Accounts;
using BillingConsole.Domain.Common;
using BillingConsole.Web.Components.Shared;
using BillingConsole.Web.Features.Accounts;
using BillingConsole.Web.Features.Overview;
using BillingConsole.Web.Tests.Infrastructure;

namespace BillingConsole.Web.Tests.Components;

public sealed class BalanceDisplayTests : BillingTestContext
{
    private static AccountSummary Summary(decimal balance, AccountStatus status) =>
        new(Guid.NewGuid(), "Acme 科技", status, Money.Yuan(balance), null, null, "BCABCDEFGH");

    [Fact]
    public void AccountBadge_PositiveBalance_ShowsNameBalanceAndStatus()
    {
        var cut = Render<AccountBadge>(p => p.Add(x => x.Summary, Summary(12345.6m, AccountStatus.Active)));

        Assert.Contains("Acme 科技", cut.Markup);
        Assert.Equal("¥12,345.60", cut.Find("[data-testid=appbar-balance]").TextContent);
        Assert.Contains("Active", cut.Find("[data-testid=account-status]").TextContent);
    }

    [Fact]
    public void AccountBadge_NegativeBalance_ShowsErrorColourAndArrears()
    {
        var cut = Render<AccountBadge>(p => p.Add(x => x.Summary, Summary(-3.27m, AccountStatus.Arrears)));

        var balance = cut.Find("[data-testid=appbar-balance]");
        Assert.Equal("-¥3.27", balance.TextContent);
        Assert.Contains("mud-error-text", balance.ClassName);
        Assert.Contains("arrears", cut.Find("[data-testid=account-status]").TextContent);
    }

    [Fact]
    public void MoneyText_Exact_ShowsEveryDecimal()
    {
        var cut = Render<MoneyText>(p => p.Add(x => x.Value, Money.Yuan(1.274m)).Add(x => x.Exact, true));

        Assert.Equal("¥1.274", cut.Markup.Trim().Split('>')[1].Split('<')[0]);
    }

    [Fact]
    public void BalanceCard_Suspended_ShowsSuspendedAndRemittanceCode()
    {
        var cut = Render<BalanceCard>(p => p.Add(x => x.Summary, Summary(-10m, AccountStatus.Suspended)));

        Assert.Contains("Suspended", cut.Find("[data-testid=account-status]").TextContent);
        Assert.Contains("BCABCDEFGH", cut.Markup);
        Assert.Equal("-¥10.00", cut.Find("[data-testid=overview-balance]").TextContent);
    }
}
