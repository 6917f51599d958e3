namespace BillingConsole.Domain.QuotaAlerts;

/// <summary>The kind of cash-balance change the low-balance rule observes (SPEC A6).</summary>
public enum BalanceMovement
{
    /// <summary>A daily bill was posted; may take the balance below the amount.</summary>
    Bill,
    /// <summary>A pack or licence was paid from the balance; may take the balance below the amount.</summary>
    Purchase,
    Recharge,
    Refund,
    Withdrawal,
    Adjustment,
}
