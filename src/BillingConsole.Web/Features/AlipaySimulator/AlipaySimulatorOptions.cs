namespace BillingConsole.Web.Features.AlipaySimulator;

/// <summary>
/// <c>Payments:AlipaySimulator</c>: a local stand-in for Alipay's gateway (Development, the demo and tests). It never
/// moves money. <c>Payments:Alipay:UseSimulator=true</c> points the Alipay gateway at it with keys it makes itself.
/// </summary>
public sealed class AlipaySimulatorOptions
{
    public bool Enabled { get; set; }

    /// <summary>Where its key pair (and, for UseSimulator, the application's) is generated at first start and kept.</summary>
    public string DataFolder { get; set; } = "data/alipay-sim";

    /// <summary>The application public key it verifies our requests with; derived from AppPrivateKey when unset.</summary>
    public string? AppPublicKey { get; set; }

    /// <summary>The APPID the simulator answers for when UseSimulator fills in the Alipay settings.</summary>
    public string AppId { get; set; } = "2021000000000000";
}
