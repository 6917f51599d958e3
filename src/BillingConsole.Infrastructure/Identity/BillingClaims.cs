namespace BillingConsole.Infrastructure.Identity;

/// <summary>Claim types the console adds to the Identity cookie.</summary>
public static class BillingClaims
{
    /// <summary>The owner's account id, so pages need no database round trip to scope their queries.</summary>
    public const string AccountId = "billing:account";
}
