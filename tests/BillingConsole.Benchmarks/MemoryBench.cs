using System.Diagnostics;
using System.Net.WebSockets;
using Microsoft.Playwright;

namespace BillingConsole.Benchmarks;

/// <summary>
/// Resident size of the app idle, then per open console session. With Debian's Chromium (<c>/usr/bin/chromium</c> or
/// <c>CHROMIUM_PATH</c>) a session is real: its own browser context signs in as its own owner through the login form,
/// opens the overview and keeps the live Blazor Server circuit open. Without Chromium the figure falls back to a
/// simulated session (a GET plus a WebSocket to <c>/_blazor</c>), which is only a lower bound. The app runs in this
/// process (Chromium does not: it is a child process of Playwright's driver), so the baseline is this process before
/// the app starts; the per-session figures are deltas after a full garbage collection.
/// </summary>
internal static class MemoryBench
{
    private const string Password = "Owner#2026pw";

    public static async Task<IReadOnlyList<Row>> RunAsync(bool quick)
    {
        var sessions = quick ? 10 : 50;
        var before = Resident();
        await using var app = BenchApp.Start(staticWebAssets: true);
        var owners = new List<string>();
        for (var i = 0; i < sessions; i++) owners.Add((await app.NewAccountAsync(Password)).Email);
        using (var warm = app.Http()) await warm.GetAsync("/Account/Login");

        var chromium = new[] { Environment.GetEnvironmentVariable("CHROMIUM_PATH"), "/usr/bin/chromium" }
            .FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));
        return chromium is null
            ? await SimulatedAsync(app, sessions, before)
            : await RealSessionsAsync(app, chromium, owners, before);
    }

    private static async Task<IReadOnlyList<Row>> RealSessionsAsync(BenchApp app, string chromium, List<string> owners,
        long before)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
        });
        // One session signed in and closed first: JIT, the Razor component types and MudBlazor's caches are then paid
        // for in the idle figure, not charged to the first measured session.
        await (await OpenSessionAsync(browser, app.BaseUrl, owners[0])).CloseAsync();
        var (idle, idleHeap) = Settle();

        var contexts = new List<IBrowserContext>();
        foreach (var owner in owners) contexts.Add(await OpenSessionAsync(browser, app.BaseUrl, owner));
        var (loaded, loadedHeap) = Settle();
        var n = contexts.Count;
        // BENCH_PAUSE_SECONDS=60 keeps the sessions open for `dotnet-gcdump collect -p <pid>` (what a circuit holds).
        if (int.TryParse(Environment.GetEnvironmentVariable("BENCH_PAUSE_SECONDS"), out var pause))
        {
            Console.WriteLine($"  pid {Environment.ProcessId}: {n} sessions open for {pause} s");
            await Task.Delay(TimeSpan.FromSeconds(pause));
        }
        foreach (var c in contexts) await c.CloseAsync();

        return
        [
            IdleRow(idle, before),
            new Row($"per console session ({n} signed-in Chromium sessions on /)", $"{Report.N((loaded - idle) / n / 1024.0, "F0")} KiB resident",
                $"{Report.N((loadedHeap - idleHeap) / n / 1024.0, "F0")} KiB managed heap", "-", "recorded", true),
        ];
    }

    private static Row IdleRow(long idle, long before) =>
        new("resident size idle", $"{Report.N(idle / 1048576.0, "F0")} MiB", $"{Report.N(before / 1048576.0, "F0")} MiB before start",
            "-", "recorded", true);

    /// <summary>A browser context (own cookies, own circuit) signed in as <paramref name="email"/>, on the overview.</summary>
    private static async Task<IBrowserContext> OpenSessionAsync(IBrowser browser, string baseUrl, string email)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = "zh-CN" });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        // A missing script (e.g. an unmapped static asset) would otherwise surface only as a wait timing out.
        page.Response += (_, r) => { if (r.Status >= 400) Console.Error.WriteLine($"  {r.Status} {r.Url}"); };
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input\\.Email", email);
        await page.FillAsync("#Input\\.Password", Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        // The layout marks itself once its live circuit has taken over the page (as the browser tests wait for it).
        await page.Locator("[data-testid=circuit][data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.WaitForSelectorAsync("[data-testid=overview-balance]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        return context;
    }

    private static async Task<IReadOnlyList<Row>> SimulatedAsync(BenchApp app, int sessions, long before)
    {
        var (idle, _) = Settle();
        var sockets = new List<ClientWebSocket>();
        for (var i = 0; i < sessions; i++)
        {
            var socket = new ClientWebSocket();
            await socket.ConnectAsync(new Uri(app.BaseUrl.Replace("http://", "ws://") + "/_blazor?id=bench" + i), CancellationToken.None)
                .ContinueWith(_ => { }, TaskScheduler.Default);
            sockets.Add(socket);
            using var client = app.Http();
            await client.GetAsync("/Account/Login");
        }
        var (loaded, _) = Settle();
        foreach (var s in sockets) s.Dispose();
        return
        [
            IdleRow(idle, before),
            new Row($"per console session ({sessions}, simulated: no Chromium)", $"{Report.N((loaded - idle) / sessions / 1024.0, "F0")} KiB",
                $"{Report.N(idle / 1048576.0, "F0")} MiB idle", "-", "recorded (lower bound)", true),
        ];
    }

    /// <summary>Resident size and managed heap after a full, compacting collection.</summary>
    private static (long Resident, long Heap) Settle()
    {
        Thread.Sleep(1000);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Thread.Sleep(500);
        return (Resident(), GC.GetTotalMemory(forceFullCollection: true));
    }

    private static long Resident()
    {
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return self.WorkingSet64;
    }
}
