namespace BillingConsole.Domain.QuotaAlerts;

/// <summary>A dialog row that passed <see cref="QuotaAlertSettingsValidator"/>; ready for
/// <see cref="QuotaAlertSetting.Update"/>.</summary>
public sealed record ValidQuotaAlertSetting(string PackTypeCode, bool Enabled, int ThresholdPercent);
