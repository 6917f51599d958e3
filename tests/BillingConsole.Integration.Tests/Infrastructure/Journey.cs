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
    /// Waits until the Blazor circuit has taken over the page: the layout marks itself interactive after its first
    /// interactive render, so the prerendered DOM has been replaced. A click or keystroke on the prerendered page
    /// before that is lost (STACK.md).
    /// </summary>
    public static async Task WaitForInteractiveAsync(IPage page)
    {
        await page.Locator("[data-testid=circuit][data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>From the staff home: finds the account by name and opens its staff page, ready for its buttons.</summary>
    public static async Task OpenStaffAccountAsync(IPage page, string search, string accountName)
    {
        await page.GotoAsync("/staff");
        await WaitForInteractiveAsync(page);
        await page.Locator(Field("account-search")).FillAsync(search);
        await page.ClickAsync("[data-testid=account-search-button]");
        await page.GetByRole(AriaRole.Link, new() { Name = accountName }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/staff/accounts/", StringComparison.Ordinal));
        await WaitForInteractiveAsync(page);
        await page.Locator("[data-testid=impersonate]").WaitForAsync();
    }

    /// <summary>
    /// Opens the impersonation dialog and types the reason until the server has it: MudBlazor's counter ("38 / 500")
    /// is rendered by the circuit, so once it shows the reason's length a click on Confirm cannot race the input. In
    /// about one run in ten on PostgreSQL the first typing right after the dialog opened never reached the counter
    /// (the cause was not found; a person types far slower than Playwright), so it is typed again, and said so.
    /// </summary>
    public static async Task FillImpersonationReasonAsync(IPage page, string reason)
    {
        await page.Locator("[data-testid=impersonate]").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        for (var attempt = 1; ; attempt++)
        {
            await dialog.Locator("textarea").FillAsync(reason);
            try
            {
                await Assertions.Expect(dialog).ToContainTextAsync($"{reason.Length} / 500", new() { Timeout = 5_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
                var value = await dialog.Locator("textarea").InputValueAsync();
                Console.WriteLine($"Impersonation reason not yet on the server (attempt {attempt}, field shows '{value}'): typing it again.");
                await dialog.Locator("textarea").FillAsync("");
            }
        }
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

    /// <summary>MudTextField puts a data-testid on its input element; a wrapping div carries it on the outside.</summary>
    public static string Field(string testId) =>
        $":is(input,textarea)[data-testid={testId}], [data-testid={testId}] :is(input,textarea)";

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
