using System.Security.Claims;
using BillingConsole.Infrastructure.Audit;
using BillingConsole.Infrastructure.Identity;
using BillingConsole.Web.Api;

namespace BillingConsole.Web.Features.Support;

/// <summary>Builds the ambient <see cref="BillingActor"/> from a principal: cookie user, API key or admin token.</summary>
public sealed class ActorResolver(ImpersonationLookup impersonation)
{
    public async Task<BillingActor?> ResolveAsync(ClaimsPrincipal user, string? ip, string? userAgent, CancellationToken ct)
    {
        if (user.Identity?.IsAuthenticated != true) return null;
        Guid? account = Guid.TryParse(user.FindFirst(BillingClaims.AccountId)?.Value, out var id) ? id : null;
        if (user.FindFirst(ApiSchemes.KeyIdClaim)?.Value is { } keyId)
        {
            return new BillingActor("api-key:" + keyId, "api-key", account, null, null, ip, userAgent);
        }
        var userId = user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? user.Identity.Name ?? "unknown";
        var email = user.Identity.Name ?? userId;
        if (account is null && (user.IsInRole(Roles.Support) || user.IsInRole(Roles.Admin))
            && await impersonation.GetActiveAsync(userId, ct) is { } session)
        {
            return new BillingActor(userId, email, null, session.Id, session.AccountId, ip, userAgent);
        }
        return new BillingActor(userId, email, account, null, null, ip, userAgent);
    }
}
