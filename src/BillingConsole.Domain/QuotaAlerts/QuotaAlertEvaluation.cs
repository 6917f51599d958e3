using BillingConsole.Domain.Common;

namespace BillingConsole.Domain.QuotaAlerts;

/// <summary>Everything <see cref="QuotaAlertEngine.Evaluate"/> looks at for one account.</summary>
public sealed record QuotaAlertEvaluation
{
    public required Guid AccountId { get; init; }
    /// <summary>The account's settings. A held type without a setting is evaluated with the A1 default
    /// (enabled, 30 %, generation 0), the same values <see cref="QuotaAlertSetting.CreateDefault"/> stores.</summary>
    public required IReadOnlyCollection<QuotaAlertSetting> Settings { get; init; }
    /// <summary>One entry per pack type the account holds now; types without packs in validity may be left out.</summary>
    public required IReadOnlyCollection<PackTypeHolding> Holdings { get; init; }
    /// <summary>Occurrence keys of the account's alerts that already fired (at least those of the current month and
    /// the current arm epochs; loading all keys with <see cref="QuotaAlertOccurrenceKeys.AccountPrefix"/> is fine).</summary>
    public required IReadOnlyCollection<string> FiredOccurrenceKeys { get; init; }
    public required QuotaAlertTrigger Trigger { get; init; }
    public required DateTime NowUtc { get; init; }
    /// <summary>When the event that triggers this evaluation happened (the deduction, the purchase), if earlier than
    /// <see cref="NowUtc"/>: the alert records that time and a monthly type counts it in that month (A5).</summary>
    public DateTime? EventAtUtc { get; init; }
    public required BillingCalendar Calendar { get; init; }
}
