using BillingConsole.Integration.Tests.Infrastructure;
using BillingConsole.Web.Features.Demo;

namespace BillingConsole.Integration.Tests.Browser;

[Collection(HostCollection.Name)]
public sealed class FoundationJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Owner_SignsIn_SeesTheBalanceInTheAppBarAndOverview()
    {
        var page = await app.NewPageAsync();

        await Journey.SignInAsync(page, DemoSeeder.Owner.Email, DemoSeeder.Owner.Password);
        await Journey.ScreenshotAsync(page, "foundation-01-overview");

        Assert.Equal("¥5,000.00", (await page.Locator("[data-testid=appbar-balance]").InnerTextAsync()).Trim());
        Assert.Equal("¥5,000.00", (await page.Locator("[data-testid=overview-balance]").InnerTextAsync()).Trim());
        Assert.Contains("正常", await page.Locator("[data-testid=account-status]").First.InnerTextAsync());
    }

    [Fact]
    public async Task SignInPage_LooksLikeTheConsole()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/Account/Login");
        await Journey.ScreenshotAsync(page, "foundation-00-sign-in");

        Assert.True(await page.Locator(".auth-card").IsVisibleAsync());
    }

    [Fact]
    public async Task Support_SignsIn_SeesTheStaffConsoleNavigation()
    {
        var page = await app.NewPageAsync();

        await Journey.SignInAsync(page, DemoSeeder.Support.Email, DemoSeeder.Support.Password);
        await page.GotoAsync("/staff");
        await Journey.WaitForInteractiveAsync(page);
        await Journey.ScreenshotAsync(page, "foundation-02-staff");

        Assert.True(await page.GetByText("运营后台").First.IsVisibleAsync());
        Assert.Equal(0, await page.GetByText("充值", new() { Exact = true }).CountAsync());
    }
}
