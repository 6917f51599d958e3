using System.Security.Cryptography;
using System.Text;
using BillingConsole.Web.Features.Alipay;

namespace BillingConsole.Web.Tests.Features.Alipay;

public sealed class AlipaySignatureTests
{
    private static KeyValuePair<string, string?> P(string k, string? v) => new(k, v);

    [Fact]
    public void Canonical_SortsByName_Ordinally_WithRawValues_AndSkipsEmptyValuesAndSign()
    {
        var canonical = AlipaySignature.Canonical(
        [
            P("timestamp", "2026-12-08 06:30:00"), P("app_id", "2021000000000001"), P("sign", "xyz"), P("empty", ""),
            P("none", null), P("biz_content", "{\"subject\":\"账户充值 & more=1+2%20\"}"), P("Zeta", "upper first"),
            P("sign_type", "RSA2"),
        ], excludeSignType: false);

        Assert.Equal("Zeta=upper first&app_id=2021000000000001&biz_content={\"subject\":\"账户充值 & more=1+2%20\"}"
                     + "&sign_type=RSA2&timestamp=2026-12-08 06:30:00", canonical);
    }

    [Fact]
    public void Canonical_ForNotifications_LeavesOutSignType()
    {
        var canonical = AlipaySignature.Canonical([P("sign_type", "RSA2"), P("trade_status", "TRADE_SUCCESS"), P("sign", "s")],
            excludeSignType: true);
        Assert.Equal("trade_status=TRADE_SUCCESS", canonical);
    }

    [Fact]
    public void Sign_IsSha256WithRsaPkcs1_OverUtf8_Deterministic_AndVerifies_WithChineseSubject()
    {
        var content = "app_id=1&biz_content={\"subject\":\"BillingConsole 账户充值\"}&method=alipay.trade.page.pay";
        var sign = AlipaySignature.Sign(content, AlipayTestKeys.App);

        Assert.Equal(sign, AlipaySignature.Sign(content, AlipayTestKeys.App)); // PKCS#1 v1.5 is deterministic
        Assert.True(AlipayTestKeys.App.VerifyData(Encoding.UTF8.GetBytes(content), Convert.FromBase64String(sign),
            HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        Assert.True(AlipaySignature.Verify(content, sign, AlipayTestKeys.App));
        Assert.False(AlipaySignature.Verify(content.Replace("账户", "帐户"), sign, AlipayTestKeys.App));
        Assert.False(AlipaySignature.Verify(content, sign, AlipayTestKeys.Alipay));
        Assert.False(AlipaySignature.Verify(content, "not base64!", AlipayTestKeys.App));
        Assert.False(AlipaySignature.Verify(content, null, AlipayTestKeys.App));
    }

    [Fact]
    public void BizContent_IsCompact_InOrder_WithChineseUnescaped_LikeJsonStringify()
    {
        var json = AlipayBizContent.Write(("out_trade_no", "abc_1"), ("total_amount", "100.00"), ("subject", "账户充值 \"A\"+<b>"));
        Assert.Equal("{\"out_trade_no\":\"abc_1\",\"total_amount\":\"100.00\",\"subject\":\"账户充值 \\\"A\\\"+<b>\"}", json);
    }

    [Fact]
    public void OutTradeNo_IsLettersAndDigits_AtMost64_AndRoundTrips()
    {
        var id = Guid.NewGuid();
        var no = AlipayBizContent.OutTradeNo(id);
        Assert.Matches("^[A-Za-z0-9_]{1,64}$", no);
        Assert.True(AlipayBizContent.TryParseOutTradeNo(no, out var back));
        Assert.Equal(id, back);
        Assert.False(AlipayBizContent.TryParseOutTradeNo("not-ours", out _));
    }

    [Theory]
    [InlineData("2026-12-07T16:30:00Z", "2026-12-08 00:30:00")] // the day boundary: Shanghai is UTC+8 all year
    [InlineData("2026-07-01T03:04:05Z", "2026-07-01 11:04:05")]
    public void Timestamp_IsAsiaShanghai_WhateverTheServerZone(string utc, string expected)
    {
        Assert.Equal(expected, AlipayTime.Format(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void ResponseText_IsTheRawJsonOfTheResponseObject_AsSent()
    {
        const string raw = "{\"alipay_trade_query_response\":{\"code\":\"10000\",\"msg\":\"Success\",\"total_amount\":\"88.88\",\"buyer\":\"\\u5f20\"},\"sign\":\"abc\"}";
        Assert.True(AlipayClient.TryExtract(raw, "alipay_trade_query_response", out var text, out var sign));
        Assert.Equal("{\"code\":\"10000\",\"msg\":\"Success\",\"total_amount\":\"88.88\",\"buyer\":\"\\u5f20\"}", text);
        Assert.Equal("abc", sign);
        Assert.False(AlipayClient.TryExtract("{\"error_response\":{}}", "alipay_trade_query_response", out _, out _));
        Assert.False(AlipayClient.TryExtract("<html>", "alipay_trade_query_response", out _, out _));
    }
}
