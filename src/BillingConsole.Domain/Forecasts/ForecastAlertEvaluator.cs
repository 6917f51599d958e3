using BillingConsole.Domain.Common;

namespace BillingConsole.Domain.Forecasts;

public enum ForecastAlertKind
{
    /// <summary>SPEC F2: the balance runs out within N days.</summary>
    BalanceRunsOut,
    /// <summary>SPEC F2: the balance condition ended (a recharge).</summary>
    BalanceRecovered,
    /// <summary>SPEC F2: pack type T runs out within N days.</summary>
    PackRunsOut,
    /// <summary>SPEC F2: the pack condition ended (a purchase).</summary>
    PackRecovered,
    /// <summary>SPEC F3: month-to-date spend reached a percentage of the budget.</summary>
    BudgetPercent,
    /// <summary>SPEC F3: the forecast month-end spend exceeds the budget.</summary>
    BudgetForecast,
}

/// <summary>One alert to send; <see cref="Days"/> and <see cref="RunsOutOn"/> for F2, <see cref="Percent"/> for F3.</summary>
public sealed record ForecastAlert(ForecastAlertKind Kind, string? PackTypeCode = null, int? Days = null,
    DateOnly? RunsOutOn = null, int? Percent = null, Money? MonthToDate = null, Money? MonthEndForecast = null,
    Money? Budget = null);

/// <summary>
/// SPEC F2 and F3 as a state machine over <see cref="ForecastAlertRule"/>. After a daily bill (<c>mayAlert</c>) a
/// condition that starts alerts once; while it lasts nothing more is sent; when it ends (a recharge or purchase,
/// or the next bill) one "recovered" alert is sent. Budget alerts fire each at most once per month.
/// </summary>
public static class ForecastAlertEvaluator
{
    /// <param name="monthToDate">Payable of the bills of the month so far.</param>
    /// <param name="month">The month as <c>yyyy-MM</c>.</param>
    /// <param name="daysLeftInMonth">Days from today to the month's end, today included.</param>
    /// <param name="mayAlert">False after a recharge or purchase: only recoveries are reported then.</param>
    public static IReadOnlyList<ForecastAlert> Evaluate(ForecastAlertRule rule, Forecast forecast, Money monthToDate,
        string month, int daysLeftInMonth, bool mayAlert)
    {
        var alerts = new List<ForecastAlert>();
        var balanceLow = rule.BalanceEnabled && forecast.DaysOfBalanceLeft is { } d && d <= rule.BalanceDays;
        if (balanceLow && !rule.BalanceAlertActive && mayAlert)
        {
            alerts.Add(new(ForecastAlertKind.BalanceRunsOut, Days: forecast.DaysOfBalanceLeft, RunsOutOn: forecast.BalanceRunsOutOn));
            rule.SetBalanceActive(true);
        }
        else if (!balanceLow && rule.BalanceAlertActive)
        {
            alerts.Add(new(ForecastAlertKind.BalanceRecovered, Days: forecast.DaysOfBalanceLeft, RunsOutOn: forecast.BalanceRunsOutOn));
            rule.SetBalanceActive(false);
        }

        var active = rule.ActivePackTypes.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var low = rule.PacksEnabled
            ? forecast.Packs.Where(p => p.DaysLeft is { } days && days <= rule.PackDays).ToDictionary(p => p.PackTypeCode)
            : [];
        var next = new HashSet<string>(active, StringComparer.Ordinal);
        foreach (var (code, pack) in low.Where(p => !active.Contains(p.Key)))
        {
            if (!mayAlert) continue;
            alerts.Add(new(ForecastAlertKind.PackRunsOut, code, pack.DaysLeft, pack.RunsOutOn));
            next.Add(code);
        }
        foreach (var code in active.Where(c => !low.ContainsKey(c)).Order(StringComparer.Ordinal))
        {
            var pack = forecast.Packs.FirstOrDefault(p => p.PackTypeCode == code);
            alerts.Add(new(ForecastAlertKind.PackRecovered, code, pack?.DaysLeft, pack?.RunsOutOn));
            next.Remove(code);
        }
        if (!next.SetEquals(active)) rule.SetActivePackTypes(next);

        if (rule.BudgetUnits is { } budgetUnits && mayAlert)
        {
            var budget = Money.FromUnits(budgetUnits);
            // The highest percentage reached is the one worth telling; lower ones that were skipped are marked sent.
            var reached = rule.PercentList.Where(p => monthToDate.Units * 100 >= budgetUnits * p).ToList();
            var fresh = reached.Where(p => rule.TryMarkBudgetSent(month, p.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
            if (fresh.Count > 0)
            {
                alerts.Add(new(ForecastAlertKind.BudgetPercent, Percent: fresh.Max(), MonthToDate: monthToDate, Budget: budget));
            }
            var monthEnd = monthToDate + Money.FromUnits(forecast.AverageDailySpend.Units * Math.Max(0, daysLeftInMonth));
            if (monthEnd > budget && rule.TryMarkBudgetSent(month, "forecast"))
            {
                alerts.Add(new(ForecastAlertKind.BudgetForecast, MonthToDate: monthToDate, MonthEndForecast: monthEnd, Budget: budget));
            }
        }
        return alerts;
    }
}
