using BillingConsole.Domain.Common;
using BillingConsole.Domain.Forecasts;

namespace BillingConsole.Domain.Tests.Forecasts;

/// <summary>SPEC F1 on worked examples. Today is 2026-12-10; the window is 12-03 … 12-09.</summary>
public sealed class ForecastCalculatorTests
{
    private static readonly DateOnly Today = new(2026, 12, 10);

    [Fact]
    public void Seven_full_days_divide_by_seven_and_floor_the_days_left()
    {
        // ¥70.00 over the 7 days → ¥10.00 a day; ¥95.00 lasts ⌊9.5⌋ = 9 days: runs out on 12-19.
        var f = ForecastCalculator.Calculate(Today, Money.Yuan(95m), Money.Yuan(70m), new DateOnly(2026, 10, 1), []);

        Assert.Equal(7, f.WindowDays);
        Assert.Equal(Money.Yuan(10m), f.AverageDailySpend);
        Assert.Equal(9, f.DaysOfBalanceLeft);
        Assert.Equal(new DateOnly(2026, 12, 19), f.BalanceRunsOutOn);
    }

    [Fact]
    public void First_billed_day_on_the_window_start_still_divides_by_seven()
    {
        var f = ForecastCalculator.Calculate(Today, Money.Yuan(10m), Money.Yuan(7m), new DateOnly(2026, 12, 3), []);

        Assert.Equal(7, f.WindowDays);
        Assert.Equal(Money.Yuan(1m), f.AverageDailySpend);
        Assert.Equal(10, f.DaysOfBalanceLeft);
    }

    [Fact]
    public void Fewer_than_seven_days_of_history_divide_by_the_days_since_the_first_billed_day()
    {
        // First billed usage day 12-07: 12-07, 12-08, 12-09 = 3 days; ¥30.00 ÷ 3 = ¥10.00; ¥25.00 lasts 2 days.
        var f = ForecastCalculator.Calculate(Today, Money.Yuan(25m), Money.Yuan(30m), new DateOnly(2026, 12, 7), []);

        Assert.Equal(3, f.WindowDays);
        Assert.Equal(Money.Yuan(10m), f.AverageDailySpend);
        Assert.Equal(2, f.DaysOfBalanceLeft);
        Assert.Equal(new DateOnly(2026, 12, 12), f.BalanceRunsOutOn);
    }

    [Fact]
    public void First_billed_day_yesterday_divides_by_one()
    {
        var f = ForecastCalculator.Calculate(Today, Money.Yuan(100m), Money.Yuan(12.5m), new DateOnly(2026, 12, 9), []);

        Assert.Equal(1, f.WindowDays);
        Assert.Equal(Money.Yuan(12.5m), f.AverageDailySpend);
        Assert.Equal(8, f.DaysOfBalanceLeft);
    }

    [Fact]
    public void Zero_spend_has_no_days_left_and_no_date()
    {
        var f = ForecastCalculator.Calculate(Today, Money.Yuan(100m), Money.Zero, new DateOnly(2026, 11, 1), []);

        Assert.Equal(Money.Zero, f.AverageDailySpend);
        Assert.Null(f.DaysOfBalanceLeft);
        Assert.Null(f.BalanceRunsOutOn);
    }

    [Fact]
    public void No_bills_ever_is_zero_spend()
    {
        var f = ForecastCalculator.Calculate(Today, Money.Yuan(100m), Money.Zero, null, []);

        Assert.Equal(7, f.WindowDays);
        Assert.Null(f.DaysOfBalanceLeft);
    }

    [Fact]
    public void A_spent_balance_runs_out_today()
    {
        var f = ForecastCalculator.Calculate(Today, Money.Yuan(-3m), Money.Yuan(7m), new DateOnly(2026, 1, 1), []);

        Assert.Equal(0, f.DaysOfBalanceLeft);
        Assert.Equal(Today, f.BalanceRunsOutOn);
    }

    [Fact]
    public void Days_left_are_exact_even_when_the_average_is_rounded()
    {
        // ¥1.00 over 7 days = ¥0.142857… a day (shown ¥0.1428); ¥1.00 lasts exactly 7 days, not ⌊1 ÷ 0.1428⌋ = 7.002….
        var f = ForecastCalculator.Calculate(Today, Money.Yuan(1m), Money.Yuan(1m), new DateOnly(2026, 1, 1), []);

        Assert.Equal(Money.FromUnits(1428), f.AverageDailySpend);
        Assert.Equal(7, f.DaysOfBalanceLeft);
    }

    [Fact]
    public void Each_pack_type_has_its_own_average_and_run_out_day_over_the_same_days()
    {
        // 3 days of history (first billed 12-07). CDN: 3,000 used → 1,000 a day, 2,500 left → 2 days (12-12).
        // SMS: 10 used → 3.3333 a day, 100 left → ⌊30⌋ = 30 days (01-09). OSS: nothing used → no date.
        var f = ForecastCalculator.Calculate(Today, Money.Yuan(50m), Money.Yuan(3m), new DateOnly(2026, 12, 7),
        [
            new PackUsageInput("sms", 100, 10),
            new PackUsageInput("cdn", 2_500, 3_000),
            new PackUsageInput("oss", 40, 0),
        ]);

        Assert.Equal(["cdn", "oss", "sms"], f.Packs.Select(p => p.PackTypeCode));
        var cdn = f.Packs[0];
        Assert.Equal(1_000m, cdn.AverageDailyUse);
        Assert.Equal(2, cdn.DaysLeft);
        Assert.Equal(new DateOnly(2026, 12, 12), cdn.RunsOutOn);
        Assert.Equal(0m, f.Packs[1].AverageDailyUse);
        Assert.Null(f.Packs[1].RunsOutOn);
        Assert.Equal(3.3333m, f.Packs[2].AverageDailyUse);
        Assert.Equal(new DateOnly(2027, 1, 9), f.Packs[2].RunsOutOn);
    }

    [Fact]
    public void An_empty_pack_in_use_runs_out_today()
    {
        var f = ForecastCalculator.Calculate(Today, Money.Zero, Money.Zero, null, [new PackUsageInput("cdn", 0, 70)]);

        Assert.Equal(10m, f.Packs[0].AverageDailyUse);
        Assert.Equal(Today, f.Packs[0].RunsOutOn);
    }

    [Fact]
    public void The_course_falls_by_the_average_each_day()
    {
        var f = ForecastCalculator.Calculate(Today, Money.Yuan(30m), Money.Yuan(70m), new DateOnly(2026, 1, 1), []);

        var course = f.Course(4);
        Assert.Equal([Money.Yuan(30m), Money.Yuan(20m), Money.Yuan(10m), Money.Zero], course.Select(c => c.Balance));
        Assert.Equal(Today.AddDays(3), course[3].Day);
    }
}
