using Microsoft.Extensions.Options;

namespace BillingConsole.Web.Features.Alipay;

/// <summary>The <c>Payments:Alipay</c> section (SPEC "Configuration keys", API.md "Payment gateway: Alipay").</summary>
public sealed class AlipayOptions
{
    public const string ProductionGateway = "https://openapi.alipay.com/gateway.do";

    public bool Enabled { get; set; }
    /// <summary>Development and the demo: the local Alipay simulator, with keys it makes (docs/recharge.md).</summary>
    public bool UseSimulator { get; set; }
    public string? AppId { get; set; }
    /// <summary>The application's RSA private key: PKCS#8 or PKCS#1 PEM, or the bare base64 body.</summary>
    public string? AppPrivateKey { get; set; }
    /// <summary>Alipay's RSA public key ("支付宝公钥"): PEM or bare base64.</summary>
    public string? AlipayPublicKey { get; set; }
    public string Gateway { get; set; } = ProductionGateway;
    /// <summary>How long a pending order waits for its notification before reconciliation asks alipay.trade.query.</summary>
    public TimeSpan QueryAfter { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>An unpaid order older than this is closed (alipay.trade.close) and marked failed.</summary>
    public TimeSpan OrderTimeout { get; set; } = TimeSpan.FromHours(2);
    /// <summary>The <c>subject</c> shown on Alipay's cashier.</summary>
    public string Subject { get; set; } = "BillingConsole 账户充值";
}

/// <summary>Start-up validation: a malformed key stops the app with a message that names the key, not its value.</summary>
public sealed class AlipayOptionsValidator : IValidateOptions<AlipayOptions>
{
    public ValidateOptionsResult Validate(string? name, AlipayOptions options)
    {
        if (!options.Enabled) return ValidateOptionsResult.Success;
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.AppId) || !options.AppId.All(char.IsAsciiDigit))
        {
            failures.Add("Payments:Alipay:AppId must be the application's numeric APPID from the Alipay open platform.");
        }
        if (AlipayKeys.Problem(options.AppPrivateKey, isPrivate: true) is { } p)
        {
            failures.Add($"Payments:Alipay:AppPrivateKey is not a usable RSA private key (PKCS#8 or PKCS#1, PEM or bare base64): {p}");
        }
        if (AlipayKeys.Problem(options.AlipayPublicKey, isPrivate: false) is { } q)
        {
            failures.Add($"Payments:Alipay:AlipayPublicKey is not a usable RSA public key (PEM or bare base64): {q}");
        }
        var relativeSimulator = options.UseSimulator && options.Gateway.StartsWith('/');
        if (!relativeSimulator && (!Uri.TryCreate(options.Gateway, UriKind.Absolute, out var gateway) || gateway.Scheme is not ("https" or "http")))
        {
            failures.Add("Payments:Alipay:Gateway must be an absolute http(s) URL such as " + AlipayOptions.ProductionGateway + ".");
        }
        if (options.QueryAfter <= TimeSpan.Zero || options.OrderTimeout <= options.QueryAfter)
        {
            failures.Add("Payments:Alipay:QueryAfter must be positive and shorter than Payments:Alipay:OrderTimeout.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
