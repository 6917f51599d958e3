using BillingConsole.Domain.QuotaAlerts;
using BillingConsole.Integration.Tests.Infrastructure;
using BillingConsole.Integration.Tests.QuotaAlerts;
using BillingConsole.Web.Features.Demo;
using BillingConsole.Web.Features.QuotaAlerts;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BillingConsole.Integration.Tests.Browser;

/// <summary>Issue 15: the quota-alert dialog from the keyboard alone, with axe (all rules, all impacts) on the dialog
/// and on the message center, and staff landing on the staff console.</summary>
[Collection(HostCollection.Name)]
public sealed class QuotaAlertKeyboardJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Issue15_KeyboardOnly_OpensTheDialog_SetsTheBatchValue_Confirms_AndFindsItSaved()
    {
        var page = await app.NewPageAsync();
        var accountId = await OwnerAccountAsync();
        var rp = await AlertPacks.GrantAsync(app.Factory, accountId, "RP_CALLS");
        await AlertPacks.GrantAsync(app.Factory, accountId, "IOT_CONNECTION");
        await Journey.SignInAsync(page, DemoSeeder.Owner.Email, DemoSeeder.Owner.Password);
        await page.GotoAsync("/settings/alerts");
        await Journey.WaitForInteractiveAsync(page);

        await TabToAsync(page, "open-quota-alert");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("[data-testid=alert-row]").First.WaitForAsync();
        await Assertions.Expect(page.Locator(".mud-dialog")).ToContainTextAsync("批量设置剩余额度比例");
        await AssertNoAxeViolationsAsync(page.Locator(".mud-dialog"), "quota alert dialog");

        await TabToAsync(page, "batch-percent");
        await page.Keyboard.TypeAsync("25");
        await Assertions.Expect(page.Locator(Journey.Field("row-percent")).First).ToHaveValueAsync("25");
        await Assertions.Expect(page.Locator(Journey.Field("row-percent")).Last).ToHaveValueAsync("25");
        await page.Mouse.MoveAsync(0, 0);
        var shot = await Journey.ScreenshotAsync(page, "quota-alert-dialog");
        Console.WriteLine($"Dialog screenshot: {shot}");
        await TabToAsync(page, "alert-close"); // the ✕ is in the Tab order (the focus trap wraps round to it)
        await TabToAsync(page, "alert-confirm");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByText("额度预警已保存").WaitForAsync();
        await Assertions.Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);

        var saved = await app.Factory.Services.GetRequiredService<GetQuotaAlertSettingsHandler>().HandleAsync(accountId, default);
        Assert.All(saved.Where(s => s.Supported), s => Assert.Equal((true, 25), (s.Enabled, s.ThresholdPercent)));
        await TabToAsync(page, "open-quota-alert");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(Journey.Field("row-percent")).First).ToHaveValueAsync("25");
        await page.Keyboard.PressAsync("Escape");

        // A message to show: the pack falls below 25 %; the message center passes axe with every rule.
        await AlertPacks.DeductToPercentAsync(app.Factory, rp, 10);
        await app.Factory.Services.GetRequiredService<EvaluateQuotaAlertsHandler>()
            .HandleAsync(accountId, QuotaAlertTrigger.Deduction, default);
        await page.GotoAsync("/messages");
        await Journey.WaitForInteractiveAsync(page);
        await page.Locator("[data-testid=message]").First.WaitForAsync();
        await AssertNoAxeViolationsAsync(page.Locator(".mud-main-content"), "/messages");
    }

    [Fact]
    public async Task Issue15_13_SupportAndAdmin_LandOnTheStaffConsole()
    {
        foreach (var login in new[] { DemoSeeder.Support, DemoSeeder.Admin })
        {
            var page = await app.NewPageAsync();
            await Journey.SignInAsync(page, login.Email, login.Password);
            await page.GotoAsync("/");
            await page.WaitForURLAsync(url => url.EndsWith("/staff", StringComparison.Ordinal));
            await Journey.WaitForInteractiveAsync(page);
            await page.Locator(Journey.Field("account-search")).WaitForAsync();
            await page.Context.CloseAsync();
        }
    }

    private async Task<Guid> OwnerAccountAsync()
    {
        await using var db = app.Factory.CreateDbContext();
        return (await db.Users.SingleAsync(u => u.Email == DemoSeeder.Owner.Email)).AccountId!.Value;
    }

    /// <summary>Presses Tab until the focused element (or its nearest data-testid ancestor) is the one named.</summary>
    private static async Task TabToAsync(IPage page, string testId)
    {
        var seen = new List<string?>();
        for (var i = 0; i < 60; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string?>(
                "() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? document.activeElement?.tagName");
            if (focused == testId) return;
            seen.Add(focused);
        }
        Assert.Fail($"Tab never reached {testId}; it went through {string.Join(", ", seen)}");
    }

    private static async Task AssertNoAxeViolationsAsync(ILocator scope, string where)
    {
        var result = await scope.RunAxe();
        var problems = result.Violations
            .Select(v => $"{where}: {v.Id} ({v.Impact}) at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
