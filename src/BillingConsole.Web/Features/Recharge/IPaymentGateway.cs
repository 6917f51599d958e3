namespace BillingConsole.Web.Features.Recharge;

/// <summary>
/// The seam to a payment gateway (SPEC R2). A gateway hands out the URL where the payer pays; it reports the outcome
/// only through its signed asynchronous notification, never through the browser's return.
/// </summary>
public interface IPaymentGateway
{
    /// <summary>False when no gateway is configured: Alipay and online-banking recharges are refused then.</summary>
    bool IsAvailable { get; }

    /// <summary>The site-relative URL of the cashier for this order.</summary>
    string PayUrl(Guid rechargeId);
}
