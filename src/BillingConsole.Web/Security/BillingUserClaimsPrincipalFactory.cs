using System.Security.Claims;
using BillingConsole.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BillingConsole.Web.Security;

/// <summary>Puts the owner's account id into the cookie, so every page scopes its queries without a lookup.</summary>
internal sealed class BillingUserClaimsPrincipalFactory(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options) : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.AccountId is { } accountId)
        {
            identity.AddClaim(new Claim(BillingClaims.AccountId, accountId.ToString()));
        }
        return identity;
    }
}
