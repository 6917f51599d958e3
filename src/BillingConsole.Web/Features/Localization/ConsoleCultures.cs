using System.Globalization;

namespace BillingConsole.Web.Features.Localization;

/// <summary>The console's two languages and the rules that pick one (docs/localization.md).</summary>
public static class ConsoleCultures
{
    public const string Chinese = "zh-CN";
    public const string English = "en-US";

    /// <summary>Pages fall back to Chinese (the billing center's home market); the API to English.</summary>
    public const string PageDefault = Chinese;

    public static IReadOnlyList<string> Supported { get; } = [Chinese, English];

    public static bool IsSupported(string? culture) =>
        culture is not null && Supported.Contains(culture, StringComparer.OrdinalIgnoreCase);

    public static CultureInfo Get(string culture) => CultureInfo.GetCultureInfo(culture);
}
