using BillingConsole.Infrastructure.Audit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace BillingConsole.Web.Features.Support;

/// <summary>
/// Sets the ambient actor for every inbound activity of a Blazor circuit (events, navigation, JS calls), from the
/// circuit's user and their impersonation session read at that moment, so expiry and "end" apply on the next click.
/// </summary>
internal sealed class ActorCircuitHandler(AuthenticationStateProvider auth, ActorResolver resolver,
    IHttpContextAccessor http) : CircuitHandler
{
    private string? ip;
    private string? userAgent;

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        // The hub connection's request is the only place a circuit learns where its user is.
        if (http.HttpContext is { } context)
        {
            ip = context.Connection.RemoteIpAddress?.ToString();
            userAgent = context.Request.Headers.UserAgent.ToString();
        }
        return Task.CompletedTask;
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(
        Func<CircuitInboundActivityContext, Task> next) => async context =>
    {
        ActorContext.Current = await ResolveAsync();
        await next(context);
    };

    private async Task<BillingActor?> ResolveAsync()
    {
        try
        {
            var state = await auth.GetAuthenticationStateAsync();
            return await resolver.ResolveAsync(state.User, ip, userAgent, CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            return null; // the circuit's user is not known yet (its very first activity)
        }
    }
}
