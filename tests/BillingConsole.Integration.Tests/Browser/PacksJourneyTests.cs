using BillingConsole.Integration.Tests.Infrastructure;
using BillingConsole.Web.Features.Demo;
using BillingConsole.Web.Features.ResourcePacks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BillingConsole.Integration.Tests.Browser;

[Collection(HostCollection.Name)]
public sealed class PacksJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Owner_BuysAnFvPack_SeesItOnTheOverviewWithItsProgressBar_BalanceDown160()
    {
        var page = await app.NewPageAsync();
        await Journey.SignInAsync(page, DemoSeeder.Owner.Email, DemoSeeder.Owner.Password);

        // Other journeys in this class spend from the same demo account: compare with the balance before.
        var before = ParseYuan(await page.Locator("[data-testid=overview-balance]").InnerTextAsync());
        await page.GotoAsync("/packs/buy");
        await Journey.WaitForInteractiveAsync(page);
        await Journey.ScreenshotAsync(page, "packs-01-buy");
        await page.Locator("[data-spec=FV_CALLS_1K] [data-testid=buy]").ClickAsync();
        await page.Locator("[data-testid=dialog-amount]").WaitForAsync();
        Assert.Contains("¥160.00", await page.Locator("[data-testid=dialog-amount]").InnerTextAsync());
        await Journey.ScreenshotAsync(page, "packs-02-confirm");
        await page.Locator("[data-testid=dialog-confirm]").ClickAsync();

        await page.WaitForURLAsync(url => url.EndsWith("/packs", StringComparison.Ordinal));
        var summary = page.Locator("[data-testid=pack-summary][data-packtype=FV_CALLS]");
        await summary.WaitForAsync();
        await summary.Locator("[data-testid=pack-expand]").ClickAsync();
        await page.Locator("[data-testid=pack-instance]").First.WaitForAsync();
        await Journey.ScreenshotAsync(page, "packs-03-overview");

        Assert.Equal("100%", (await summary.Locator("[data-testid=summary-percent]").InnerTextAsync()).Trim());
        Assert.Equal("100", await summary.Locator(".mud-progress-linear [role=progressbar], [role=progressbar]").First.GetAttributeAsync("aria-valuenow"));
        Assert.Contains("活体人脸验证流量包 1,000 次", await page.Locator("[data-testid=pack-instance]").First.InnerTextAsync());

        await page.GotoAsync("/");
        await Journey.WaitForInteractiveAsync(page);
        Assert.Equal(before - 160m, ParseYuan(await page.Locator("[data-testid=overview-balance]").InnerTextAsync()));
    }

    private static decimal ParseYuan(string text) =>
        decimal.Parse(text.Trim().Replace("¥", "").Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Owner_BuysALicenceTakesATestLicence_AndSeesTheDeductionsPage()
    {
        var page = await app.NewPageAsync();
        await Journey.SignInAsync(page, DemoSeeder.Owner.Email, DemoSeeder.Owner.Password);

        await page.GotoAsync("/packs/licences");
        await Journey.WaitForInteractiveAsync(page);
        Assert.Contains("¥399.00", await page.Locator("[data-testid=licence-total]").InnerTextAsync());
        await page.Locator("[data-testid=licence-buy]").ClickAsync();
        await page.Locator("[data-testid=dialog-confirm]").ClickAsync();
        await page.Locator("[data-testid=licence]").First.WaitForAsync();
        await page.Locator("[data-testid=licence-test]").ClickAsync();
        await page.Locator("[data-testid=licence]").Nth(1).WaitForAsync();
        await Journey.ScreenshotAsync(page, "packs-04-licences");

        Assert.Equal(2, await page.Locator("[data-testid=licence]").CountAsync());
        Assert.Contains("剩余 1 个", await page.Locator("[data-testid=licence-test]").TextContentAsync()); // "(1 left)" in English

        await page.GotoAsync("/packs/deductions");
        await Journey.WaitForInteractiveAsync(page);
        await page.Locator("[data-testid=deductions-empty]").WaitForAsync();
        await Journey.ScreenshotAsync(page, "packs-05-deductions");
    }

    [Fact]
    public async Task Owner_UnsubscribesAFreshPack_ConfirmsTheRefundInADialog()
    {
        var page = await app.NewPageAsync();
        Guid accountId;
        await using (var db = app.Factory.CreateDbContext())
        {
            accountId = await db.Accounts.Where(a => a.Name == DemoSeeder.DemoAccountName).Select(a => a.Id).SingleAsync();
        }
        var bought = await app.Factory.Services.GetRequiredService<PurchasePackHandler>()
            .HandleAsync(new PurchasePackCommand(accountId, "RP_CALLS_1K"), default);
        Assert.True(bought.IsOk, bought.Error);
        await Journey.SignInAsync(page, DemoSeeder.Owner.Email, DemoSeeder.Owner.Password);

        await page.GotoAsync("/packs");
        await Journey.WaitForInteractiveAsync(page);
        await page.Locator("[data-testid=pack-summary][data-packtype=RP_CALLS] [data-testid=pack-expand]").ClickAsync();
        var row = page.Locator("[data-testid=pack-instance]:has([data-spec=RP_CALLS_1K])");
        await row.Locator("[data-testid=action-unsubscribe]").ClickAsync();
        await page.Locator("[data-testid=dialog-amount]").WaitForAsync();
        await Journey.ScreenshotAsync(page, "packs-06-unsubscribe");
        Assert.Contains("¥900.00", await page.Locator("[data-testid=dialog-amount]").InnerTextAsync());
        await page.Locator("[data-testid=dialog-confirm]").ClickAsync();

        await page.GetByText("已退订").First.WaitForAsync();
        Assert.Equal(0, await page.Locator("[data-testid=action-unsubscribe]").CountAsync());
    }
}
