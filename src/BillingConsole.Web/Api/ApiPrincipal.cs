using System.Security.Claims;
using BillingConsole.Infrastructure.Identity;

namespace BillingConsole.Web.Api;

public static class ApiPrincipal
{
    /// <summary>The account an API key belongs to. Account-scoped routes take the account only from here (SPEC I2).</summary>
    public static Guid AccountId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(BillingClaims.AccountId)?.Value, out var id)
            ? id
            : throw new InvalidOperationException("The request has no account; is the route behind the ApiAccount policy?");
}
