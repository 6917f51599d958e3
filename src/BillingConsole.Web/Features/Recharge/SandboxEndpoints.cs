using BillingConsole.Domain.Common;
using BillingConsole.Web.Api;

namespace BillingConsole.Web.Features.Recharge;

/// <summary>
/// API.md "Payment gateway (sandbox)": the cashier's buttons for scripts and tests. Anonymous like the cashier
/// page (the payer of a real gateway is not signed in to us either), but they act only with the cashier's signed link
/// (<c>?t=</c> of payUrl) or for the signed-in owner of the recharge (issue #16); 404 otherwise and when the sandbox is off.
/// </summary>
public static class SandboxEndpoints
{
    private const string NoSuchOrder = "No such order at the sandbox cashier.";

    public static IEndpointRouteBuilder MapSandboxEndpoints(this IEndpointRouteBuilder app)
    {
        var sandbox = app.MapGroup("/sandbox/cashier/{rechargeId:guid}").AllowAnonymous().WithTags("Sandbox")
            .DisableAntiforgery().WithRequestSizeLimit(1024); // the buttons send no body
        sandbox.MapPost("/pay", PayAsync).WithName("SandboxPay");
        sandbox.MapPost("/cancel", CancelAsync).WithName("SandboxCancel");
        return app;
    }

    /// <summary>The cashier's signed link (<c>?t=</c> of payUrl) or the signed-in owner's cookie; else the order does not exist.</summary>
    private static async Task<bool> MayActAsync(Guid rechargeId, string? t, HttpContext context, SandboxPaymentGateway gateway,
        CancellationToken ct) =>
        await gateway.FindForPayerAsync(rechargeId, t, context.User, ct) is not null;

    private static async Task<IResult> PayAsync(Guid rechargeId, string? t, HttpContext context, SandboxPaymentGateway gateway,
        CancellationToken ct)
    {
        if (!await MayActAsync(rechargeId, t, context, gateway, ct)) return ApiProblems.Problem(404, NoSuchOrder);
        var result = await gateway.PayAsync(rechargeId, ct);
        if (!result.IsOk) return ApiProblems.From(result);
        var reply = result.Value!;
        return TypedResults.Ok(new { rechargeId, paid = true, notifyStatus = reply.StatusCode, notifyReply = reply.Body });
    }

    private static async Task<IResult> CancelAsync(Guid rechargeId, string? t, HttpContext context, SandboxPaymentGateway gateway,
        CancellationToken ct)
    {
        if (!await MayActAsync(rechargeId, t, context, gateway, ct)) return ApiProblems.Problem(404, NoSuchOrder);
        var result = await gateway.CancelAsync(rechargeId, ct);
        return result.ToHttp(r => TypedResults.Ok(RechargeEndpoints.ToResponse(r)));
    }
}
