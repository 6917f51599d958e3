using System.Net.Http.Headers;
using System.Net.Http.Json;
using BillingConsole.Integration.Tests.Infrastructure;
using BillingConsole.Integration.Tests.Metering;
using BillingConsole.Web.Features.Demo;

namespace BillingConsole.Integration.Tests.Browser;

[Collection(HostCollection.Name)]
public sealed class MeteringJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Owner_CreatesApiKey_SeesItOnce_ScriptSendsUsage_OwnerSeesUsageAndExportsCsv()
    {
        var page = await app.NewPageAsync();
        await Journey.SignInAsync(page, DemoSeeder.Owner.Email, DemoSeeder.Owner.Password);

        await page.GotoAsync("/settings");
        await Journey.WaitForInteractiveAsync(page);
        await page.FillAsync("#api-key-name", "Verification service");
        await page.ClickAsync("[data-testid=api-key-create]");
        var secretBox = page.Locator("#api-key-secret");
        await secretBox.WaitForAsync();
        var key = await secretBox.InputValueAsync();
        await Journey.ScreenshotAsync(page, "metering-01-api-key-shown-once");
        await page.ClickAsync("[data-testid=api-key-done]");
        await secretBox.WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Detached });
        Assert.StartsWith("bck_", key);
        Assert.DoesNotContain(key, await page.ContentAsync());
        Assert.Contains("Verification service", await page.Locator("[data-testid=api-keys-table]").InnerTextAsync());

        using var script = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var events = Enumerable.Range(0, 12).Select(i => UsageApi.Event($"journey-{i}", i < 9 ? "RP" : "FV", i % 4 == 3 ? "abandoned" : "passed"));
        var answer = await UsageApi.ReadAsync(await script.PostAsJsonAsync("/api/v1/usage/events", UsageApi.Batch(events)));
        Assert.Equal(12, answer.Accepted);

        await page.GotoAsync("/usage");
        await Journey.WaitForInteractiveAsync(page);
        var table = page.Locator("[data-testid=usage-table]");
        await table.WaitForAsync();
        await Journey.ScreenshotAsync(page, "metering-02-usage");
        var text = await table.InnerTextAsync();
        Assert.Contains("实人认证", text); // services by name (issue #15)
        Assert.Contains("活体人脸验证", text);
        Assert.True(await page.Locator("[data-testid=usage-chart] svg").First.IsVisibleAsync());

        var csv = await page.Context.APIRequest.GetAsync(app.BaseUrl + "/usage/export.csv");
        Assert.Equal(200, csv.Status);
        var body = await csv.TextAsync();
        Assert.Contains("usageDay,service,serviceName,billable,notBillable", body);
        Assert.Contains(",RP,实人认证,7,2", body);
        Assert.Contains(",FV,活体人脸验证,2,1", body);
    }

    [Fact]
    public async Task UsageExport_Anonymous_IsNotServed()
    {
        var page = await app.NewPageAsync();

        var response = await page.Context.APIRequest.GetAsync(app.BaseUrl + "/usage/export.csv",
            new() { MaxRedirects = 0 });

        Assert.NotEqual(200, response.Status);
    }
}
