using System.Text.Encodings.Web;
using System.Text.Json;
using BillingConsole.Domain.Common;

namespace BillingConsole.Web.Features.Alipay;

/// <summary>
/// <c>biz_content</c> JSON as Alipay's SDKs write it: compact, in the order given, non-ASCII text unescaped
/// (JSON.stringify's output), so the canonical string is the same bytes the official SDK signs.
/// </summary>
internal static class AlipayBizContent
{
    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Our order number at Alipay: the recharge id as 32 hex digits (letters and digits, ≤ 64).</summary>
    public static string OutTradeNo(Guid rechargeId) => rechargeId.ToString("N");

    public static bool TryParseOutTradeNo(string? outTradeNo, out Guid rechargeId)
    {
        rechargeId = Guid.Empty;
        return outTradeNo is { Length: 32 } && Guid.TryParseExact(outTradeNo, "N", out rechargeId);
    }

    public static string Write(params (string Name, string Value)[] fields)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Writer))
        {
            json.WriteStartObject();
            foreach (var (name, value) in fields) json.WriteString(name, value);
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string Amount(Money amount) => amount.ToFenString();
}
