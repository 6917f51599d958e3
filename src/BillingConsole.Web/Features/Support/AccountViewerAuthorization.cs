using System.Security.Claims;
using BillingConsole.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;

namespace BillingConsole.Web.Features.Support;

/// <summary>The <c>AccountViewer</c> policy: an owner with their account, or a staff user with an active impersonation.</summary>
public sealed class AccountViewerRequirement : IAuthorizationRequirement;

internal sealed class AccountViewerHandler(ImpersonationLookup impersonation) : AuthorizationHandler<AccountViewerRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, AccountViewerRequirement requirement)
    {
        var user = context.User;
        if (user.IsInRole(Roles.Owner) && user.HasClaim(c => c.Type == BillingClaims.AccountId))
        {
            context.Succeed(requirement);
        }
        else if ((user.IsInRole(Roles.Support) || user.IsInRole(Roles.Admin))
                 && await impersonation.GetActiveAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)) is not null)
        {
            context.Succeed(requirement);
        }
    }
}
