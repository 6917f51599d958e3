using System.Text.Encodings.Web;
using System.Text.Json;
using BillingConsole.Domain.Common;
using BillingConsole.Web.Features.Alipay;

namespace BillingConsole.Web.Features.AlipaySimulator;

/// <summary>
/// The server API of the simulated gateway: verifies the request's RSA2 signature with the application public key and
/// answers <c>alipay.trade.query</c> / <c>close</c> / <c>refund</c> as Alipay does: <c>{"x_response":{…},"sign":"…"}</c>,
/// the sign over the raw JSON text of the response object, with the simulator's private key.
/// </summary>
public sealed class AlipaySimulatorProtocol(SimulatorTrades trades, SimulatorKeys keys, SimulatorAppKey appKey, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Null when the request's signature verifies and its app_id is the one we know; else Alipay's error.</summary>
    public (string Code, string Msg, string SubCode, string SubMsg)? Check(IReadOnlyDictionary<string, string> p)
    {
        if (!AlipaySignature.Verify(AlipaySignature.Canonical(p!, excludeSignType: false), p.GetValueOrDefault("sign"), appKey.PublicKey))
        {
            return ("40002", "Invalid Arguments", "isv.invalid-signature", "验签出错");
        }
        if (p.GetValueOrDefault("app_id") != appKey.AppId) return ("40002", "Invalid Arguments", "isv.invalid-app-id", "无效的AppID参数");
        if (p.GetValueOrDefault("sign_type") != "RSA2") return ("40002", "Invalid Arguments", "isv.invalid-signature-type", "无效签名类型");
        return null;
    }

    public string Answer(IReadOnlyDictionary<string, string> p)
    {
        var method = p.GetValueOrDefault("method") ?? "unknown";
        var key = method.Replace('.', '_') + "_response";
        if (Check(p) is { } e) return Signed(key, Error(e.Code, e.Msg, e.SubCode, e.SubMsg));
        Dictionary<string, string> biz;
        try
        {
            biz = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(p.GetValueOrDefault("biz_content") ?? "{}")!
                .ToDictionary(x => x.Key, x => x.Value.ValueKind == JsonValueKind.String ? x.Value.GetString()! : x.Value.GetRawText());
        }
        catch (JsonException)
        {
            return Signed(key, Error("40002", "Invalid Arguments", "isv.invalid-biz-content", "biz_content 格式错误"));
        }
        var trade = trades.Find(biz.GetValueOrDefault("out_trade_no"));
        if (trade is null) return Signed(key, Error("40004", "Business Failed", "ACQ.TRADE_NOT_EXIST", "交易不存在"));
        return method switch
        {
            "alipay.trade.query" => Signed(key, Query(trade)),
            "alipay.trade.close" => Signed(key, Close(trade)),
            "alipay.trade.refund" => Signed(key, Refund(trade, biz)),
            _ => Signed(key, Error("40002", "Invalid Arguments", "isv.invalid-method", "不存在的方法名")),
        };
    }

    private static Dictionary<string, string> Error(string code, string msg, string subCode, string subMsg) =>
        new() { ["code"] = code, ["msg"] = msg, ["sub_code"] = subCode, ["sub_msg"] = subMsg };

    private Dictionary<string, string> Query(SimulatorTrade t) => trades.Change(t, _ => new Dictionary<string, string>
    {
        ["code"] = "10000", ["msg"] = "Success", ["trade_no"] = t.TradeNo, ["out_trade_no"] = t.OutTradeNo,
        ["buyer_logon_id"] = "sim***@example.com", ["trade_status"] = t.Status, ["total_amount"] = t.TotalAmount.ToFenString(),
        ["send_pay_date"] = t.PaidAt is { } paid ? AlipayTime.Format(paid) : "",
    }.Where(x => x.Value.Length > 0).ToDictionary());

    private Dictionary<string, string> Close(SimulatorTrade t) => trades.Change(t, _ =>
    {
        if (t.Status != "WAIT_BUYER_PAY") return Error("40004", "Business Failed", "ACQ.TRADE_STATUS_ERROR", "交易状态不合法");
        t.Status = "TRADE_CLOSED";
        return new Dictionary<string, string> { ["code"] = "10000", ["msg"] = "Success", ["trade_no"] = t.TradeNo, ["out_trade_no"] = t.OutTradeNo };
    });

    private Dictionary<string, string> Refund(SimulatorTrade t, Dictionary<string, string> biz) => trades.Change(t, _ =>
    {
        var requestNo = biz.GetValueOrDefault("out_request_no") ?? t.OutTradeNo;
        if (t.Status is not ("TRADE_SUCCESS" or "TRADE_FINISHED")) return Error("40004", "Business Failed", "ACQ.TRADE_STATUS_ERROR", "交易状态不合法");
        if (!Money.TryParse(biz.GetValueOrDefault("refund_amount"), 2, out var amount) || !amount.IsPositive)
        {
            return Error("40002", "Invalid Arguments", "isv.invalid-refund-amount", "退款金额无效");
        }
        var fundChange = "N";
        if (t.Refunds.TryGetValue(requestNo, out var earlier))
        {
            if (earlier != amount) return Error("40004", "Business Failed", "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额与原请求不一致");
        }
        else
        {
            if (t.RefundedTotal + amount > t.TotalAmount) return Error("40004", "Business Failed", "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额超限");
            t.Refunds[requestNo] = amount;
            fundChange = "Y";
        }
        return new Dictionary<string, string>
        {
            ["code"] = "10000", ["msg"] = "Success", ["trade_no"] = t.TradeNo, ["out_trade_no"] = t.OutTradeNo,
            ["buyer_logon_id"] = "sim***@example.com", ["fund_change"] = fundChange, ["refund_fee"] = t.RefundedTotal.ToFenString(),
            ["gmt_refund_pay"] = AlipayTime.Format(clock.GetUtcNow()),
        };
    });

    /// <summary>Alipay's answer shape; the sign covers exactly the response object's JSON text as written here.</summary>
    public string Signed(string responseKey, Dictionary<string, string> response)
    {
        var text = JsonSerializer.Serialize(response, Json);
        var sign = AlipaySignature.Sign(text, keys.AlipayKey);
        return $"{{\"{responseKey}\":{text},\"sign\":\"{sign}\"}}";
    }
}
