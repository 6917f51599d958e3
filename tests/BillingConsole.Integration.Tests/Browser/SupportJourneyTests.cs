using BillingConsole.Integration.Tests.Infrastructure;
using BillingConsole.Web.Features.Demo;
using Microsoft.Playwright;

namespace BillingConsole.Integration.Tests.Browser;

[Collection(HostCollection.Name)]
public sealed class SupportJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task I3_Support_ImpersonatesWithAReason_IsRefusedAWrite_Ends_AndFindsItAllInTheAuditLog()
    {
        var page = await app.NewPageAsync();
        var cspViolations = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy")) cspViolations.Add(m.Text); };

        await Journey.SignInAsync(page, DemoSeeder.Support.Email, DemoSeeder.Support.Password);
        await Journey.OpenStaffAccountAsync(page, "Demo", DemoSeeder.DemoAccountName);
        await Journey.FillImpersonationReasonAsync(page, "Ticket 1024: customer asks about the balance");
        await Journey.ScreenshotAsync(page, "support-01-impersonate-reason");
        await Journey.ConfirmImpersonationAsync(page);
        var banner = page.Locator("[data-testid=impersonation-banner]");
        await Assertions.Expect(banner).ToContainTextAsync(DemoSeeder.Support.Email);
        await Assertions.Expect(banner).ToContainTextAsync(DemoSeeder.Owner.Email);
        Assert.Equal("¥5,000.00", (await page.Locator("[data-testid=overview-balance]").InnerTextAsync()).Trim());
        await Journey.ScreenshotAsync(page, "support-02-impersonating-overview");

        await page.GetByRole(AriaRole.Link, new() { Name = "设置" }).ClickAsync();
        // Issue 15: write buttons are visibly disabled while impersonating, the reason is their tooltip; the server
        // refusal stays the guard (ReadOnlyWrites, bUnit tests).
        var create = page.Locator("[data-testid=api-key-create]");
        await Assertions.Expect(create).ToBeDisabledAsync();
        await Assertions.Expect(create).ToHaveAttributeAsync("data-read-only", "true");
        await page.Locator("[data-testid=read-only-reason]").First.HoverAsync();
        await Assertions.Expect(page.GetByText("客服正在以只读方式查看此账号").First).ToBeVisibleAsync();
        await Journey.ScreenshotAsync(page, "support-03-write-disabled");

        await banner.Locator("[data-testid=end-impersonation]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/staff/accounts/", StringComparison.Ordinal));
        await Journey.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=impersonation-banner]")).ToHaveCountAsync(0);
        await page.GotoAsync("/staff/audit");
        await Journey.WaitForInteractiveAsync(page);
        var audit = page.Locator("[data-testid=audit-table]");
        await Assertions.Expect(audit).ToContainTextAsync("impersonation.start");
        await Assertions.Expect(audit).ToContainTextAsync("impersonation.end");
        await Assertions.Expect(audit).ToContainTextAsync("/settings");
        Assert.True(await audit.GetByText("page.view").CountAsync() >= 2);
        await Journey.ScreenshotAsync(page, "support-04-audit-log");
        Assert.Empty(cspViolations);
    }
}
