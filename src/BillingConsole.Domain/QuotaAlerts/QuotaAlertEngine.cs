using BillingConsole.Domain.Pricing;

namespace BillingConsole.Domain.QuotaAlerts;

/// <summary>
/// Decides which quota alerts fire (SPEC A2–A4). Pure: it reads the account's settings, holdings and alert history
/// and returns the alerts to send; it stores nothing. Every trigger runs the same rules, so an enabled setting that is
/// already below its ratio fires at the next evaluation of any kind (A4), and a repeated evaluation fires nothing
/// because the occurrence keys are already in the history.
/// </summary>
public static class QuotaAlertEngine
{
    public static IReadOnlyList<QuotaAlert> Evaluate(QuotaAlertEvaluation input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var settings = SettingsByType(input);
        var fired = input.FiredOccurrenceKeys as IReadOnlySet<string>
            ?? new HashSet<string>(input.FiredOccurrenceKeys, StringComparer.Ordinal);
        var alerts = new List<QuotaAlert>();
        var seenTypes = new HashSet<string>(StringComparer.Ordinal);

        foreach (var holding in input.Holdings)
        {
            Validate(holding);
            if (!seenTypes.Add(holding.PackTypeCode))
            {
                throw new ArgumentException($"Pack type {holding.PackTypeCode} is listed twice.", nameof(input));
            }
            var setting = settings.GetValueOrDefault(holding.PackTypeCode);
            var enabled = setting?.Enabled ?? true;
            if (!enabled || holding.Cycle == PackCycle.Hourly || holding.Total == 0) continue;

            var threshold = setting?.ThresholdPercent ?? QuotaAlertSetting.DefaultThresholdPercent;
            var generation = setting?.Generation ?? 0;
            if (RatioReached(holding, threshold))
            {
                AddUnlessFired(alerts, fired, input, holding, QuotaAlertKind.Ratio, threshold, generation);
            }
            if (holding.Remaining == 0)
            {
                AddUnlessFired(alerts, fired, input, holding, QuotaAlertKind.Exhausted, threshold, generation);
            }
        }
        return alerts;
    }

    /// <summary>A3: remaining / total ≤ threshold %, compared exactly in integers.</summary>
    internal static bool RatioReached(PackTypeHolding holding, int thresholdPercent) =>
        (Int128)holding.Remaining * 100 <= (Int128)thresholdPercent * holding.Total;

    /// <summary>Remaining / total in percent, rounded up to 2 decimals.</summary>
    internal static decimal RatioPercent(long remaining, long total)
    {
        var scaled = (Int128)remaining * 10_000;
        var hundredths = (scaled + total - 1) / total;
        return (long)hundredths / 100m;
    }

    private static void AddUnlessFired(List<QuotaAlert> alerts, IReadOnlySet<string> fired, QuotaAlertEvaluation input,
        PackTypeHolding holding, QuotaAlertKind kind, int threshold, int generation)
    {
        var at = input.EventAtUtc ?? input.NowUtc;
        DateOnly? month = holding.Cycle == PackCycle.Monthly ? input.Calendar.MonthOf(at) : null;
        // A4: only the ratio threshold is re-armed by a changed percentage; exhaustion only by a growing total.
        var armedBySetting = kind == QuotaAlertKind.Ratio ? generation : 0;
        var key = month is { } m
            ? QuotaAlertOccurrenceKeys.Monthly(input.AccountId, holding.PackTypeCode, kind, m, armedBySetting)
            : QuotaAlertOccurrenceKeys.NonCyclic(input.AccountId, holding.PackTypeCode, kind, holding.ArmEpoch,
                armedBySetting);
        if (fired.Contains(key)) return;

        alerts.Add(new QuotaAlert
        {
            OccurrenceKey = key,
            AccountId = input.AccountId,
            PackTypeCode = holding.PackTypeCode,
            Cycle = holding.Cycle,
            Kind = kind,
            Remaining = holding.Remaining,
            Total = holding.Total,
            RatioPercent = RatioPercent(holding.Remaining, holding.Total),
            ThresholdPercent = threshold,
            AtUtc = at,
            Trigger = input.Trigger,
            Month = month,
        });
    }

    private static Dictionary<string, QuotaAlertSetting> SettingsByType(QuotaAlertEvaluation input)
    {
        var byType = new Dictionary<string, QuotaAlertSetting>(StringComparer.Ordinal);
        foreach (var setting in input.Settings)
        {
            if (setting.AccountId != input.AccountId)
            {
                throw new ArgumentException($"Setting for account {setting.AccountId} passed for {input.AccountId}.",
                    nameof(input));
            }
            if (!byType.TryAdd(setting.PackTypeCode, setting))
            {
                throw new ArgumentException($"Two settings for pack type {setting.PackTypeCode}.", nameof(input));
            }
        }
        return byType;
    }

    private static void Validate(PackTypeHolding holding)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(holding.PackTypeCode);
        if (holding.Total < 0 || holding.Remaining < 0 || holding.Remaining > holding.Total)
        {
            throw new ArgumentOutOfRangeException(nameof(holding), holding,
                "A holding needs 0 ≤ remaining ≤ total; the pack sums are inconsistent.");
        }
    }
}
