using BillingConsole.Integration.Tests.Infrastructure;
using BillingConsole.Integration.Tests.QuotaAlerts;
using BillingConsole.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace BillingConsole.Integration.Tests.EndToEnd;

/// <summary>Issue #8: the dialogs work from the keyboard alone (no mouse anywhere in this test).</summary>
[Collection(HostCollection.Name)]
public sealed class KeyboardTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Batch = "input[data-testid=batch-percent], [data-testid=batch-percent] input";
    private const string RowPercent = "tr[data-pack-type=RP_CALLS] input:not([type=checkbox])";

    [Fact]
    public async Task QuotaAlertDialog_OpensWithEnter_EscapeCancels_EnterOnConfirmSaves()
    {
        await using (var db = app.Factory.CreateDbContext())
        {
            var accountId = (await db.Users.SingleAsync(u => u.Email == DemoSeeder.Owner.Email)).AccountId!.Value;
            await AlertPacks.GrantAsync(app.Factory, accountId, "RP_CALLS");
        }
        var page = await app.NewPageAsync();
        await Journey.SignInAsync(page, DemoSeeder.Owner.Email, DemoSeeder.Owner.Password);
        await page.GotoAsync("/packs");
        await Journey.WaitForInteractiveAsync(page);

        await OpenWithKeyboardAsync(page);
        await Journey.ScreenshotAsync(page, "keyboard-01-dialog-open");
        Assert.True(await IsFocusInsideDialogAsync(page), "focus should move into the dialog when it opens");
        await TabToAsync(page, Batch);
        await page.Keyboard.TypeAsync("15");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await Journey.ScreenshotAsync(page, "keyboard-02-escaped");

        await OpenWithKeyboardAsync(page);
        Assert.Equal("30", await page.Locator(RowPercent).InputValueAsync()); // nothing was saved
        await TabToAsync(page, Batch);
        await page.Keyboard.TypeAsync("15");
        await TabToAsync(page, "[data-testid=batch-apply]");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(RowPercent)).ToHaveValueAsync("15");
        await TabToAsync(page, "[data-testid=alert-confirm]");
        await Journey.ScreenshotAsync(page, "keyboard-03-confirm-focused");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByText("额度预警已保存").WaitForAsync();
        await Assertions.Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);

        await OpenWithKeyboardAsync(page);
        Assert.Equal("15", await page.Locator(RowPercent).InputValueAsync());
        await Journey.ScreenshotAsync(page, "keyboard-04-saved");
    }

    private static async Task OpenWithKeyboardAsync(IPage page)
    {
        await page.FocusAsync("[data-testid=open-quota-alert]");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("[data-testid=alert-row]").First.WaitForAsync();
    }

    private static Task<bool> IsFocusInsideDialogAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.activeElement?.closest('.mud-dialog') !== null");

    /// <summary>Presses Tab until the element matching <paramref name="selector"/> has the focus (at most 30 times).</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < 30; i++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) === true", selector)) return;
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"Tab never reached {selector}");
    }
}
