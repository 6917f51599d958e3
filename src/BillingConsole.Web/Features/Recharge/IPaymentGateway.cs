namespace BillingConsole.Web.Features.Recharge;

/// <summary>
/// The seam to a payment gateway (SPEC R2). A gateway hands out the URL where the payer pays; it reports the outcome
/// only through its signed asynchronous notification, never through the browser's return.
/// </summary>
public interface IPaymentGateway
{
    /// <summary>False when no gateway is configured: Alipay and online-banking recharges are refused then.</summary>
    bool IsAvailable { get; }

    /// <summary>Where the payer pays this order: a site-relative cashier URL, or the gateway's own signed URL.</summary>
    string PayUrl(BillingConsole.Domain.Payments.Recharge recharge);
}
