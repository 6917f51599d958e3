using System.Security.Cryptography;
using BillingConsole.Web.Features.Alipay;
using Microsoft.Extensions.Options;

namespace BillingConsole.Web.Tests.Features.Alipay;

public sealed class AlipayKeyFormatTests
{
    private const string Content = "a=1&b=账户充值";

    private static string Bare(string pem) =>
        string.Concat(pem.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal)).Select(l => l.Trim()));

    // Index-based: the key pair is made per test run, so the texts are built at run time, not at discovery.
    private static string[] PrivateKeyTexts()
    {
        var app = AlipayTestKeys.App;
        return new[]
        {
            app.ExportPkcs8PrivateKeyPem(),
            app.ExportRSAPrivateKeyPem(),
            Bare(app.ExportPkcs8PrivateKeyPem()),
            Bare(app.ExportRSAPrivateKeyPem()),
            app.ExportPkcs8PrivateKeyPem().Replace("\n", "\\n"), // one environment variable
            "  \n" + app.ExportRSAPrivateKeyPem() + "\n\n",
        };
    }

    private static string[] PublicKeyTexts()
    {
        var app = AlipayTestKeys.App;
        return new[]
        {
            app.ExportSubjectPublicKeyInfoPem(),
            app.ExportRSAPublicKeyPem(),
            Bare(app.ExportSubjectPublicKeyInfoPem()),
            Bare(app.ExportRSAPublicKeyPem()),
        };
    }

    [Theory]
    [InlineData(0)] [InlineData(1)] [InlineData(2)] [InlineData(3)] [InlineData(4)] [InlineData(5)]
    public void PrivateKey_InEveryAcceptedForm_SignsLikeTheKeyItself(int form)
    {
        var text = PrivateKeyTexts()[form];
        Assert.Null(AlipayKeys.Problem(text, isPrivate: true));
        using var key = AlipayKeys.ReadPrivateKey(text);
        Assert.Equal(AlipaySignature.Sign(Content, AlipayTestKeys.App), AlipaySignature.Sign(Content, key));
    }

    [Theory]
    [InlineData(0)] [InlineData(1)] [InlineData(2)] [InlineData(3)]
    public void PublicKey_InEveryAcceptedForm_Verifies(int form)
    {
        var text = PublicKeyTexts()[form];
        Assert.Null(AlipayKeys.Problem(text, isPrivate: false));
        using var key = AlipayKeys.ReadPublicKey(text);
        Assert.True(AlipaySignature.Verify(Content, AlipaySignature.Sign(Content, AlipayTestKeys.App), key));
    }

    [Fact]
    public void MalformedKeys_StopTheStart_WithAMessageNamingTheKey_NotItsValue()
    {
        using var small = RSA.Create(1024);
        var options = new AlipayOptions
        {
            Enabled = true,
            AppId = "2021000000000001",
            AppPrivateKey = small.ExportPkcs8PrivateKeyPem(),
            AlipayPublicKey = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA-this-is-not-a-key",
        };
        var result = new AlipayOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        var message = result.FailureMessage;
        Assert.Contains("Payments:Alipay:AppPrivateKey", message);
        Assert.Contains("1024 bits", message);
        Assert.Contains("Payments:Alipay:AlipayPublicKey", message);
        Assert.DoesNotContain("this-is-not-a-key", message);

        var swapped = new AlipayOptionsValidator().Validate(null, new AlipayOptions
        {
            Enabled = true, AppId = "x1", AppPrivateKey = AlipayTestKeys.AppPublicPem, AlipayPublicKey = AlipayTestKeys.AlipayPrivatePem,
        });
        Assert.Contains("AppId", swapped.FailureMessage);
        Assert.Contains("PUBLIC KEY was given where the application's PRIVATE key belongs", swapped.FailureMessage);
        Assert.Contains("PRIVATE key was given where Alipay's PUBLIC key belongs", swapped.FailureMessage);
    }

    [Fact]
    public void ValidKeys_Pass_AndDisabledNeedsNothing()
    {
        Assert.Equal(ValidateOptionsResult.Success, new AlipayOptionsValidator().Validate(null, new AlipayOptions()));
        var ok = new AlipayOptionsValidator().Validate(null, new AlipayOptions
        {
            Enabled = true, AppId = "2021000000000001", AppPrivateKey = Bare(AlipayTestKeys.AppPrivatePem),
            AlipayPublicKey = Bare(AlipayTestKeys.AlipayPublicPem),
        });
        Assert.True(ok.Succeeded, ok.FailureMessage);
    }
}
