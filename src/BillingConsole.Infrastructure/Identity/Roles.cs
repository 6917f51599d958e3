namespace BillingConsole.Infrastructure.Identity;

/// <summary>The three roles of SPEC I1.</summary>
public static class Roles
{
    public const string Owner = "Owner";
    public const string Support = "Support";
    public const string Admin = "Admin";

    public static readonly string[] All = [Owner, Support, Admin];

    /// <summary>Staff console access: Support or Admin.</summary>
    public const string Staff = Support + "," + Admin;
}
