namespace BillingConsole.Domain.Payments;

/// <summary>
/// One exchange with a payment gateway that staff may need to see (a refused notification, a gateway error, a
/// query's verdict, a refund attempt), with the raw parameters as they arrived. Secrets are never part of them: our
/// keys are not sent and Alipay's notifications carry no card data. Append-only.
/// </summary>
public sealed class GatewayEvent
{
    public const int MaxParametersLength = 8000;

    private GatewayEvent()
    {
        Gateway = Kind = Outcome = Reason = string.Empty;
    }

    public Guid Id { get; private set; }
    public DateTime AtUtc { get; private set; }
    /// <summary><c>alipay</c>.</summary>
    public string Gateway { get; private set; }
    /// <summary><c>notify</c>, <c>query</c>, <c>close</c>, <c>refund</c>.</summary>
    public string Kind { get; private set; }
    public Guid? RechargeId { get; private set; }
    public Guid? WithdrawalId { get; private set; }
    /// <summary><c>accepted</c>, <c>refused</c> or <c>error</c>.</summary>
    public string Outcome { get; private set; }
    public string Reason { get; private set; }
    /// <summary>The raw parameters (form fields, or the JSON answer), cut at <see cref="MaxParametersLength"/>.</summary>
    public string? Parameters { get; private set; }

    public static GatewayEvent Create(DateTime nowUtc, string gateway, string kind, Guid? rechargeId, Guid? withdrawalId,
        string outcome, string reason, string? parameters) => new()
    {
        Id = Guid.NewGuid(),
        AtUtc = nowUtc,
        Gateway = gateway,
        Kind = kind,
        RechargeId = rechargeId,
        WithdrawalId = withdrawalId,
        Outcome = outcome,
        Reason = reason.Length > 500 ? reason[..500] : reason,
        Parameters = parameters is { Length: > MaxParametersLength } ? parameters[..MaxParametersLength] : parameters,
    };
}
