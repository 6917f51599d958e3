using System.Security.Claims;
using BillingConsole.Infrastructure.Identity;
using BillingConsole.Web.Features.Support;
using Microsoft.AspNetCore.Components.Authorization;

namespace BillingConsole.Web.Features.Accounts;

/// <summary>
/// The account the signed-in person is looking at. Every owner page scopes its queries with it (SPEC I2), so a page
/// never takes an account id from the URL.
/// </summary>
/// <remarks>A staff user with an active impersonation (SPEC I3) looks at the impersonated account.</remarks>
public sealed class CurrentAccount(AuthenticationStateProvider authState, ImpersonationLookup? impersonation = null)
{
    public async Task<Guid?> GetAccountIdAsync()
    {
        var state = await authState.GetAuthenticationStateAsync();
        var claim = state.User.FindFirst(BillingClaims.AccountId)?.Value;
        if (Guid.TryParse(claim, out var id)) return id;
        if (impersonation is null || !(state.User.IsInRole(Roles.Support) || state.User.IsInRole(Roles.Admin))) return null;
        var session = await impersonation.GetActiveAsync(state.User.FindFirst(ClaimTypes.NameIdentifier)?.Value);
        return session?.AccountId;
    }
}
