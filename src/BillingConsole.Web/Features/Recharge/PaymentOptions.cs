namespace BillingConsole.Web.Features.Recharge;

/// <summary>The <c>Payments</c> configuration section.</summary>
public sealed class PaymentOptions
{
    /// <summary>The upper limit of one recharge (SPEC R1), yuan.</summary>
    public decimal MaxRecharge { get; set; } = 1_000_000m;

    /// <summary>
    /// A staff confirmation may credit at most the ordered amount times this factor (issue #16; and never more than
    /// <see cref="MaxRecharge"/>). 10 lets a remitter round up or pay several orders at once, not add zeros.
    /// </summary>
    public decimal ReceivedToleranceFactor { get; set; } = 10m;

    public SandboxOptions Sandbox { get; set; } = new();

    /// <summary>The console's public base URL (Alipay notify_url / return_url); the request's own base when unset.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Where offline remittances go. The defaults are demo values, marked as such on the page.</summary>
    public RemittanceBankOptions RemittanceBank { get; set; } = new();
}

public sealed class SandboxOptions
{
    /// <summary>On in Development (appsettings.Development.json); never on by default in Production.</summary>
    public bool Enabled { get; set; }

    /// <summary>HMAC key for the sandbox notifications; a random one is generated at start-up when absent.</summary>
    public string? SigningKey { get; set; }
}

public sealed class RemittanceBankOptions
{
    public string AccountName { get; set; } = "BillingConsole Demo Co., Ltd. (demo)";
    public string BankName { get; set; } = "Demo Bank Shanghai Branch (demo)";
    public string AccountNumber { get; set; } = "6222 0000 0000 0000 000 (demo)";
    /// <summary>True while the values above are the shipped demo values: the page says so.</summary>
    public bool IsDemo { get; set; } = true;
}
