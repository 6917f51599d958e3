namespace BillingConsole.Domain.Payments;

/// <summary>SPEC R4: a recharge is pending until the gateway or staff confirm it, or it ends cancelled or failed.</summary>
public enum RechargeStatus
{
    Pending,
    Succeeded,
    Failed,
    Cancelled,
}
