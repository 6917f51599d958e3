using System.Text.Json;
using BillingConsole.Domain.Common;

namespace BillingConsole.Web.Features.Recharge;

/// <summary>The sandbox gateway's notification body (signed as raw bytes).</summary>
public sealed record SandboxNotification(string? NotificationId, Guid RechargeId, string? TradeNo, string? Amount, string? Status);

/// <summary>
/// The reply to the gateway: 200 "success" means processed (or processed before) and the gateway stops; any other
/// answer makes it retry later. Nothing but a verified, matching "paid" notification for a pending order credits.
/// </summary>
public sealed record NotifyReply(int StatusCode, string Body)
{
    public bool Credited { get; init; }
}

public sealed class ProcessPaymentNotificationHandler(SandboxSigner signer, CompleteRechargeHandler complete,
    ILogger<ProcessPaymentNotificationHandler> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<NotifyReply> HandleAsync(string? timestamp, string? signature, byte[] rawBody, CancellationToken ct)
    {
        var check = signer.Verify(timestamp, signature, rawBody);
        if (check != SignatureCheck.Valid)
        {
            logger.LogWarning("ProcessPaymentNotification: rejected, signature {Check}", check);
            return new NotifyReply(401, check == SignatureCheck.Stale ? "stale timestamp" : "invalid signature");
        }
        SandboxNotification? n;
        try
        {
            n = JsonSerializer.Deserialize<SandboxNotification>(rawBody, Json);
        }
        catch (JsonException)
        {
            n = null;
        }
        if (n is null || n.RechargeId == Guid.Empty || string.IsNullOrWhiteSpace(n.TradeNo) || n.TradeNo.Length > 64
            || !Money.TryParse(n.Amount, 2, out var amount))
        {
            return new NotifyReply(400, "malformed notification");
        }
        if (n.Status != "paid") return new NotifyReply(400, "unsupported status");
        var result = await complete.PayByGatewayAsync(n.RechargeId, amount, n.TradeNo, ct);
        logger.LogInformation("ProcessPaymentNotification: recharge {RechargeId} notification {NotificationId}: {Outcome}",
            n.RechargeId, n.NotificationId, result.Status);
        return result.Status switch
        {
            ResultStatus.Ok => new NotifyReply(200, "success") { Credited = true },
            ResultStatus.NotFound => new NotifyReply(404, "unknown order"),
            ResultStatus.Invalid => new NotifyReply(400, "amount mismatch"),
            _ => new NotifyReply(409, result.Error ?? "order not payable"),
        };
    }
}
