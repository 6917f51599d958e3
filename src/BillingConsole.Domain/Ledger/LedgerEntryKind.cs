namespace BillingConsole.Domain.Ledger;

/// <summary>Why the balance changed (SPEC B9).</summary>
public enum LedgerEntryKind
{
    Recharge,
    DailyBill,
    PackPurchase,
    Refund,
    Withdrawal,
    Adjustment,
    LicencePurchase,
}
