using Microsoft.Playwright;

namespace BillingConsole.Integration.Tests.Infrastructure;

/// <summary>Steps every browser journey shares: signing in, waiting for the live circuit, screenshots.</summary>
public static class Journey
{
    public static string ScreenshotFolder { get; } = FindScreenshotFolder();

    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input\\.Email", email);
        await page.FillAsync("#Input\\.Password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        await WaitForInteractiveAsync(page);
    }

    /// <summary>
    /// Waits until the Blazor circuit is up; a click on the prerendered page before that is lost (STACK.md).
    /// </summary>
    public static async Task WaitForInteractiveAsync(IPage page)
    {
        await page.WaitForFunctionAsync(
            "() => window.Blazor !== undefined && document.querySelector('.mud-layout') !== null && " +
            "performance.getEntriesByType('resource').some(r => r.name.includes('_blazor'))");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>
    /// Fills the impersonation dialog's reason and waits until the server has it: MudBlazor's counter ("38 / 500") is
    /// rendered by the circuit, so once it shows the reason's length a click on confirm cannot race the input.
    /// </summary>
    public static async Task FillImpersonationReasonAsync(IPage page, string reason)
    {
        var dialog = page.Locator(".mud-dialog");
        await dialog.Locator("textarea").FillAsync(reason);
        await Assertions.Expect(dialog).ToContainTextAsync($"{reason.Length} / 500");
    }

    /// <summary>
    /// Confirms the impersonation dialog and waits for the full page load into the account. On a timeout it fails with
    /// what the page said instead (a field error in the dialog or a snackbar), which a bare navigation timeout hides.
    /// </summary>
    public static async Task ConfirmImpersonationAsync(IPage page)
    {
        await page.Locator("[data-testid=impersonation-confirm]").ClickAsync();
        try
        {
            await page.WaitForURLAsync(url => !url.Contains("/staff", StringComparison.Ordinal),
                new() { Timeout = 45_000 });
        }
        catch (TimeoutException e)
        {
            var said = await page.Locator(".mud-dialog, .mud-snackbar").AllInnerTextsAsync();
            await ScreenshotAsync(page, "failed-impersonation-" + DateTime.UtcNow.Ticks);
            throw new TimeoutException(
                $"Impersonation did not open the account; the page showed: [{string.Join(" | ", said)}]", e);
        }
        await WaitForInteractiveAsync(page);
    }

    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    private static string FindScreenshotFolder()
    {
        var configured = Environment.GetEnvironmentVariable("SCREENSHOT_DIR");
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BillingConsole.sln"))) dir = dir.Parent;
        var folder = configured ?? Path.Combine(dir?.FullName ?? Path.GetTempPath(), "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
