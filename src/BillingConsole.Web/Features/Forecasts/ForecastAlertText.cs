using BillingConsole.Domain.Forecasts;

namespace BillingConsole.Web.Features.Forecasts;

/// <summary>The bilingual text of F2/F3 messages (one text for every reader, as the quota alerts: Chinese first).</summary>
internal static class ForecastAlertText
{
    public static (string Title, string Body) For(ForecastAlert a, string nameZh, string nameEn)
    {
        var date = a.RunsOutOn?.ToString("yyyy-MM-dd") ?? "-";
        return a.Kind switch
        {
            ForecastAlertKind.BalanceRunsOut => ($"余额预计 {a.Days} 天内用完 · Balance runs out within {a.Days} days",
                $"按近 7 天日均消费，您的现金余额预计于 {date} 用完。请及时充值。\n\n" +
                $"At the 7-day average daily spend your cash balance runs out on {date}. Recharge to keep the service running."),
            ForecastAlertKind.BalanceRecovered => ("余额预警已解除 · Balance forecast recovered",
                "余额已足以支撑预警天数以上。\n\nThe balance now lasts longer than the alert's number of days."),
            ForecastAlertKind.PackRunsOut => ($"{nameZh}预计 {a.Days} 天内用完 · {nameEn} runs out within {a.Days} days",
                $"按近 7 天日均用量，资源包类型 {nameZh}（{a.PackTypeCode}）预计于 {date} 用完。\n\n" +
                $"At the 7-day average daily use, pack type {nameEn} ({a.PackTypeCode}) runs out on {date}."),
            ForecastAlertKind.PackRecovered => ($"{nameZh}用量预警已解除 · {nameEn} forecast recovered",
                $"资源包类型 {nameZh} 的剩余量已足以支撑预警天数以上。\n\nPack type {nameEn} now lasts longer than the alert's number of days."),
            ForecastAlertKind.BudgetPercent => ($"本月消费已达预算的 {a.Percent}% · Month-to-date spend reached {a.Percent}% of the budget",
                $"本月已消费 ¥{a.MonthToDate?.ToFenString()}，月度预算 ¥{a.Budget?.ToFenString()}。\n\n" +
                $"Spent ¥{a.MonthToDate?.ToFenString()} this month of a ¥{a.Budget?.ToFenString()} budget."),
            _ => ("本月消费预计超出预算 · Month-end spend forecast exceeds the budget",
                $"按近 7 天日均消费，本月预计消费 ¥{Fen(a.MonthEndForecast)}，超出月度预算 ¥{a.Budget?.ToFenString()}。\n\n" +
                $"At the 7-day average the month ends at ¥{Fen(a.MonthEndForecast)}, over the ¥{a.Budget?.ToFenString()} budget."),
        };
    }

    private static string Fen(BillingConsole.Domain.Common.Money? m) => m is { } v
        ? decimal.Round(v.Amount, 2, MidpointRounding.ToZero).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)
        : "-";
}
