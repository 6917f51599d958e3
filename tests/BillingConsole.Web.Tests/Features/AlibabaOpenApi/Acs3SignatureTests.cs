using System.Text;
using BillingConsole.Web.Features.AlibabaOpenApi;

namespace BillingConsole.Web.Tests.Features.AlibabaOpenApi;

/// <summary>ALIBABA-OPENAPI.md section 3: the server-side ACS3-HMAC-SHA256 steps against the two captured test vectors.</summary>
public sealed class Acs3SignatureTests
{
    private const string Secret = "TestSecret/with+chars=0001";
    private const string Nonce1 = "bcf5840406e0cd1bda1a2fe576688ce4c31667d8010d3c05190f930827527e11";
    private const string Nonce2 = "8860ad4c64fb62295efb5b340624a92f54546aa5357140bff882a93332ce02f1";

    private const string Query1 =
        "BillingCycle=2026-11&InstanceID=a%20b*c!%27()~%2B%2F%3D%26%3F%25%C3%A9%E4%B8%AD-_.%23&NextToken=&PipCode=alpha&ProductCode=Zeta";

    private const string Authorization1 = "ACS3-HMAC-SHA256 Credential=LTAI5tTestKeyId0001,SignedHeaders=host;x-acs-action;" +
        "x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-signature-nonce;x-acs-version," +
        "Signature=6fdac674e150d060050642055f3330846f89a641c5517c118da5ece856416f12";

    private const string Body2 =
        "BillingCycle=2026-11&InstanceIdList.1=i-1&InstanceIdList.2=a%20b*c!'()~%2B%2F%3D%26%3F%25%C3%A9%E4%B8%AD-_.%23&ProductCode=x%20y";

    private static Dictionary<string, string> Headers1(string host = "127.0.0.1:18080") => new()
    {
        ["host"] = host,
        ["x-acs-action"] = "DescribeInstanceBill",
        ["x-acs-content-sha256"] = Acs3Signature.EmptyPayloadHash,
        ["x-acs-credentials-provider"] = "static_ak",
        ["x-acs-date"] = "2026-12-07T20:03:18Z",
        ["x-acs-signature-nonce"] = Nonce1,
        ["x-acs-version"] = "2017-12-14",
    };

    private static string SignatureOf(string method, string? query, Acs3Authorization auth, Dictionary<string, string> headers,
        byte[] body, string secret = Secret)
    {
        var canonical = Acs3Signature.CanonicalRequest(method, query, auth.SignedHeaders, n => headers.GetValueOrDefault(n),
            Acs3Signature.HashPayload(body));
        return Acs3Signature.Sign(secret, Acs3Signature.StringToSign(canonical));
    }

    [Fact]
    public void Vector1_QueryWithReservedAndUnicode_CanonicalFormAndSignatureMatch()
    {
        var auth = Acs3Authorization.Parse(Authorization1)!;
        var canonical = Acs3Signature.CanonicalRequest("POST", "?" + Query1, auth.SignedHeaders, n => Headers1().GetValueOrDefault(n),
            Acs3Signature.HashPayload([]));

        Assert.Equal("LTAI5tTestKeyId0001", auth.AccessKeyId);
        Assert.Equal("BillingCycle=2026-11&InstanceID=a%20b%2Ac%21%27%28%29~%2B%2F%3D%26%3F%25%C3%A9%E4%B8%AD-_.%23&NextToken=&PipCode=alpha&ProductCode=Zeta",
            canonical.Split('\n')[2]);
        Assert.Equal("ACS3-HMAC-SHA256\n54e8ef09b409c245f56385df18a9701007c90a4b8fd4bbb9aa32141dc706c00e",
            Acs3Signature.StringToSign(canonical));
        Assert.True(Acs3Signature.Matches(Acs3Signature.Sign(Secret, Acs3Signature.StringToSign(canonical)), auth.Signature));
        Assert.Equal("a b*c!'()~+/=&?%é中-_.#", Acs3Signature.DecodeQuery(Query1)[1].Value);
    }

