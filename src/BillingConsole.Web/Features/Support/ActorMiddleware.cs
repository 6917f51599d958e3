using BillingConsole.Infrastructure.Audit;
using BillingConsole.Web.Api;

namespace BillingConsole.Web.Features.Support;

/// <summary>
/// Sets the ambient actor for an HTTP request (pages before the circuit, forms, the API), and answers a write refused
/// under impersonation with 403 problem details instead of a 500.
/// </summary>
internal sealed class ActorMiddleware(RequestDelegate next, ActorResolver resolver)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // A bearer call to the API is already authenticated by its own scheme here (ApiRegistration's default
        // authenticate scheme), so the API key's principal is the user.
        var user = context.User;
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
