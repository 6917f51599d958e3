using BillingConsole.Domain.Common;
using BillingConsole.Domain.Forecasts;

namespace BillingConsole.Domain.Tests.Forecasts;

/// <summary>SPEC F2 (once per crossing, one recovered) and F3 (each budget alert once a month).</summary>
public sealed class ForecastAlertEvaluatorTests
{
    private static readonly DateOnly Today = new(2026, 12, 10);
    private static readonly DateTime Now = new(2026, 12, 10, 2, 0, 0, DateTimeKind.Utc);

    private static Forecast Balance(decimal balance, decimal weekSpend, params PackUsageInput[] packs) =>
        ForecastCalculator.Calculate(Today, Money.Yuan(balance), Money.Yuan(weekSpend), new DateOnly(2026, 1, 1), packs);

    private static ForecastAlertRule Rule(bool balance = true, bool packs = true, long? budget = null)
    {
        var rule = ForecastAlertRule.CreateDefault(Guid.NewGuid(), Now);
        rule.Configure(balance, 7, packs, 7, budget, [50, 80, 100], Now);
        return rule;
    }

    private static IReadOnlyList<ForecastAlert> Run(ForecastAlertRule rule, Forecast f, decimal mtd = 0, bool mayAlert = true,
        string month = "2026-12") => ForecastAlertEvaluator.Evaluate(rule, f, Money.Yuan(mtd), month, 22, mayAlert);

    [Fact]
    public void Off_by_default()
    {
        var rule = ForecastAlertRule.CreateDefault(Guid.NewGuid(), Now);
        Assert.Empty(ForecastAlertEvaluator.Evaluate(rule, Balance(10m, 70m), Money.Zero, "2026-12", 22, true));
    }

    [Fact]
    public void Balance_runs_out_alerts_once_per_crossing_and_recovers_once()
    {
        var rule = Rule();
        var first = Assert.Single(Run(rule, Balance(50m, 70m))); // ¥10 a day, 5 days ≤ 7
        Assert.Equal(ForecastAlertKind.BalanceRunsOut, first.Kind);
        Assert.Equal(5, first.Days);
        Assert.Empty(Run(rule, Balance(40m, 70m))); // still inside: nothing more
        Assert.Equal(ForecastAlertKind.BalanceRecovered, Assert.Single(Run(rule, Balance(500m, 70m))).Kind);
        Assert.Empty(Run(rule, Balance(500m, 70m))); // recovered once
        Assert.Equal(ForecastAlertKind.BalanceRunsOut, Assert.Single(Run(rule, Balance(30m, 70m))).Kind); // a new crossing
    }

    [Fact]
    public void A_recharge_reports_only_the_recovery()
    {
        var rule = Rule();
        Run(rule, Balance(50m, 70m));
        Assert.Empty(Run(rule, Balance(20m, 70m), mayAlert: false));
        Assert.Equal(ForecastAlertKind.BalanceRecovered, Assert.Single(Run(rule, Balance(200m, 70m), mayAlert: false)).Kind);
    }

    [Fact]
    public void Zero_spend_never_alerts()
    {
        Assert.Empty(Run(Rule(), Balance(0m, 0m)));
    }

    [Fact]
    public void Each_pack_type_alerts_once_and_recovers_once()
    {
        var rule = Rule(balance: false);
        var alerts = Run(rule, Balance(100m, 0m, new PackUsageInput("cdn", 500, 700), new PackUsageInput("sms", 10_000, 70)));
        var cdn = Assert.Single(alerts);
        Assert.Equal((ForecastAlertKind.PackRunsOut, "cdn", 5), (cdn.Kind, cdn.PackTypeCode, cdn.Days));
        Assert.Empty(Run(rule, Balance(100m, 0m, new PackUsageInput("cdn", 400, 700))));
        var back = Assert.Single(Run(rule, Balance(100m, 0m, new PackUsageInput("cdn", 10_400, 700)), mayAlert: false));
        Assert.Equal((ForecastAlertKind.PackRecovered, "cdn"), (back.Kind, back.PackTypeCode));
    }

    [Fact]
    public void Budget_percentages_and_forecast_each_once_a_month()
    {
        var rule = Rule(balance: false, packs: false, budget: 1_000_000); // ¥100
        Assert.Empty(Run(rule, Balance(1000m, 0m), mtd: 40m));
        var half = Assert.Single(Run(rule, Balance(1000m, 0m), mtd: 55m));
        Assert.Equal((ForecastAlertKind.BudgetPercent, 50), (half.Kind, half.Percent));
        Assert.Empty(Run(rule, Balance(1000m, 0m), mtd: 60m));
        // ¥85 so far and ¥1 a day for the 22 days left: 80 % now, and ¥107 forecast over the budget.
        var both = Run(rule, Balance(1000m, 7m), mtd: 85m);
        Assert.Equal([ForecastAlertKind.BudgetPercent, ForecastAlertKind.BudgetForecast], both.Select(a => a.Kind));
        Assert.Equal(80, both[0].Percent);
        Assert.Equal(Money.Yuan(107m), both[1].MonthEndForecast);
        Assert.Empty(Run(rule, Balance(1000m, 7m), mtd: 90m));
        Assert.Equal(100, Assert.Single(Run(rule, Balance(1000m, 0m), mtd: 100m)).Percent);
        // A new month starts over.
        Assert.Equal(100, Run(rule, Balance(1000m, 0m), mtd: 120m, month: "2027-01")[0].Percent);
    }
}
