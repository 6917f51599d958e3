using BillingConsole.Domain.Common;

namespace BillingConsole.Domain.Forecasts;

/// <summary>What one pack type used: its remaining quantity now and what was deducted from it in the window.</summary>
public sealed record PackUsageInput(string PackTypeCode, long Remaining, long DeductedInWindow);

/// <summary>The forecast of one pack type (SPEC F1): average daily deduction and the day the remaining runs out.</summary>
public sealed record PackForecast(string PackTypeCode, long Remaining, decimal AverageDailyUse, int? DaysLeft,
    DateOnly? RunsOutOn);

/// <summary>
/// The forecast (SPEC F1) over the last 7 ended days. <see cref="DaysOfBalanceLeft"/> and <see cref="BalanceRunsOutOn"/>
/// are null when nothing is spent (the balance never runs out at that rate).
/// </summary>
public sealed record Forecast(DateOnly Today, Money CashBalance, Money SpendInWindow, int WindowDays,
    Money AverageDailySpend, int? DaysOfBalanceLeft, DateOnly? BalanceRunsOutOn, IReadOnlyList<PackForecast> Packs)
{
    /// <summary>The balance at the start of each of the next <paramref name="days"/> days at the current rate.</summary>
    public IReadOnlyList<(DateOnly Day, Money Balance)> Course(int days) =>
        Enumerable.Range(0, days)
            .Select(i => (Today.AddDays(i), CashBalance - Money.FromUnits(AverageDailySpend.Units * i)))
            .ToList();
}

/// <summary>
/// SPEC F1 as plain arithmetic. The window is the 7 ended days before <c>today</c> (billing time zone). Average daily
/// spend = Σ payable of the window's bills ÷ 7; an account billed for the first time inside the window divides by the
/// days from its first billed usage day to the last ended day (at least 1), so a new account is not under-forecast.
/// Days left = ⌊balance ÷ average⌋ when the average is above 0: the balance pays for today and the days after, so it
/// runs out on <c>today + days left</c> (0 days, today, when it is already spent). Pack types use the same divisor.
/// The average shown is rounded down to the unit (a ten-thousandth of a yuan); days left are computed exactly.
/// </summary>
public static class ForecastCalculator
{
    public const int WindowDays = 7;

    /// <summary>The first and last usage day of the window for <paramref name="today"/>.</summary>
    public static (DateOnly From, DateOnly To) Window(DateOnly today) => (today.AddDays(-WindowDays), today.AddDays(-1));

    /// <summary>The divisor: 7, or fewer days when the first billed usage day falls inside the window; at least 1.</summary>
    public static int Divisor(DateOnly today, DateOnly? firstBilledDay)
    {
        var (from, to) = Window(today);
        if (firstBilledDay is not { } first || first <= from) return WindowDays;
        return Math.Max(1, to.DayNumber - first.DayNumber + 1);
    }

    public static Forecast Calculate(DateOnly today, Money cashBalance, Money spendInWindow, DateOnly? firstBilledDay,
        IEnumerable<PackUsageInput> packs)
    {
        var divisor = Divisor(today, firstBilledDay);
        var average = Money.FromUnits(Math.Max(0, spendInWindow.Units) / divisor);
        int? days = null;
        DateOnly? runsOut = null;
        if (average.Units > 0)
        {
            // Exact: ⌊balance ÷ (spend ÷ divisor)⌋ = ⌊balance × divisor ÷ spend⌋, no rounding of the average in between.
            days = cashBalance.Units <= 0 ? 0
                : (int)Math.Min((decimal)cashBalance.Units * divisor / spendInWindow.Units, 36_500m);
            runsOut = today.AddDays(days.Value);
        }
        var packForecasts = packs
            .OrderBy(p => p.PackTypeCode, StringComparer.Ordinal)
            .Select(p => ForPack(today, p, divisor))
            .ToList();
        return new Forecast(today, cashBalance, spendInWindow, divisor, average, days, runsOut, packForecasts);
    }

    private static PackForecast ForPack(DateOnly today, PackUsageInput pack, int divisor)
    {
        var average = decimal.Round((decimal)Math.Max(0, pack.DeductedInWindow) / divisor, 4, MidpointRounding.ToZero);
        if (pack.DeductedInWindow <= 0) return new PackForecast(pack.PackTypeCode, pack.Remaining, 0m, null, null);
        var days = pack.Remaining <= 0 ? 0 : (int)Math.Min(pack.Remaining * (long)divisor / pack.DeductedInWindow, 36_500);
        return new PackForecast(pack.PackTypeCode, pack.Remaining, average, days, today.AddDays(days));
    }
}
