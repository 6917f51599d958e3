using BillingConsole.Domain.Common;
using BillingConsole.Web.Features.Recharge;

namespace BillingConsole.Web.Features.Alipay;

/// <summary>
/// <c>POST /api/v1/payments/notify/alipay</c> (API.md): only a notification whose RSA2 signature verifies with
/// Alipay's public key (over every parameter but sign and sign_type), for our app_id, for a pending Alipay order of
/// exactly its amount, with TRADE_SUCCESS or TRADE_FINISHED, credits, once (the ledger key). TRADE_CLOSED fails the
/// order. The reply is exactly <c>success</c> when accepted (a repeat too); anything else makes Alipay retry.
/// </summary>
public sealed class AlipayNotifyHandler(AlipayCredentials credentials, CompleteRechargeHandler complete, GatewayEvents events,
    ILogger<AlipayNotifyHandler> logger)
{
    public const string Success = "success";

    public async Task<NotifyReply> HandleAsync(IReadOnlyList<KeyValuePair<string, string>> form, CancellationToken ct)
    {
        var raw = GatewayEvents.Form(form);
        var fields = form.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value);
        AlipayBizContent.TryParseOutTradeNo(fields.GetValueOrDefault("out_trade_no"), out var rechargeId);
        Guid? known = rechargeId == Guid.Empty ? null : rechargeId;

        async Task<NotifyReply> Refuse(int status, string reason)
        {
            await events.RecordAsync("notify", known, null, "refused", reason, raw, ct);
            return new NotifyReply(status, "fail: " + reason);
        }

        if (form.Select(p => p.Key).Distinct().Count() != form.Count) return await Refuse(400, "a parameter appears twice");
        var canonical = AlipaySignature.Canonical(form!, excludeSignType: true);
        if (!AlipaySignature.Verify(canonical, fields.GetValueOrDefault("sign"), credentials.AlipayPublicKey))
        {
            return await Refuse(401, "the signature does not verify with Alipay's public key");
        }
        if (fields.GetValueOrDefault("app_id") != credentials.Options.AppId) return await Refuse(403, "app_id is not ours");
        if (known is null) return await Refuse(404, "out_trade_no is not one of our orders");
        var status = fields.GetValueOrDefault("trade_status");
        if (status == "TRADE_CLOSED")
        {
            var failed = await complete.FailAsync(rechargeId, ct);
            if (failed.Status == ResultStatus.NotFound) return await Refuse(404, "unknown order");
            await events.RecordAsync("notify", known, null, "accepted", "TRADE_CLOSED: " + (failed.IsOk ? "marked failed" : failed.Error), raw, ct);
            return new NotifyReply(200, Success);
        }
        if (status is not ("TRADE_SUCCESS" or "TRADE_FINISHED"))
        {
            await events.RecordAsync("notify", known, null, "accepted", $"{status}: nothing to do", raw, ct);
            return new NotifyReply(200, Success);
        }
        if (!Money.TryParse(fields.GetValueOrDefault("total_amount"), 2, out var amount) || !amount.IsPositive)
        {
            return await Refuse(400, "total_amount is missing or malformed");
        }
        var tradeNo = fields.GetValueOrDefault("trade_no");
        if (string.IsNullOrEmpty(tradeNo) || tradeNo.Length > 64) return await Refuse(400, "trade_no is missing or too long");
        var result = await complete.PayByGatewayAsync(rechargeId, amount, tradeNo, ct, "alipay");
        logger.LogInformation("AlipayNotify: recharge {RechargeId} trade {TradeNo}: {Outcome}", rechargeId, tradeNo, result.Status);
        return result.Status switch
        {
            ResultStatus.Ok => await Accepted(),
            ResultStatus.NotFound => await Refuse(404, "out_trade_no is not one of our orders"),
            ResultStatus.Invalid => await Refuse(400, $"total_amount {amount.ToFenString()} does not match the order"),
            _ => await Refuse(409, "the order is not payable: " + result.Error),
        };

        async Task<NotifyReply> Accepted()
        {
            await events.RecordAsync("notify", known, null, "accepted", $"{status}: credited (once)", raw, ct);
            return new NotifyReply(200, Success) { Credited = true };
        }
    }
}
