namespace BillingConsole.Domain.QuotaAlerts;

/// <summary>One row of the quota alert dialog or API body, as the user sent it (not yet validated).</summary>
/// <remarks>The percentage is a decimal so that "30.5" gets a field message instead of a binding error.</remarks>
public sealed record QuotaAlertSettingInput(string? PackType, bool Enabled, decimal ThresholdPercent);