    [Fact]
    public void Vector2_FormBodyWithList_SignatureMatchesAndQueryIsEmpty()
    {
        var auth = Acs3Authorization.Parse("ACS3-HMAC-SHA256 Credential=LTAI5tTestKeyId0001,SignedHeaders=content-type;host;" +
            "x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-signature-nonce;x-acs-version," +
            "Signature=d1cc4f3c5b154c0407e10a1b3e0d298db6ac311435668b405b0375c92c8d2b20")!;
        var body = Encoding.UTF8.GetBytes(Body2);
        var headers = new Dictionary<string, string>
        {
            ["content-type"] = "application/x-www-form-urlencoded",
            ["host"] = "127.0.0.1:18080",
            ["x-acs-action"] = "DescribeInstanceAmortizedCostByAmortizationPeriod",
            ["x-acs-content-sha256"] = "f6e0c3636857a0509f6d0aa0438afb7616e0a3747f488edc04737a279fe2462d",
            ["x-acs-credentials-provider"] = "static_ak",
            ["x-acs-date"] = "2026-12-07T20:03:18Z",
            ["x-acs-signature-nonce"] = Nonce2,
            ["x-acs-version"] = "2017-12-14",
        };

        var canonical = Acs3Signature.CanonicalRequest("POST", "", auth.SignedHeaders, n => headers.GetValueOrDefault(n),
            Acs3Signature.HashPayload(body));

        Assert.Equal(128, body.Length);
        Assert.Equal(headers["x-acs-content-sha256"], Acs3Signature.HashPayload(body));
        Assert.Equal("", canonical.Split('\n')[2]);
        Assert.Equal("ACS3-HMAC-SHA256\ne07d48cd08c5620ab13d37cf39a683d55194b08a39ef3d592f686ed149ced725",
            Acs3Signature.StringToSign(canonical));
        Assert.Equal(auth.Signature, SignatureOf("POST", null, auth, headers, body));
    }

    [Theory]
    [InlineData("body")]
    [InlineData("query")]
    [InlineData("port")]
    [InlineData("secret")]
    public void Vector1_OneChange_NoLongerMatches(string change)
    {
        var auth = Acs3Authorization.Parse(Authorization1)!;
        var query = change == "query" ? "?" + Query1.Replace("PipCode=alpha", "PipCode=alphb") : "?" + Query1;
        var headers = Headers1(change == "port" ? "127.0.0.1:18081" : "127.0.0.1:18080");
        byte[] body = change == "body" ? [0x20] : [];

        var signature = SignatureOf("POST", query, auth, headers, body, change == "secret" ? Secret + "x" : Secret);

        Assert.False(Acs3Signature.Matches(signature, auth.Signature));
    }

    [Theory]
    [InlineData(" ", "%20")]
    [InlineData("*", "%2A")]
    [InlineData("~", "~")]
    [InlineData("中", "%E4%B8%AD")]
    [InlineData("a+b", "a%2Bb")]
    [InlineData("-_.", "-_.")]
    public void Encode_Rfc3986UpperHex(string value, string encoded) => Assert.Equal(encoded, Acs3Signature.Encode(value));

    [Fact]
    public void CanonicalQuery_SortsOrdinally_NotByCulture()
    {
        Assert.Equal("OwnerID=1&OwnerId=2&Zeta=z&alpha=a", Acs3Signature.CanonicalQuery("alpha=a&OwnerId=2&Zeta=z&OwnerID=1"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer abc")]
    [InlineData("ACS3-HMAC-SHA1 Credential=a,SignedHeaders=host,Signature=00")]
    [InlineData("ACS3-HMAC-SHA256 Credential=a,SignedHeaders=host")]
    [InlineData("ACS3-HMAC-SHA256 Credential=a,SignedHeaders=Host,Signature=00")]
    public void Authorization_Malformed_IsNull(string? header) => Assert.Null(Acs3Authorization.Parse(header));
}
