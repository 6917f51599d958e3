using BillingConsole.Infrastructure.Audit;
using BillingConsole.Web.Api;
using Microsoft.AspNetCore.Authentication;

namespace BillingConsole.Web.Features.Support;

/// <summary>
/// Sets the ambient actor for an HTTP request (pages before the circuit, forms, the API), and answers a write refused
/// under impersonation with 403 problem details instead of a 500.
/// </summary>
internal sealed class ActorMiddleware(RequestDelegate next, ActorResolver resolver)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true && ApiSchemes.BearerToken(context.Request) is not null
            && context.Request.Path.StartsWithSegments("/api/v1"))
        {
            // Normally the default authenticate scheme already chose the API scheme for a bearer call (ApiRegistration);
            // this stays as a net. Authenticating is cached per request, so authorization reuses the result.
            var scheme = context.Request.Path.StartsWithSegments("/api/v1/admin") ? ApiSchemes.AdminToken : ApiSchemes.AccountKey;
            var result = await context.AuthenticateAsync(scheme);
            if (result.Succeeded) user = result.Principal;
        }
        var ip = context.Connection.RemoteIpAddress?.ToString();
        ActorContext.Current = await resolver.ResolveAsync(user, ip, context.Request.Headers.UserAgent.ToString(),
            context.RequestAborted);
        try
        {
            await next(context);
        }
        catch (ReadOnlyImpersonationException e) when (!context.Response.HasStarted)
        {
            await ApiProblems.WriteAsync(context, StatusCodes.Status403Forbidden, e.Message);
        }
    }
}
