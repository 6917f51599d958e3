using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace BillingConsole.Web.Features.Alipay;

/// <summary>The configured keys, read once (validated at start-up by <see cref="AlipayOptionsValidator"/>).</summary>
public sealed class AlipayCredentials(IOptions<AlipayOptions> options)
{
    private readonly Lazy<RSA> appPrivateKey = new(() => AlipayKeys.ReadPrivateKey(options.Value.AppPrivateKey));
    private readonly Lazy<RSA> alipayPublicKey = new(() => AlipayKeys.ReadPublicKey(options.Value.AlipayPublicKey));

    public AlipayOptions Options => options.Value;
    public bool Enabled => options.Value.Enabled;
    internal RSA AppPrivateKey => appPrivateKey.Value;
    internal RSA AlipayPublicKey => alipayPublicKey.Value;

    /// <summary>Our request parameters with <c>sign</c>, per API.md (format, charset, sign_type, timestamp, version).</summary>
    internal SortedDictionary<string, string> SignedRequest(string method, string bizContent, DateTimeOffset now,
        IReadOnlyDictionary<string, string>? extra = null)
    {
        var parameters = new Dictionary<string, string>
        {
            ["app_id"] = options.Value.AppId!,
            ["method"] = method,
            ["format"] = "JSON",
            ["charset"] = "utf-8",
            ["sign_type"] = "RSA2",
            ["timestamp"] = AlipayTime.Format(now),
            ["version"] = "1.0",
            ["biz_content"] = bizContent,
        };
        if (extra is not null) foreach (var (k, v) in extra) parameters[k] = v;
        return AlipaySignature.SignRequest(parameters, AppPrivateKey);
    }
}

/// <summary>Alipay's clock: <c>yyyy-MM-dd HH:mm:ss</c> in Asia/Shanghai (UTC+8, no daylight saving).</summary>
internal static class AlipayTime
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static string Format(DateTimeOffset now) =>
        TimeZoneInfo.ConvertTime(now, Shanghai).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (!DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var local)) return false;
        value = new DateTimeOffset(local, Shanghai.GetUtcOffset(local));
        return true;
    }
}
