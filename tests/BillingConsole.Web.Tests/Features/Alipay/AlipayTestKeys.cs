using System.Security.Cryptography;

namespace BillingConsole.Web.Tests.Features.Alipay;

/// <summary>Two 2048-bit key pairs made once per test run: "ours" (the application) and "Alipay's".</summary>
internal static class AlipayTestKeys
{
    public static readonly RSA App = RSA.Create(2048);
    public static readonly RSA Alipay = RSA.Create(2048);

    public static string AppPrivatePem => App.ExportPkcs8PrivateKeyPem();
    public static string AppPublicPem => App.ExportSubjectPublicKeyInfoPem();
    public static string AlipayPrivatePem => Alipay.ExportPkcs8PrivateKeyPem();
    public static string AlipayPublicPem => Alipay.ExportSubjectPublicKeyInfoPem();
}
