using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using BillingConsole.Domain.Common;
using BillingConsole.Integration.Tests.Infrastructure;
using BillingConsole.Integration.Tests.Metering;
using BillingConsole.Web.Features.Demo;
using BillingConsole.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BillingConsole.Integration.Tests.EndToEnd;

/// <summary>
/// Issue #8: the console walked as its users walk it, in Chromium (zh-CN), a screenshot per step under
/// artifacts/screenshots/e2e-*.png. The three journeys share the demo account, so balances are compared with
/// the balance before, never with absolute numbers.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class ConsoleJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Owner_Recharges_BuysAPack_SetsAlerts_ThenSeesUsageBillAlert_AndExportsBills()
    {
        var page = await app.NewPageAsync();
        await Journey.SignInAsync(page, DemoSeeder.Owner.Email, DemoSeeder.Owner.Password);
        await Journey.ScreenshotAsync(page, "e2e-01-owner-overview");
        var start = await BalanceAsync(page);

        await page.GotoAsync("/recharge");
        await Journey.WaitForInteractiveAsync(page);
        await page.Locator("[data-testid=recharge-amount] input").FillAsync("100");
        await page.GetByText("支付宝").ClickAsync();
        await page.Locator("[data-testid=recharge-ack] input").CheckAsync();
        await Journey.ScreenshotAsync(page, "e2e-02-recharge-form");
        await page.Locator("[data-testid=recharge-submit]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/sandbox/cashier/", StringComparison.Ordinal));
        await Journey.WaitForInteractiveAsync(page);
        await Journey.ScreenshotAsync(page, "e2e-03-sandbox-cashier");
        await page.Locator("[data-testid=cashier-pay]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/recharge/return/", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("[data-testid=recharge-status]")).ToContainTextAsync("成功");
        await Journey.ScreenshotAsync(page, "e2e-04-recharge-paid");

        await page.GotoAsync("/packs/buy");
        await Journey.WaitForInteractiveAsync(page);
        await page.Locator("[data-spec=FV_CALLS_1K] [data-testid=buy]").ClickAsync();
        await page.Locator("[data-testid=dialog-amount]").WaitForAsync();
        await Journey.ScreenshotAsync(page, "e2e-05-pack-confirm");
        await page.Locator("[data-testid=dialog-confirm]").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/packs", StringComparison.Ordinal));
        await page.Locator("[data-testid=pack-summary][data-packtype=FV_CALLS]").WaitForAsync();
        await Journey.WaitForInteractiveAsync(page);
        Assert.Equal(start + 100m - 160m, await BalanceAsync(page, "appbar-balance"));

        await page.ClickAsync("[data-testid=open-quota-alert]");
        await page.Locator("[data-testid=alert-row][data-pack-type=FV_CALLS]").WaitForAsync();
        await page.Locator(Journey.Field("batch-percent")).FillAsync("20");
        await page.ClickAsync("[data-testid=batch-apply]");
        await Journey.ScreenshotAsync(page, "e2e-06-quota-alert-batch-20");
        await page.ClickAsync("[data-testid=alert-confirm]");
        await page.GetByText("额度预警已保存").WaitForAsync();
        await Journey.ScreenshotAsync(page, "e2e-07-quota-alert-saved");

        var day = await UseTheApiTodayAndBillTomorrowAsync(page, 900);

        await page.GotoAsync("/usage");
        await Journey.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=usage-table]")).ToContainTextAsync("活体人脸验证");
        await Journey.ScreenshotAsync(page, "e2e-09-usage");

        await page.GotoAsync("/bills");
        await Journey.WaitForInteractiveAsync(page);
        await page.Locator("[data-testid=bill-toggle]").First.ClickAsync();
        await page.Locator("[data-testid=bill-detail]").WaitForAsync();
        Assert.Equal(day, (await page.Locator("[data-testid=bill-day]").First.InnerTextAsync()).Trim());
        await Assertions.Expect(page.Locator("[data-testid=bill-line]").First).ToContainTextAsync("活体人脸验证");
        await Journey.ScreenshotAsync(page, "e2e-10-bill");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=bills-export]").ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        // The pack covered all 900 calls (P4): used 900, deducted 900, billable 0.
        Assert.Contains($"{day},{day},FV,活体人脸验证,900,900,0,", csv);

        await page.GotoAsync("/messages");
        await Journey.WaitForInteractiveAsync(page);
        var message = page.Locator("[data-testid=message][data-kind=QuotaAlert], [data-testid=message]").First;
        await message.WaitForAsync();
        await Journey.ScreenshotAsync(page, "e2e-11-quota-alert-message");
        Assert.Contains("20%", await message.InnerTextAsync());
        Assert.Contains("100", await message.InnerTextAsync());
    }

    [Fact]
    public async Task Support_Impersonates_IsRefusedARecharge_AndEndsIt()
    {
        var page = await app.NewPageAsync();
        await Journey.SignInAsync(page, DemoSeeder.Support.Email, DemoSeeder.Support.Password);
        await Journey.OpenStaffAccountAsync(page, "Demo", DemoSeeder.DemoAccountName);
        await Journey.FillImpersonationReasonAsync(page, "Ticket 2048: customer cannot recharge");
        await Journey.ScreenshotAsync(page, "e2e-20-support-impersonate-reason");
        await Journey.ConfirmImpersonationAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=impersonation-banner]")).ToContainTextAsync(DemoSeeder.Owner.Email);
        await Journey.ScreenshotAsync(page, "e2e-21-support-impersonating");

        await page.GotoAsync("/recharge");
        await Journey.WaitForInteractiveAsync(page);
        await page.Locator("[data-testid=recharge-amount] input").FillAsync("50");
        await page.Locator("[data-testid=recharge-method]").GetByText("线下汇款").ClickAsync();
        // Issue 15: while impersonating, the write button is disabled with the reason as its tooltip; the server
        // refusal stays the guard (ReadOnlyWrites, bUnit tests).
        var submit = page.Locator("[data-testid=recharge-submit]");
        await Assertions.Expect(submit).ToBeDisabledAsync();
        await Assertions.Expect(submit).ToHaveAttributeAsync("data-read-only", "true");
        await page.Locator("[data-testid=read-only-reason]").First.HoverAsync();
        await Assertions.Expect(page.GetByText("客服正在以只读方式查看此账号").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=remittance-instructions]")).ToHaveCountAsync(0);
        await Journey.ScreenshotAsync(page, "e2e-22-support-recharge-disabled");

        await page.Locator("[data-testid=end-impersonation]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/staff/accounts/", StringComparison.Ordinal));
        await Journey.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=impersonation-banner]")).ToHaveCountAsync(0);
        await Journey.ScreenshotAsync(page, "e2e-23-support-ended");
    }

    [Fact]
    public async Task Admin_ConfirmsAnOfflineRemittance_AndTheOwnersBalanceGrows()
    {
        var owner = await app.NewPageAsync();
        await Journey.SignInAsync(owner, DemoSeeder.Owner.Email, DemoSeeder.Owner.Password);
        await owner.GotoAsync("/recharge");
        await Journey.WaitForInteractiveAsync(owner);
        await owner.Locator("[data-testid=recharge-amount] input").FillAsync("300");
        await owner.Locator("[data-testid=recharge-method]").GetByText("线下汇款").ClickAsync();
        await owner.Locator("[data-testid=recharge-submit]").ClickAsync();
        var code = (await owner.Locator("[data-testid=remittance-code]").InnerTextAsync()).Trim();
        await Journey.ScreenshotAsync(owner, "e2e-30-owner-remittance-order");
        var before = await BalanceAsync(owner, "appbar-balance");

        var admin = await app.NewPageAsync();
        await Journey.SignInAsync(admin, DemoSeeder.Admin.Email, DemoSeeder.Admin.Password);
        await admin.GotoAsync("/staff/remittances");
        await Journey.WaitForInteractiveAsync(admin);
        var row = admin.Locator("tr", new() { Has = admin.Locator("[data-testid=remittance-row-code]", new() { HasText = code }) });
        await Assertions.Expect(row.Locator(Journey.Field("remittance-received"))).ToHaveValueAsync("300.00");
        await Journey.ScreenshotAsync(admin, "e2e-31-admin-remittances");
        await row.Locator("[data-testid=remittance-confirm]").ClickAsync();
        await admin.Locator("[data-testid=confirm-ok]").WaitForAsync();
        await Journey.ScreenshotAsync(admin, "e2e-32-admin-confirm-dialog");
        await admin.Locator("[data-testid=confirm-ok]").ClickAsync();
        await Assertions.Expect(admin.Locator("[data-testid=remittance-row-code]", new() { HasText = code })).ToHaveCountAsync(0);
        await Journey.ScreenshotAsync(admin, "e2e-33-admin-credited");

        await owner.GotoAsync("/");
        await Journey.WaitForInteractiveAsync(owner);
        Assert.Equal(before + 300m, await BalanceAsync(owner));
        await Journey.ScreenshotAsync(owner, "e2e-34-owner-balance-grown");
    }

    /// <summary>
    /// The owner makes an API key in Settings, a script sends <paramref name="calls"/> billable FV calls made after the
    /// pack was bought (P4: a pack covers usage from its payment on), then the next day comes (the app's clock moves to
    /// 00:30 tomorrow in the billing zone) and daily billing and the alert sweep run as Hangfire would run them.
    /// Returns the billed day as yyyy-MM-dd.
    /// </summary>
    private async Task<string> UseTheApiTodayAndBillTomorrowAsync(IPage page, int calls)
    {
        var services = app.Factory.Services;
        var calendar = services.GetRequiredService<BillingCalendar>();

        await page.GotoAsync("/settings");
        await Journey.WaitForInteractiveAsync(page);
        await page.FillAsync("#api-key-name", "E2E verification service");
        await page.ClickAsync("[data-testid=api-key-create]");
        var key = await page.Locator("#api-key-secret").InputValueAsync();
        await Journey.ScreenshotAsync(page, "e2e-08-api-key");
        await page.ClickAsync("[data-testid=api-key-done]");

        // The calls fall between the pack's payment and now, all on today's billing day (even just after midnight).
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var today = calendar.DayOf(now);
        var from = new[] { await PackEffectiveAtAsync(), calendar.DayStartUtc(today) }.Max();
        var step = (now - from) / (calls + 1);
        var events = Enumerable.Range(1, calls).Select(i => UsageApi.Event($"e2e-fv-{i}", "FV", "passed", from + step * i));
        using var script = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var answer = await UsageApi.ReadAsync(await script.PostAsJsonAsync("/api/v1/usage/events", UsageApi.Batch(events)));
        Assert.Equal(calls, answer.Accepted);

        app.Clock.MoveTo(calendar.DayStartUtc(today.AddDays(1)).AddMinutes(30));
        await using var scope = services.CreateAsyncScope();
        var jobs = scope.ServiceProvider.GetRequiredService<JobRunner>();
        await jobs.RunAsync(RecurringJobs.DailyBilling, default);
        await jobs.RunAsync(RecurringJobs.AlertEvaluation, default);
        return today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>When the FV pack the journey just bought took effect (read, never written).</summary>
    private async Task<DateTime> PackEffectiveAtAsync()
    {
        await using var db = app.Factory.CreateDbContext();
        var accountId = await db.Accounts.Where(a => a.Name == DemoSeeder.DemoAccountName).Select(a => a.Id).SingleAsync();
        var effective = await db.ResourcePacks.Where(p => p.AccountId == accountId && p.SpecId == "FV_CALLS_1K")
            .Select(p => p.EffectiveAtUtc).SingleAsync();
        return DateTime.SpecifyKind(effective, DateTimeKind.Utc);
    }

    private static async Task<decimal> BalanceAsync(IPage page, string testId = "overview-balance") =>
        decimal.Parse((await page.Locator($"[data-testid={testId}]").InnerTextAsync()).Trim().Replace("¥", "").Replace(",", ""),
            CultureInfo.InvariantCulture);
}
