using System.Text.Json;
using BillingConsole.Domain.Common;
using BillingConsole.Web.Features.Alipay;

namespace BillingConsole.Web.Features.AlipaySimulator;

/// <summary>
/// The simulated PC cashier: takes a signed <c>alipay.trade.page.pay</c> GET, shows the order, and on "pay" sends the
/// asynchronous notification Alipay would send (form POST to notify_url, RSA2 over every parameter but sign and
/// sign_type), repeating it like Alipay until it reads <c>success</c> (here: a few quick tries).
/// </summary>
public sealed class AlipaySimulatorCashier(SimulatorTrades trades, SimulatorKeys keys, AlipaySimulatorProtocol protocol,
    IHttpClientFactory httpFactory, PublicBaseUrl baseUrl, TimeProvider clock, ILogger<AlipaySimulatorCashier> logger)
{
    public const string HttpClientName = "alipay-simulator";

    /// <summary>Registers the order of a page-pay request; the error text when the request is not acceptable.</summary>
    public (SimulatorTrade? Trade, string? Error) Open(IReadOnlyDictionary<string, string> p)
    {
        if (protocol.Check(p) is { } e) return (null, $"{e.SubCode}: {e.SubMsg}");
        if (p.GetValueOrDefault("method") != AlipayPaymentGateway.PagePay) return (null, "isv.invalid-method");
        if (!AlipayTime.TryParse(p.GetValueOrDefault("timestamp"), out var ts) || (clock.GetUtcNow() - ts).Duration() > TimeSpan.FromMinutes(30))
        {
            return (null, "isv.invalid-timestamp: 时间戳不在有效范围内");
        }
        try
        {
            using var biz = JsonDocument.Parse(p.GetValueOrDefault("biz_content") ?? "{}");
            string? F(string name) => biz.RootElement.TryGetProperty(name, out var v) ? v.GetString() : null;
            if (F("product_code") != AlipayPaymentGateway.ProductCode) return (null, "isv.invalid-product-code");
            if (F("out_trade_no") is not { Length: > 0 and <= 64 } no || !no.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return (null, "isv.invalid-out-trade-no");
            }
            if (!Money.TryParse(F("total_amount"), 2, out var amount) || !amount.IsPositive) return (null, "isv.invalid-total-amount");
            var trade = trades.Open(new SimulatorTrade(no, p["app_id"], amount, F("subject") ?? "", p.GetValueOrDefault("notify_url"),
                p.GetValueOrDefault("return_url"), clock.GetUtcNow()));
            return trade.TotalAmount == amount ? (trade, null) : (null, "ACQ.CONTEXT_INCONSISTENT: 交易信息被篡改");
        }
        catch (JsonException)
        {
            return (null, "isv.invalid-biz-content");
        }
    }

    /// <summary>The payer pays: the trade succeeds and (unless <paramref name="notify"/> is false: a lost notification) Alipay notifies.</summary>
    public async Task<string?> PayAsync(string outTradeNo, bool notify, CancellationToken ct)
    {
        var trade = trades.Find(outTradeNo);
        if (trade is null) return "ACQ.TRADE_NOT_EXIST";
        var paid = trades.Change(trade, t =>
        {
            if (t.Status != "WAIT_BUYER_PAY") return false;
            t.Status = "TRADE_SUCCESS";
            t.PaidAt = clock.GetUtcNow();
            return true;
        });
        if (!paid) return "ACQ.TRADE_STATUS_ERROR";
        return notify ? await NotifyAsync(trade, ct) : null;
    }

    /// <summary>The notification for the trade's current status, signed as Alipay signs it.</summary>
    public Dictionary<string, string> Notification(SimulatorTrade t)
    {
        var now = clock.GetUtcNow();
        var fields = new Dictionary<string, string>
        {
            ["notify_time"] = AlipayTime.Format(now), ["notify_type"] = "trade_status_sync",
            ["notify_id"] = Guid.NewGuid().ToString("N"), ["app_id"] = t.AppId, ["charset"] = "utf-8", ["version"] = "1.0",
            ["sign_type"] = "RSA2", ["trade_no"] = t.TradeNo, ["out_trade_no"] = t.OutTradeNo, ["trade_status"] = t.Status,
            ["total_amount"] = t.TotalAmount.ToFenString(), ["receipt_amount"] = t.TotalAmount.ToFenString(),
            ["buyer_pay_amount"] = t.TotalAmount.ToFenString(), ["subject"] = t.Subject, ["buyer_id"] = "2088000000000001",
            ["seller_id"] = "2088000000000002", ["gmt_create"] = AlipayTime.Format(t.CreatedAt),
        };
        if (t.PaidAt is { } paidAt) fields["gmt_payment"] = AlipayTime.Format(paidAt);
        fields["sign"] = AlipaySignature.Sign(AlipaySignature.Canonical(fields!, excludeSignType: true), keys.AlipayKey);
        return fields;
    }

    public async Task<string?> NotifyAsync(SimulatorTrade trade, CancellationToken ct)
    {
        if (trade.NotifyUrl is null) return "no notify_url";
        string? last = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                using var http = httpFactory.CreateClient(HttpClientName);
                using var body = new FormUrlEncodedContent(Notification(trade));
                using var response = await http.PostAsync(baseUrl.Absolute(trade.NotifyUrl), body, ct);
                var text = await response.Content.ReadAsStringAsync(ct);
                if (text == AlipayNotifyHandler.Success) return null;
                last = $"notify_url answered {(int)response.StatusCode} {text}";
            }
            catch (HttpRequestException e)
            {
                last = "notify_url unreachable: " + e.Message;
            }
            logger.LogWarning("AlipaySimulator: notification for {OutTradeNo} not accepted: {Reply}", trade.OutTradeNo, last);
        }
        return last;
    }
}
