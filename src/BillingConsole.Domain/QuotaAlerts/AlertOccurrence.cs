using BillingConsole.Domain.Common;

namespace BillingConsole.Domain.QuotaAlerts;

/// <summary>
/// An alert that fired and what it saw (SPEC A5). The unique <see cref="OccurrenceKey"/> is what makes an alert fire
/// once: a second run that computes the same key fails to insert it and sends nothing (SPEC A4, A6, J2).
/// </summary>
public sealed class AlertOccurrence
{
    public const string KindRatio = "ratio";
    public const string KindExhausted = "exhausted";
    public const string KindLowBalance = "low_balance";

    private AlertOccurrence()
    {
        OccurrenceKey = string.Empty;
        Kind = string.Empty;
        Trigger = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    public string OccurrenceKey { get; private set; }
    /// <summary><c>ratio</c>, <c>exhausted</c> or <c>low_balance</c>.</summary>
    public string Kind { get; private set; }
    public string? PackTypeCode { get; private set; }
    public long? Remaining { get; private set; }
    public long? Total { get; private set; }
    /// <summary>Remaining ratio in hundredths of a percent (12.34 % is 1234), exact, as the engine rounded it.</summary>
    public long? RatioBasisPoints { get; private set; }
    public int? ThresholdPercent { get; private set; }
    /// <summary>The cash balance a low-balance alert saw, in <see cref="Money"/> units.</summary>
    public long? BalanceUnits { get; private set; }
    /// <summary>The low-balance amount, in <see cref="Money"/> units.</summary>
    public long? ThresholdUnits { get; private set; }
    /// <summary>What caused the evaluation: a <see cref="QuotaAlertTrigger"/> or a <see cref="BalanceMovement"/>.</summary>
    public string Trigger { get; private set; }
    public DateTime AtUtc { get; private set; }

    public static AlertOccurrence FromQuota(QuotaAlert alert) => new()
    {
        Id = Guid.NewGuid(),
        AccountId = alert.AccountId,
        OccurrenceKey = alert.OccurrenceKey,
        Kind = alert.Kind == QuotaAlertKind.Ratio ? KindRatio : KindExhausted,
        PackTypeCode = alert.PackTypeCode,
        Remaining = alert.Remaining,
        Total = alert.Total,
        RatioBasisPoints = (long)(alert.RatioPercent * 100m),
        ThresholdPercent = alert.ThresholdPercent,
        Trigger = alert.Trigger.ToString(),
        AtUtc = alert.AtUtc,
    };

    public static AlertOccurrence FromLowBalance(LowBalanceAlert alert) => new()
    {
        Id = Guid.NewGuid(),
        AccountId = alert.AccountId,
        OccurrenceKey = alert.OccurrenceKey,
        Kind = KindLowBalance,
        BalanceUnits = alert.Balance.Units,
        ThresholdUnits = alert.Threshold.Units,
        Trigger = alert.Cause.ToString(),
        AtUtc = alert.AtUtc,
    };

    public decimal? RatioPercent => RatioBasisPoints / 100m;
    public Money? Balance => BalanceUnits is { } u ? Money.FromUnits(u) : null;
}
