using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.Payments;
using BillingConsole.Web.Api;
using BillingConsole.Web.Features.Operations;

namespace BillingConsole.Web.Features.Recharge;

/// <summary>API.md recharge routes, the admin confirmation (R3) and the gateway's notify route (R2).</summary>
public static class RechargeEndpoints
{
    public sealed record CreateRechargeRequest(JsonElement? Amount, string? Method, bool AcknowledgeOriginalRoute);

    public sealed record CreatedRechargeResponse(Guid RechargeId, string Status,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PayUrl,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RemittanceCode);

    public sealed record RechargeResponse(Guid RechargeId, string Amount, string Method, string Status, DateTime CreatedAt,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTime? CompletedAt,
        string AmountCredited);

    public sealed record ConfirmRequest(JsonElement? AmountReceived);

    /// <summary>Notifications are small; anything bigger is not from the gateway (enforced while reading).</summary>
    public const int MaxNotificationBytes = 8 * 1024;

    public static IEndpointRouteBuilder MapRechargeEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapAccountApi().WithTags("Recharge");
        account.MapPost("/recharges", CreateAsync).WithName("CreateRecharge");
        account.MapGet("/recharges/{rechargeId:guid}", GetAsync).WithName("GetRecharge");
        app.MapAdminApi().WithTags("Admin").MapPost("/recharges/{rechargeId:guid}/confirm", ConfirmAsync)
            .WithName("AdminConfirmRecharge");
        app.MapPost("/api/v1/payments/notify/sandbox", NotifyAsync).AllowAnonymous().WithTags("Payments")
            .WithName("SandboxNotify").WithRequestSizeLimit(MaxNotificationBytes);
        return app;
    }

    public static RechargeResponse ToResponse(RechargeRow r) => new(r.RechargeId, r.Amount.ToFenString(), r.Method.ApiName(),
        StatusName(r.Status), r.CreatedAtUtc, r.CompletedAtUtc, r.Credited.ToFenString());

    public static string StatusName(RechargeStatus status) => status.ToString().ToLowerInvariant();

    private static async Task<IResult> CreateAsync(CreateRechargeRequest body, ClaimsPrincipal user,
        CreateRechargeHandler handler, CancellationToken ct)
    {
        if (MoneyText(body.Amount) is not { } amount) return ApiProblems.Validation("amount", "amount must be a JSON string such as \"100.00\".");
        var result = await handler.HandleAsync(
            new CreateRechargeCommand(user.AccountId(), amount, body.Method, body.AcknowledgeOriginalRoute), ct);
        return result.ToHttp(r => TypedResults.Created($"/api/v1/recharges/{r.RechargeId}",
            new CreatedRechargeResponse(r.RechargeId, StatusName(r.Status), r.PayUrl, r.RemittanceCode)));
    }

    private static async Task<IResult> GetAsync(Guid rechargeId, ClaimsPrincipal user, GetRechargesHandler handler,
        CancellationToken ct) =>
        await handler.GetAsync(user.AccountId(), rechargeId, ct) is { } row
            ? TypedResults.Ok(ToResponse(row))
            : ApiProblems.Problem(404, "No such recharge on this account.");

    private static async Task<IResult> ConfirmAsync(Guid rechargeId, ConfirmRequest body, ClaimsPrincipal user,
        CompleteRechargeHandler handler, CancellationToken ct)
    {
        if (!Money.TryParse(MoneyText(body.AmountReceived), 2, out var received) || !received.IsPositive)
        {
            return ApiProblems.Validation("amountReceived", "amountReceived must be a JSON string greater than 0 with at most 2 decimals.");
        }
        var by = user.Identity?.Name ?? "admin-api";
        var result = await handler.ConfirmRemittanceAsync(rechargeId, received, by, ct);
        return result.ToHttp(r => TypedResults.Ok(ToResponse(r)));
    }

    private static async Task<IResult> NotifyAsync(HttpRequest request, ProcessPaymentNotificationHandler handler,
        BillingMetrics metrics, CancellationToken ct)
    {
        using var activity = BillingMetrics.Tracing.StartActivity("payment.notification");
        activity?.SetTag("billing.payment.gateway", "sandbox");
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        var reply = await handler.HandleAsync(request.Headers[SandboxSigner.TimestampHeader],
            request.Headers[SandboxSigner.SignatureHeader], buffer.ToArray(), ct);
        var outcome = BillingMetrics.NotificationOutcome(reply.StatusCode, reply.Credited);
        metrics.PaymentNotification("sandbox", outcome);
        activity?.SetTag("billing.payment.outcome", outcome);
        // The gateway reads only the success reply; a refusal is problem details like every /api error (issue #16).
        return reply.StatusCode >= 400
            ? ApiProblems.Problem(reply.StatusCode, reply.Body)
            : TypedResults.Text(reply.Body, "text/plain", statusCode: reply.StatusCode);
    }

    private static string? MoneyText(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.String } s ? s.GetString() : null;
}
