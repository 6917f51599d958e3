using BillingConsole.Integration.Tests.Infrastructure;
using BillingConsole.Web.Features.Demo;
using Microsoft.Playwright;

namespace BillingConsole.Integration.Tests.Recharge;

[Collection(HostCollection.Name)]
public sealed class RechargeJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Owner_Recharges100ByAlipay_AtTheSandboxCashier_AndSeesTheBalanceGrow()
    {
        var page = await app.NewPageAsync();
        await Journey.SignInAsync(page, DemoSeeder.Owner.Email, DemoSeeder.Owner.Password);
        var before = (await page.Locator("[data-testid=appbar-balance]").InnerTextAsync()).Trim();

        await page.GotoAsync("/recharge");
        await Journey.WaitForInteractiveAsync(page);
        await page.Locator("[data-testid=recharge-amount] input").FillAsync("100");
        await page.GetByText("支付宝").ClickAsync();
        Assert.True(await page.Locator("[data-testid=recharge-submit]").IsDisabledAsync());
        await page.Locator("[data-testid=recharge-ack] input").CheckAsync();
        await Assertions.Expect(page.Locator("[data-testid=recharge-submit]")).ToBeEnabledAsync();
        await Journey.ScreenshotAsync(page, "recharge-01-form");
        await page.Locator("[data-testid=recharge-submit]").ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("/sandbox/cashier/", StringComparison.Ordinal));
        await Journey.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=cashier-amount]")).ToHaveTextAsync("¥100.00");
        await Journey.ScreenshotAsync(page, "recharge-02-cashier");
        await page.Locator("[data-testid=cashier-pay]").ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("/recharge/return/", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("[data-testid=recharge-status]")).ToContainTextAsync("成功");
        await Journey.ScreenshotAsync(page, "recharge-03-return");
        Assert.Equal("¥5,000.00", before);
        await Assertions.Expect(page.Locator("[data-testid=appbar-balance]")).ToHaveTextAsync("¥5,100.00");

        await page.GotoAsync("/recharge/history");
        await Journey.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=recharge-history]")).ToContainTextAsync("支付宝");
        await Journey.ScreenshotAsync(page, "recharge-04-history");
    }
}
