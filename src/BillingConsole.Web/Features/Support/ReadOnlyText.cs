using System.Globalization;
using BillingConsole.Web.Resources;
using Microsoft.Extensions.Localization;

namespace BillingConsole.Web.Features.Support;

/// <summary>
/// The read-only refusal as the console shows it: in a Chinese console the Chinese sentence leads and the precise
/// English detail (which action was refused) follows in brackets; elsewhere the English detail alone.
/// </summary>
public static class ReadOnlyText
{
    public const string Key = "Support is viewing this account read-only; changes are refused. End impersonation to act as yourself.";

    public static string For(IStringLocalizer<SharedResource> localizer, string detail) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh" ? $"{localizer[Key]}（{detail}）" : detail;
}
