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
