namespace BillingConsole.Domain.QuotaAlerts;

/// <summary>The two thresholds of a pack type (SPEC A4).</summary>
public enum QuotaAlertKind
{
    /// <summary>The remaining ratio reached the configured percentage.</summary>
    Ratio,
    /// <summary>Nothing remains (remaining = 0).</summary>
    Exhausted,
}
