using BillingConsole.Domain.Common;
using BillingConsole.Domain.Metering;
using BillingConsole.Integration.Tests.Infrastructure;
using BillingConsole.Web.Features.Demo;
using BillingConsole.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BillingConsole.Integration.Tests.Browser;

[Collection(HostCollection.Name)]
public sealed class BillsJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    /// <summary>Yesterday's usage for the demo owner, as ingestion leaves it, then the daily billing job.</summary>
    private async Task<DateOnly> BillYesterdayAsync()
    {
        var services = app.Factory.Services;
        var calendar = services.GetRequiredService<BillingCalendar>();
        var yesterday = calendar.DayOf(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime).AddDays(-1);
        await using (var db = app.Factory.CreateDbContext())
        {
            var account = await db.Accounts.SingleAsync(a => a.Name == DemoSeeder.DemoAccountName);
            foreach (var (meter, quantity, hour) in new[] { ("FV", 7L, 9), ("FACE_COMPARE", 7L, 10), ("RP", 12L, 14) })
            {
                db.UsageHourlyRollups.Add(new UsageHourlyRollup
                {
                    AccountId = account.Id, MeterCode = meter, UsageDay = yesterday, BillableQuantity = quantity,
                    HourStartUtc = calendar.DayStartUtc(yesterday).AddHours(hour),
                });
            }
            await db.SaveChangesAsync();
        }
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<JobRunner>().RunAsync(RecurringJobs.DailyBilling, default);
        return yesterday;
    }

    [Fact]
    public async Task Owner_SeesYesterdaysBillWithLines_AndExportsCsv()
    {
        var page = await app.NewPageAsync();
        var yesterday = await BillYesterdayAsync();
        var day = yesterday.ToString("yyyy-MM-dd");

        await Journey.SignInAsync(page, DemoSeeder.Owner.Email, DemoSeeder.Owner.Password);
        await Journey.ScreenshotAsync(page, "settlement-01-overview");
        await page.GotoAsync("/bills");
        await Journey.WaitForInteractiveAsync(page);
        await page.Locator("[data-testid=bill-toggle]").First.ClickAsync();
        await page.Locator("[data-testid=bill-detail]").WaitForAsync();
        await Journey.ScreenshotAsync(page, "settlement-02-bills");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=bills-export]").ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());

        Assert.Equal(day, (await page.Locator("[data-testid=bill-day]").First.InnerTextAsync()).Trim());
        Assert.Equal("¥13.31", (await page.Locator("[data-testid=bill-payable]").First.InnerTextAsync()).Trim());
        Assert.Equal(3, await page.Locator("[data-testid=bill-line]").CountAsync());
        Assert.Contains($"{day},{day},FV,活体人脸验证,7,0,7,0.182,1.274,0.004,1.27,paid", csv);
        Assert.Contains($"{day},{day},FACE_COMPARE,人脸验证,7,0,7,0.006,0.042,0.002,0.04,paid", csv);
        Assert.Contains($"{day},{day},RP,实人认证,12,0,12,1.00,12.00,0.00,12.00,paid", csv);
    }
}
