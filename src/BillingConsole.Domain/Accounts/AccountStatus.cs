namespace BillingConsole.Domain.Accounts;

/// <summary>Whether an account is served (SPEC B3, B7, B8).</summary>
public enum AccountStatus
{
    Active,
    /// <summary>The balance is negative; service continues during the grace period.</summary>
    Arrears,
    /// <summary>The grace period ran out with the balance still negative; service is refused.</summary>
    Suspended,
}
