using BillingConsole.Web.Features.Forecasts;
using BillingConsole.Web.Tests.Features.Settlement;
using BillingConsole.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BillingConsole.Web.Tests.Features.Forecasts;

/// <summary>The overview's forecast card and the packs page's forecast table (SPEC F1).</summary>
public sealed class ForecastCardTests : BillingTestContext
{
    [Fact]
    public async Task Shows_days_left_the_date_the_average_and_the_course_and_the_pack_forecast()
    {
        await using var s = await SettlementScenario.CreateAsync();
        var account = await s.OpenAccountAsync(100m);
        await s.AddPackAsync(account, "FV_CALLS", 100, SettlementScenario.Calendar.ToUtc(new DateTime(2026, 11, 1)));
        foreach (var day in new[] { 24, 25, 26 })
        {
            await s.UsageAsync(account, "RP", new DateTime(2026, 11, day, 12, 0, 0), 10);
            await s.UsageAsync(account, "FV", new DateTime(2026, 11, day, 12, 0, 0), 10);
        }
        await s.JobHandler().HandleAsync(default);
        Services.AddSingleton(new GetForecastHandler(s.Database, s.Clock, SettlementScenario.Calendar));

        var card = Render<ForecastCard>(p => p.Add(c => c.AccountId, account));
        card.WaitForAssertion(() => Assert.Contains("7 days", card.Find("[data-testid=forecast-days]").TextContent));
        Assert.Contains("2026-12-04", card.Find("[data-testid=forecast-date]").TextContent);
        Assert.Equal("¥10.00", card.Find("[data-testid=forecast-average]").TextContent);
        Assert.NotNull(card.Find("[data-testid=forecast-chart]"));

        var table = Render<PackForecastTable>(p => p.Add(c => c.AccountId, account));
        table.WaitForAssertion(() => Assert.Single(table.FindAll("[data-testid=pack-forecast-row]")));
        var row = table.Find("[data-testid=pack-forecast-row]").TextContent;
        Assert.Contains("70", row);
        Assert.Contains("10", row);
        Assert.Contains("2026-12-04", row);
    }
}
