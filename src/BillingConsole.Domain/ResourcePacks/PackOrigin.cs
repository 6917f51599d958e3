namespace BillingConsole.Domain.ResourcePacks;

/// <summary>How an account came to hold a pack; decides refunds (SPEC P10) and trial eligibility (SPEC P2).</summary>
public enum PackOrigin
{
    /// <summary>Bought from the cash balance.</summary>
    Purchased,
    /// <summary>The free trial pack, once per account and pack type.</summary>
    Trial,
    /// <summary>Granted by staff as compensation, at price 0 (SPEC P12).</summary>
    Granted,
}
