namespace BillingConsole.Domain.Payments;

/// <summary>How a recharge is paid (SPEC R1): 支付宝, 企业网银 or 线下汇款.</summary>
public enum RechargeMethod
{
    Alipay,
    Bank,
    Offline,
}

public static class RechargeMethods
{
    /// <summary>Alipay and online banking go through a gateway and are refunded by the original route (R2, R5).</summary>
    public static bool IsGateway(this RechargeMethod method) => method is RechargeMethod.Alipay or RechargeMethod.Bank;

    /// <summary>The API name (API.md): alipay, bank, offline.</summary>
    public static string ApiName(this RechargeMethod method) => method.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out RechargeMethod method)
    {
        RechargeMethod? parsed = text switch
        {
            "alipay" => RechargeMethod.Alipay,
            "bank" => RechargeMethod.Bank,
            "offline" => RechargeMethod.Offline,
            _ => null,
        };
        method = parsed ?? default;
        return parsed is not null;
    }
}
