using BillingConsole.Domain.Common;
using BillingConsole.Web.Features.Forecasts;
using BillingConsole.Web.Tests.Features.Settlement;

namespace BillingConsole.Web.Tests.Features.Forecasts;

/// <summary>SPEC F1 read from real bills and pack deductions written by daily billing.</summary>
public sealed class GetForecastHandlerTests
{
    [Fact]
    public async Task Three_billed_days_forecast_balance_and_pack_over_three_days()
    {
        await using var s = await SettlementScenario.CreateAsync();
        var account = await s.OpenAccountAsync(100m);
        await s.AddPackAsync(account, "FV_CALLS", 100, SettlementScenario.Calendar.ToUtc(new DateTime(2026, 11, 1)));
        foreach (var day in new[] { 24, 25, 26 })
        {
            await s.UsageAsync(account, "RP", new DateTime(2026, 11, day, 12, 0, 0), 10); // ¥1.00 a call
            await s.UsageAsync(account, "FV", new DateTime(2026, 11, day, 12, 0, 0), 10); // from the pack
        }
        await s.JobHandler().HandleAsync(default);

        var view = await new GetForecastHandler(s.Database, s.Clock, SettlementScenario.Calendar)
            .HandleAsync(account, default);

        // Today 11-27; first billed day 11-24 → ÷ 3. ¥30.00 ÷ 3 = ¥10.00; ¥70.00 left → 7 days → 12-04.
        var f = view!.Forecast;
        Assert.Equal(3, f.WindowDays);
        Assert.Equal(Money.Yuan(10m), f.AverageDailySpend);
        Assert.Equal(Money.Yuan(70m), f.CashBalance);
        Assert.Equal(7, f.DaysOfBalanceLeft);
        Assert.Equal(new DateOnly(2026, 12, 4), f.BalanceRunsOutOn);
        var pack = Assert.Single(view.Packs);
        Assert.Equal("FV_CALLS", pack.Forecast.PackTypeCode);
        Assert.Equal(70, pack.Forecast.Remaining);
        Assert.Equal(10m, pack.Forecast.AverageDailyUse);
        Assert.Equal(new DateOnly(2026, 12, 4), pack.Forecast.RunsOutOn);
    }

    [Fact]
    public async Task No_bills_no_date()
    {
        await using var s = await SettlementScenario.CreateAsync();
        var account = await s.OpenAccountAsync(5m);

        var view = await new GetForecastHandler(s.Database, s.Clock, SettlementScenario.Calendar)
            .HandleAsync(account, default);

        Assert.Equal(Money.Zero, view!.Forecast.AverageDailySpend);
        Assert.Null(view.Forecast.DaysOfBalanceLeft);
        Assert.Empty(view.Packs);
    }
}
