using BillingConsole.Infrastructure.Identity;
using Microsoft.AspNetCore.Components.Authorization;

namespace BillingConsole.Web.Features.Accounts;

/// <summary>
/// The account the signed-in person is looking at. Every owner page scopes its queries with it (SPEC I2), so a page
/// never takes an account id from the URL.
/// </summary>
public sealed class CurrentAccount(AuthenticationStateProvider authState)
{
    public async Task<Guid?> GetAccountIdAsync()
    {
        var state = await authState.GetAuthenticationStateAsync();
        var claim = state.User.FindFirst(BillingClaims.AccountId)?.Value;
        return Guid.TryParse(claim, out var id) ? id : null;
    }
}
