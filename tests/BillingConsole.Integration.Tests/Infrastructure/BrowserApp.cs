using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BillingConsole.Integration.Tests.Infrastructure;

/// <summary>
/// The app on a real Kestrel port plus Debian's Chromium driven by Playwright (never a downloaded browser).
/// Skips with a clear message where Chromium is missing; under CI (CI=true) a missing browser fails instead.
/// </summary>
public class BrowserApp : IAsyncLifetime
{
    private IPlaywright? playwright;

    /// <summary>Real time, movable forward by a journey that needs "tomorrow" (daily billing of today's usage).</summary>
    public ShiftableTimeProvider Clock { get; } = new();

    public BillingAppFactory Factory { get; }

    public BrowserApp() => Factory = new BillingAppFactory { ShiftableClock = Clock };

    /// <summary>The same with extra settings (a fixture of its own wraps it, as xunit wants one public constructor).</summary>
    internal BrowserApp(IEnumerable<KeyValuePair<string, string?>> settings) : this()
    {
        foreach (var (key, value) in settings) Factory.With(key, value);
    }
    public IBrowser? Browser { get; private set; }
    public string BaseUrl { get; private set; } = "";
    public string? SkipReason { get; private set; }

    public static string? FindChromium()
    {
        var candidates = new[] { Environment.GetEnvironmentVariable("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser" };
        return candidates.FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));
    }

    public async ValueTask InitializeAsync()
    {
        var chromium = FindChromium();
        if (chromium is null)
        {
            SkipReason = "Chromium not found (install Debian's chromium or set CHROMIUM_PATH); browser journeys skipped.";
            if (Environment.GetEnvironmentVariable("CI") == "true") throw new InvalidOperationException(SkipReason);
            return;
        }
        Factory.UseKestrel(0);
        Factory.StartServer();
        BaseUrl = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").TrimEnd('/');
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A fresh browser context (own cookies) with a desktop-sized page.</summary>
    public async Task<IPage> NewPageAsync()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? "");
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = 1366, Height = 860 },
            Locale = "zh-CN",
        });
        // Generous: a loaded 2-core CI machine once needed more than 20 s for a full page load after impersonation.
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        playwright?.Dispose();
        await Factory.DisposeAsync();
    }
}

/// <summary>The browser app with the demo data as `dotnet run` seeds it (a month of history), for the axe test and screenshots.</summary>
public sealed class DemoBrowserApp : BrowserApp
{
    public DemoBrowserApp() => Factory.With("Seed:DemoHistoryDays", "30");
}
