using System.Security.Cryptography;
using BillingConsole.Web.Features.Alipay;
using Microsoft.Extensions.Options;

namespace BillingConsole.Web.Features.AlipaySimulator;

/// <summary>The application as the simulator knows it (what Alipay keeps after the key upload): APPID and public key.</summary>
public sealed class SimulatorAppKey(IOptions<AlipaySimulatorOptions> simulator, IOptions<AlipayOptions> alipay)
{
    private readonly Lazy<RSA> publicKey = new(() => simulator.Value.AppPublicKey is { Length: > 0 } configured
        ? AlipayKeys.ReadPublicKey(configured)
        : AlipayKeys.ReadPublicKey(AlipayKeys.ReadPrivateKey(alipay.Value.AppPrivateKey).ExportSubjectPublicKeyInfoPem()));

    public string AppId => alipay.Value.AppId is { Length: > 0 } id ? id : simulator.Value.AppId;
    internal RSA PublicKey => publicKey.Value;
}
