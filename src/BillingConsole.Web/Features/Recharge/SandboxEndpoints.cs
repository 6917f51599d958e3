using BillingConsole.Domain.Common;
using BillingConsole.Web.Api;

namespace BillingConsole.Web.Features.Recharge;

/// <summary>
/// API.md "Payment gateway (sandbox)": the cashier's buttons for scripts and tests. Anonymous like the cashier
/// page (the payer of a real gateway is not signed in to us either); 404 when the sandbox is off.
/// </summary>
public static class SandboxEndpoints
{
    public static IEndpointRouteBuilder MapSandboxEndpoints(this IEndpointRouteBuilder app)
    {
        var sandbox = app.MapGroup("/sandbox/cashier/{rechargeId:guid}").AllowAnonymous().WithTags("Sandbox")
            .DisableAntiforgery();
        sandbox.MapPost("/pay", PayAsync).WithName("SandboxPay");
        sandbox.MapPost("/cancel", CancelAsync).WithName("SandboxCancel");
        return app;
    }

    private static async Task<IResult> PayAsync(Guid rechargeId, SandboxPaymentGateway gateway, CancellationToken ct)
    {
        var result = await gateway.PayAsync(rechargeId, ct);
        if (!result.IsOk) return ApiProblems.From(result);
        var reply = result.Value!;
        return TypedResults.Ok(new { rechargeId, paid = true, notifyStatus = reply.StatusCode, notifyReply = reply.Body });
    }

    private static async Task<IResult> CancelAsync(Guid rechargeId, SandboxPaymentGateway gateway, CancellationToken ct)
    {
        var result = await gateway.CancelAsync(rechargeId, ct);
        return result.ToHttp(r => TypedResults.Ok(RechargeEndpoints.ToResponse(r)));
    }
}
