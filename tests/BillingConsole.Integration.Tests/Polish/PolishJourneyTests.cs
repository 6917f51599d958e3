using BillingConsole.Integration.Tests.Infrastructure;
using BillingConsole.Web.Features.Demo;
using Microsoft.Playwright;

namespace BillingConsole.Integration.Tests.Polish;

/// <summary>
/// Issue #15 (part B) in the browser, on the demo data: the culture of ?culture= survives the circuit, the overview's top
/// row, and the zh-CN screenshots committed under docs/screenshots (overview.png is the README's hero).
/// </summary>
[Collection(HostCollection.Name)]
public sealed class PolishJourneyTests(DemoBrowserApp app) : IClassFixture<DemoBrowserApp>
{
    [Fact]
    public async Task CultureQuery_StaysEnglishAfterTheCircuitStarts_AndHtmlLangMatches()
    {
        var page = await app.NewPageAsync(); // the browser asks for zh-CN
        await Journey.SignInAsync(page, DemoSeeder.Owner.Email, DemoSeeder.Owner.Password);

        await page.GotoAsync("/?culture=en-US");
        await Journey.WaitForInteractiveAsync(page);

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Overview");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en-US");
        Assert.DoesNotContain("概览", await page.Locator("main").InnerTextAsync());

        // The next page without the query keeps English: the choice is remembered for this browser.
        await page.GotoAsync("/bills");
        await Journey.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Bills");
    }

    [Fact]
    public async Task Overview_FourCardsInOneTopRow_ChartFullWidth()
    {
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(1440, 900);
        await Journey.SignInAsync(page, DemoSeeder.Owner.Email, DemoSeeder.Owner.Password);

        var cards = new[] { "balance-card", "mtd-card", "yesterday-card", "low-packs-card" };
        var boxes = new List<LocatorBoundingBoxResult>();
        foreach (var card in cards) boxes.Add((await page.Locator($"[data-testid={card}]").BoundingBoxAsync())!);
        var chart = (await page.Locator("[data-testid=spend-chart]").BoundingBoxAsync())!;
        var grid = (await page.Locator("[data-testid=overview-grid]").BoundingBoxAsync())!;

        Assert.All(boxes, b => Assert.InRange(b.Y, boxes[0].Y - 1, boxes[0].Y + 1));
        Assert.True(boxes.Zip(boxes.Skip(1)).All(p => p.First.X < p.Second.X), "the cards sit side by side, left to right");
        Assert.True(boxes[^1].X + boxes[^1].Width > grid.X + grid.Width * 0.9, "the row of cards fills the width");
        Assert.True(chart.Y > boxes.Max(b => b.Y + b.Height) - 1, "the chart is below the cards");
        Assert.True(chart.Width > grid.Width * 0.9, $"the chart is full width ({chart.Width} of {grid.Width})");
    }

    [Fact]
    public async Task Screenshots_ChinesePages_ShowNamesNotCodes()
    {
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(1440, 900);
        await Journey.SignInAsync(page, DemoSeeder.Owner.Email, DemoSeeder.Owner.Password);

        await Journey.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("概览");
        await DocScreenshotAsync(page, "overview");

        await OpenAsync(page, "/bills");
        await page.Locator("[data-testid=bill-toggle]").First.ClickAsync();
        await page.Locator("[data-testid=bill-detail]").WaitForAsync();
        var lines = await page.Locator("[data-testid=bill-detail]").InnerTextAsync();
        Assert.Contains("活体人脸验证", lines);
        Assert.DoesNotContain("FACE_COMPARE", lines);
        await DocScreenshotAsync(page, "bills");

        await OpenAsync(page, "/usage");
        var usage = await page.Locator("[data-testid=usage-table]").InnerTextAsync();
        Assert.Contains("人脸验证", usage);
        Assert.DoesNotContain("IOT_MESSAGES", usage);
        Assert.True(await page.Locator("[data-testid=usage-chart]").CountAsync() >= 2, "one chart per unit");
        await DocScreenshotAsync(page, "usage");

        await OpenAsync(page, "/messages");
        await DocScreenshotAsync(page, "messages");

        await OpenAsync(page, "/packs");
        await page.Locator("[data-testid=pack-expand]").First.ClickAsync();
        await page.Locator("[data-testid=pack-instance]").First.WaitForAsync();
        var packs = await page.Locator("main").InnerTextAsync();
        Assert.Contains("活体人脸验证流量包 1,000 次", packs);
        Assert.DoesNotContain("FV_CALLS_1K", packs);
        await DocScreenshotAsync(page, "packs");

        await OpenAsync(page, "/ledger");
        var ledger = await page.Locator("[data-testid=ledger-table]").InnerTextAsync();
        Assert.DoesNotMatch("Daily bill|Recharge by|Resource pack|Demo opening", ledger);
        Assert.Contains("时间", await page.Locator("[data-testid=ledger-table] th").First.InnerTextAsync());
    }

    private static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await Journey.WaitForInteractiveAsync(page);
    }

    /// <summary>A screenshot under artifacts/screenshots and, for the README and the issue, under docs/screenshots.</summary>
    private static async Task DocScreenshotAsync(IPage page, string name)
    {
        var path = await Journey.ScreenshotAsync(page, "zh-CN-" + name);
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BillingConsole.sln"))) dir = dir.Parent;
        if (dir is null) return;
        var docs = Path.Combine(dir.FullName, "docs", "screenshots");
        Directory.CreateDirectory(docs);
        File.Copy(path, Path.Combine(docs, name + ".png"), overwrite: true);
    }
}
