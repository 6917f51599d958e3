using BillingConsole.Domain.Common;
using BillingConsole.Domain.Pricing;
using BillingConsole.Domain.QuotaAlerts;

namespace BillingConsole.Domain.Tests.QuotaAlerts;

/// <summary>Builder for engine tests: one account, its settings and holdings, and an alert history that behaves like
/// the unique index (every alert returned is stored).</summary>
internal sealed class AlertScenario
{
    public static readonly DateTime Start = new(2026, 11, 10, 2, 0, 0, DateTimeKind.Utc);

    private readonly Dictionary<string, PackTypeHolding> _holdings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, QuotaAlertSetting> _settings = new(StringComparer.Ordinal);

    public Guid AccountId { get; } = Guid.Parse("0b7c2a8e-1d5f-4c3b-9a6e-2f4d8c1b7a90");
    public HashSet<string> History { get; } = new(StringComparer.Ordinal);

    public AlertScenario Holds(string code, PackCycle cycle, long remaining, long total, long armEpoch = 1)
    {
        _holdings[code] = new PackTypeHolding(code, cycle, remaining, total, armEpoch);
        return this;
    }

    public AlertScenario Remaining(string code, long remaining)
    {
        _holdings[code] = _holdings[code] with { Remaining = remaining };
        return this;
    }

    public AlertScenario Grows(string code, long by)
    {
        var h = _holdings[code];
        _holdings[code] = h with { Remaining = h.Remaining + by, Total = h.Total + by, ArmEpoch = h.ArmEpoch + by };
        return this;
    }

    public QuotaAlertSetting Setting(string code) =>
        _settings.TryGetValue(code, out var s) ? s : _settings[code] = QuotaAlertSetting.CreateDefault(AccountId, code, Start);

    public AlertScenario Configure(string code, bool enabled, int percent)
    {
        Assert.True(Setting(code).Update(enabled, percent, Start).IsOk);
        return this;
    }

    public IReadOnlyList<QuotaAlert> Evaluate(QuotaAlertTrigger trigger = QuotaAlertTrigger.Deduction, DateTime? now = null)
    {
        var alerts = QuotaAlertEngine.Evaluate(new QuotaAlertEvaluation
        {
            AccountId = AccountId,
            Settings = _settings.Values.ToList(),
            Holdings = _holdings.Values.ToList(),
            FiredOccurrenceKeys = History,
            Trigger = trigger,
            NowUtc = now ?? Start,
            Calendar = BillingCalendar.Shanghai,
        });
        foreach (var alert in alerts) Assert.True(History.Add(alert.OccurrenceKey));
        return alerts;
    }
}
