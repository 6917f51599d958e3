namespace BillingConsole.Domain.Payments;

/// <summary>SPEC R5: the owner requests, staff approve or reject.</summary>
public enum WithdrawalStatus
{
    Requested,
    Approved,
    Rejected,
}
