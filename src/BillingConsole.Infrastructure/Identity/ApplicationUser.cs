using Microsoft.AspNetCore.Identity;

namespace BillingConsole.Infrastructure.Identity;

/// <summary>A person who signs in: an account owner (with <see cref="AccountId"/>) or a staff member (without).</summary>
public sealed class ApplicationUser : IdentityUser
{
    /// <summary>The one account an owner owns (SPEC I1); null for Support and Admin users.</summary>
    public Guid? AccountId { get; set; }

    public string? DisplayName { get; set; }
}
