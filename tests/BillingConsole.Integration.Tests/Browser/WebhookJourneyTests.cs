using BillingConsole.Integration.Tests.Infrastructure;
using BillingConsole.Integration.Tests.Webhooks;
using BillingConsole.Web.Features.Demo;
using BillingConsole.Web.Features.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BillingConsole.Integration.Tests.Browser;

/// <summary>
/// Issue #20 in the browser (zh-CN): the overview shows the forecast; an owner adds an endpoint (a receiver this test
/// hosts on loopback), copies the secret shown once, sends a test and sees it delivered in the log.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class WebhookJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Owner_SeesTheForecast_AddsAnEndpoint_SendsATest_AndSeesItDelivered()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var page = await app.NewPageAsync();
        await Journey.SignInAsync(page, DemoSeeder.Owner.Email, DemoSeeder.Owner.Password);

        await page.GotoAsync("/");
        await Journey.WaitForInteractiveAsync(page);
        var card = page.Locator("[data-testid=forecast-card]");
        await card.Locator("[data-testid=forecast-days]").WaitForAsync();
        Assert.Contains("预计可用天数", await card.InnerTextAsync());
        Assert.Contains("近 7 天日均消费", await card.InnerTextAsync());
        await Journey.ScreenshotAsync(page, "webhooks-01-overview-forecast");

        await page.GotoAsync("/settings/webhooks");
        await Journey.WaitForInteractiveAsync(page);
        await page.Locator("[data-testid=webhooks-empty]").WaitForAsync();
        await page.FillAsync("#webhook-url", receiver.Url);
        await page.ClickAsync("[data-testid=webhook-add-button]");
        await page.Locator("#webhook-secret").WaitForAsync();
        var secret = await page.Locator("#webhook-secret").InputValueAsync();
        Assert.StartsWith("whsec_", secret);
        receiver.Secrets.Add(secret);
        await Journey.ScreenshotAsync(page, "webhooks-02-secret-shown-once");
        await page.ClickAsync("[data-testid=webhook-secret-done]");
        await page.Locator("[data-testid=webhook-endpoint]").WaitForAsync();

        await page.ClickAsync("[data-testid=webhook-test]");
        await page.GetByText("测试事件已发出。").WaitForAsync();
        // The Hangfire server is off in tests: run the enqueued attempt as the worker would.
        await using (var db = app.Factory.CreateDbContext())
        {
            var deliver = app.Factory.Services.GetRequiredService<DeliverWebhookHandler>();
            foreach (var id in await db.WebhookMessages.Select(m => m.Id).ToListAsync()) await deliver.HandleAsync(id, default);
        }
        await page.ClickAsync("[data-testid=webhook-log-refresh]");
        await page.Locator("[data-testid=webhook-delivery][data-status=succeeded]").WaitForAsync();
        Assert.Equal("200", (await page.Locator("[data-testid=webhook-response-status]").First.InnerTextAsync()).Trim());
        Assert.Contains("成功", await page.Locator("[data-testid=webhook-delivery]").First.InnerTextAsync());
        await Journey.ScreenshotAsync(page, "webhooks-03-delivered");

        var got = Assert.Single(receiver.Deliveries);
        Assert.True(got.Verified, got.VerifyError);
    }
}
