using BillingConsole.Integration.Tests.Infrastructure;
using BillingConsole.Web.Features.Demo;
using Microsoft.Playwright;

namespace BillingConsole.Integration.Tests.Alipay;

/// <summary>The browser on a real port with Alipay pointed at the local simulator (UseSimulator).</summary>
public sealed class AlipayBrowserApp : IAsyncLifetime
{
    public BrowserApp Inner { get; } = new(new Dictionary<string, string?>
    {
        ["Payments:Alipay:UseSimulator"] = "true",
        ["Payments:AlipaySimulator:DataFolder"] = Path.Combine(Path.GetTempPath(), "billing-tests", "alipay-sim-" + Guid.NewGuid().ToString("N")),
    });

    public ValueTask InitializeAsync() => Inner.InitializeAsync();

    public ValueTask DisposeAsync() => Inner.DisposeAsync();
}

[Collection(HostCollection.Name)]
public sealed class AlipayJourneyTests(AlipayBrowserApp app) : IClassFixture<AlipayBrowserApp>
{
    [Fact]
    public async Task Owner_Recharges100ByAlipay_PaysAtTheSimulator_WithdrawsBackToAlipay_AndStaffSeeTheRefund()
    {
        var page = await app.Inner.NewPageAsync();
        await Journey.SignInAsync(page, DemoSeeder.Owner.Email, DemoSeeder.Owner.Password);
        var before = (await page.Locator("[data-testid=appbar-balance]").InnerTextAsync()).Trim();

        await page.GotoAsync("/recharge");
        await Journey.WaitForInteractiveAsync(page);
        await page.Locator("[data-testid=recharge-amount] input").FillAsync("100");
        await page.GetByText("支付宝").ClickAsync();
        await page.Locator("[data-testid=recharge-ack] input").CheckAsync();
        await Assertions.Expect(page.Locator("[data-testid=recharge-submit]")).ToBeEnabledAsync();
        await page.Locator("[data-testid=recharge-submit]").ClickAsync();

        // The signed alipay.trade.page.pay request is accepted by the simulator, which shows its cashier.
        await page.WaitForURLAsync(url => url.Contains("/alipay-sim/cashier/", StringComparison.Ordinal));
        await Journey.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=alipay-sim-amount]")).ToHaveTextAsync("¥100.00");
        await Assertions.Expect(page.Locator("[data-testid=alipay-sim-cashier]")).ToContainTextAsync("支付宝模拟器");
        await Journey.ScreenshotAsync(page, "alipay-01-simulator-cashier");
        await page.Locator("[data-testid=alipay-sim-pay]").ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("/recharge/return/", StringComparison.Ordinal));
        var rechargeId = page.Url.Split("/recharge/return/")[1][..36];
        await Journey.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=recharge-status]")).ToContainTextAsync("成功");
        Assert.Equal("¥5,000.00", before);
        await Assertions.Expect(page.Locator("[data-testid=appbar-balance]")).ToHaveTextAsync("¥5,100.00");
        await Journey.ScreenshotAsync(page, "alipay-02-credited");

        await page.GotoAsync("/withdraw");
        await Journey.WaitForInteractiveAsync(page);
        await page.Locator(Journey.Field("withdraw-amount")).FillAsync("100");
        await Assertions.Expect(page.Locator("[data-testid=withdraw-submit]")).ToBeEnabledAsync();
        await page.Locator("[data-testid=withdraw-submit]").ClickAsync();
        await page.Locator("[data-testid=confirm-ok]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=withdrawals]")).ToContainTextAsync("100.00");
        await page.ReloadAsync();
        await Journey.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=appbar-balance]")).ToHaveTextAsync("¥5,000.00");

        var staff = await app.Inner.NewPageAsync();
        await Journey.SignInAsync(staff, DemoSeeder.Support.Email, DemoSeeder.Support.Password);
        await staff.GotoAsync("/staff/withdrawals");
        await Journey.WaitForInteractiveAsync(staff);
        var row = staff.Locator("[data-testid=pending-withdrawals] tr", new() { HasText = "¥100.00" }).First;
        await row.GetByRole(AriaRole.Button, new() { Name = "通过" }).ClickAsync();
        await staff.Locator("[data-testid=confirm-ok]").ClickAsync();
        await Assertions.Expect(staff.Locator(".mud-snackbar")).ToBeVisibleAsync();

        // The refund went to Alipay (the simulator) by alipay.trade.refund and is recorded on the recharge.
        await staff.GotoAsync($"/staff/recharges/{rechargeId}");
        await Journey.WaitForInteractiveAsync(staff);
        await Assertions.Expect(staff.Locator("[data-testid=gateway-refunds]")).ToContainTextAsync("已退款");
        await Assertions.Expect(staff.Locator("[data-testid=gateway-events]")).ToContainTextAsync("refund_fee");
        await Journey.ScreenshotAsync(staff, "alipay-03-staff-recharge-refunded");
    }
}
