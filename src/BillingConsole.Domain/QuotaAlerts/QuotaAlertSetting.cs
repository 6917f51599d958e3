using BillingConsole.Domain.Common;

namespace BillingConsole.Domain.QuotaAlerts;

/// <summary>
/// The quota alert setting of one account for one pack type (SPEC A1). Keyed by (<see cref="AccountId"/>,
/// <see cref="PackTypeCode"/>). <see cref="Generation"/> goes up when the percentage changes, so that a changed ratio
/// re-arms that ratio threshold once at its new value (A4): it is part of the ratio's occurrence keys, never of
/// exhaustion's (which only a growing total re-arms), and toggling the switch leaves it alone.
/// </summary>
public sealed class QuotaAlertSetting
{
    /// <summary>The percentage a pack type starts with when the account starts to hold it (A1).</summary>
    public const int DefaultThresholdPercent = 30;
    public const int MinThresholdPercent = 1;
    public const int MaxThresholdPercent = 99;

    private QuotaAlertSetting()
    {
        PackTypeCode = string.Empty;
    }

    public Guid AccountId { get; private set; }
    public string PackTypeCode { get; private set; }
    public bool Enabled { get; private set; }
    /// <summary>Whole percentage 1–99; the ratio alert fires when remaining/total ≤ this.</summary>
    public int ThresholdPercent { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }
    /// <summary>Ratio arming counter: 0 for the default, +1 on every change of the percentage (not of <see cref="Enabled"/>).</summary>
    public int Generation { get; private set; }
    /// <summary>App-managed optimistic concurrency token (STYLE §5), renewed on every change.</summary>
    public Guid Version { get; private set; }

    /// <summary>The default setting (enabled, 30 %) for a pack type the account starts to hold (A1).</summary>
    public static QuotaAlertSetting CreateDefault(Guid accountId, string packTypeCode, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(packTypeCode);
        return new QuotaAlertSetting
        {
            AccountId = accountId,
            PackTypeCode = packTypeCode,
            Enabled = true,
            ThresholdPercent = DefaultThresholdPercent,
            UpdatedAtUtc = nowUtc,
            Generation = 0,
            Version = Guid.NewGuid(),
        };
    }

    /// <summary>
    /// Applies the owner's choice. Saving the same values again changes nothing (and re-arms nothing), so a dialog
    /// confirmed without edits does not repeat alerts.
    /// </summary>
    public Result<QuotaAlertSetting> Update(bool enabled, int thresholdPercent, DateTime nowUtc)
    {
        var error = ValidatePercent(thresholdPercent);
        if (error is not null)
        {
            return Result<QuotaAlertSetting>.Invalid(nameof(ThresholdPercent), error);
        }
        if (enabled == Enabled && thresholdPercent == ThresholdPercent)
        {
            return Result<QuotaAlertSetting>.Ok(this);
        }
        if (thresholdPercent != ThresholdPercent) Generation++;
        Enabled = enabled;
        ThresholdPercent = thresholdPercent;
        UpdatedAtUtc = nowUtc;
        Version = Guid.NewGuid();
        return Result<QuotaAlertSetting>.Ok(this);
    }

    /// <summary>The user-facing message for an invalid percentage, or null when it is valid.</summary>
    public static ResultMessage? ValidatePercent(int thresholdPercent)
    {
        if (thresholdPercent is >= MinThresholdPercent and <= MaxThresholdPercent) return null;
        return $"The alert percentage must be a whole number from {MinThresholdPercent} to {MaxThresholdPercent} (got {thresholdPercent}).";
    }
}
