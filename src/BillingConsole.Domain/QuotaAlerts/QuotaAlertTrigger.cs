namespace BillingConsole.Domain.QuotaAlerts;

/// <summary>What caused a quota alert evaluation (SPEC A2). Recorded on every alert (A5); every trigger evaluates
/// the same rules, because once-only comes from the occurrence keys, not from the trigger.</summary>
public enum QuotaAlertTrigger
{
    Deduction,
    Expiry,
    Unsubscribe,
    Purchase,
    Upgrade,
    Renewal,
    /// <summary>The periodic alert-evaluation job (SPEC J1).</summary>
    Sweep,
    /// <summary>The owner saved the quota alert dialog.</summary>
    SettingChanged,
}
