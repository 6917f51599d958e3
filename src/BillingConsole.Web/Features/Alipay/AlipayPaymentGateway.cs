using BillingConsole.Domain.Payments;
using BillingConsole.Web.Features.Recharge;
using RechargeOrder = BillingConsole.Domain.Payments.Recharge;

namespace BillingConsole.Web.Features.Alipay;

/// <summary>
/// API.md "Payment gateway: Alipay": the payUrl is a complete, signed <c>alipay.trade.page.pay</c> GET request to the
/// configured gateway (PC web cashier). Only the asynchronous notification or reconciliation credit.
/// </summary>
public sealed class AlipayPaymentGateway(AlipayCredentials credentials, PublicBaseUrl baseUrl, TimeProvider clock) : IPaymentGateway
{
    public const string PagePay = "alipay.trade.page.pay";
    public const string ProductCode = "FAST_INSTANT_TRADE_PAY";
    /// <summary>Alipay's channel code for online banking (网银), offered alone for 企业网银 recharges (docs/recharge.md).</summary>
    public const string BankPayChannel = "bankPay";
    public const string NotifyPath = "/api/v1/payments/notify/alipay";

    public bool IsAvailable => credentials.Enabled;

    public string PayUrl(RechargeOrder recharge) => PayUrl(recharge.Id, recharge.Amount, recharge.Method);

    public string PayUrl(Guid rechargeId, BillingConsole.Domain.Common.Money amount, RechargeMethod method)
    {
        var fields = new List<(string, string)>
        {
            ("out_trade_no", AlipayBizContent.OutTradeNo(rechargeId)),
            ("total_amount", AlipayBizContent.Amount(amount)),
            ("subject", credentials.Options.Subject),
            ("product_code", ProductCode),
        };
        if (method == RechargeMethod.Bank) fields.Add(("enable_pay_channels", BankPayChannel));
        var root = baseUrl.Value;
        var parameters = credentials.SignedRequest(PagePay, AlipayBizContent.Write([.. fields]), clock.GetUtcNow(),
            new Dictionary<string, string>
            {
                ["notify_url"] = root + NotifyPath,
                ["return_url"] = $"{root}/recharge/return/{rechargeId}",
            });
        var gateway = credentials.Options.Gateway;
        return gateway + (gateway.Contains('?') ? "&" : "?") + AlipaySignature.QueryString(parameters);
    }
}
