using System.Security.Cryptography;
using BillingConsole.Web.Features.Alipay;
using Microsoft.Extensions.Options;

namespace BillingConsole.Web.Features.AlipaySimulator;

/// <summary>
/// The simulator's own RSA 2048 key pair ("Alipay's"), and for UseSimulator the application's, made at first start
/// and kept as PKCS#8 PEM files readable only by the service user, so a restart keeps verifying old signatures.
/// </summary>
public sealed class SimulatorKeys(IOptions<AlipaySimulatorOptions> options)
{
    private readonly Lazy<RSA> alipay = new(() => LoadOrCreate(options.Value.DataFolder, "alipay-private-key.pem"));
    private readonly Lazy<RSA> app = new(() => LoadOrCreate(options.Value.DataFolder, "app-private-key.pem"));
    private static readonly Lock Gate = new();

    /// <summary>The simulator's ("Alipay's") private key: it signs notifications and answers.</summary>
    internal RSA AlipayKey => alipay.Value;
    public string AlipayPublicKeyPem => alipay.Value.ExportSubjectPublicKeyInfoPem();
    public string AppPrivateKeyPem => app.Value.ExportPkcs8PrivateKeyPem();

    private static RSA LoadOrCreate(string folder, string file)
    {
        lock (Gate)
        {
            var path = Path.GetFullPath(Path.Combine(folder, file));
            if (File.Exists(path)) return AlipayKeys.ReadPrivateKey(File.ReadAllText(path));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var rsa = RSA.Create(2048);
            var temp = path + ".tmp";
            File.WriteAllText(temp, rsa.ExportPkcs8PrivateKeyPem());
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.Move(temp, path, overwrite: false);
            return rsa;
        }
    }
}

/// <summary><c>Payments:Alipay:UseSimulator</c>: fills in whatever Alipay setting is not configured with the simulator's.</summary>
public sealed class UseSimulatorSetup(SimulatorKeys keys, IOptions<AlipaySimulatorOptions> simulator)
    : IPostConfigureOptions<AlipayOptions>
{
    public const string GatewayPath = "/alipay-sim/gateway.do";

    public void PostConfigure(string? name, AlipayOptions options)
    {
        if (!options.UseSimulator) return;
        options.Enabled = true;
        if (string.IsNullOrWhiteSpace(options.AppId)) options.AppId = simulator.Value.AppId;
        if (string.IsNullOrWhiteSpace(options.AppPrivateKey)) options.AppPrivateKey = keys.AppPrivateKeyPem;
        if (string.IsNullOrWhiteSpace(options.AlipayPublicKey)) options.AlipayPublicKey = keys.AlipayPublicKeyPem;
        if (options.Gateway == AlipayOptions.ProductionGateway) options.Gateway = GatewayPath;
    }
}

/// <summary>Makes (or loads) the simulator's key pair when the app starts, so it exists from the first start on.</summary>
public sealed class SimulatorKeysAtStart(IServiceProvider services, SimulatorKeys keys) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (AlipaySimulatorEndpoints.On(services)) _ = keys.AlipayPublicKeyPem;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
