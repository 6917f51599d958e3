using BillingConsole.Infrastructure.Audit;
using BillingConsole.Web.Api;

namespace BillingConsole.Web.Features.Support;

/// <summary>
/// Sets the ambient actor for an HTTP request (pages before the circuit, forms, the API), and answers a write refused
/// under impersonation with 403 problem details instead of a 500.
/// </summary>
internal sealed class ActorMiddleware(RequestDelegate next, ActorResolver resolver, AuditLog audit,
    ILogger<ActorMiddleware> logger)
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
            await AuditRefusalAsync(context, e);
            await ApiProblems.WriteAsync(context, StatusCodes.Status403Forbidden, e.Message);
        }
    }

    // Issue 15: a refused write is in the audit log whichever way it came (pages go through ReadOnlyWrites).
    private async Task AuditRefusalAsync(HttpContext context, ReadOnlyImpersonationException e)
    {
        try
        {
            await audit.WriteAsync(ReadOnlyWrites.RefusedAction, $"{context.Request.Method} {context.Request.Path}", e.Message);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "ActorMiddleware: could not audit a refused write");
        }
    }
}
