using BillingConsole.Domain.Common;
using Microsoft.Extensions.Localization;

namespace BillingConsole.Web.Features.Localization;

/// <summary>
/// The console's side of <see cref="ResultMessage"/>: the English format is the resource key, the arguments fill its
/// holes in the current culture. A format without a translation shows in English (and ResultMessageKeysTests fails).
/// </summary>
public static class ResultText
{
    /// <summary>The message in the current UI culture; nested messages (a refusal inside a refusal) are translated too.</summary>
    public static string Text(this IStringLocalizer localizer, ResultMessage message)
    {
        var args = message.Arguments.Select(a => a is ResultMessage inner ? Text(localizer, inner) : a).ToArray();
        return localizer[message.Format, args!];
    }

    /// <summary>The failure's message, or null for a success.</summary>
    public static string? Error<T>(this IStringLocalizer localizer, Result<T> result) =>
        result.Message is null ? null : localizer.Text(result.Message);

    /// <summary>The first message about <paramref name="field"/>, or null when the field is fine.</summary>
    public static string? FieldError<T>(this IStringLocalizer localizer, Result<T> result, string field) =>
        result.FieldMessages.TryGetValue(field, out var messages) && messages.Length > 0 ? localizer.Text(messages[0]) : null;

    /// <summary>The first field message, else the failure's message: for one line in a snackbar or under a form.</summary>
    public static string? FirstError<T>(this IStringLocalizer localizer, Result<T> result) =>
        result.FieldMessages.Values.SelectMany(m => m).FirstOrDefault() is { } first ? localizer.Text(first) : localizer.Error(result);

    /// <summary>An optional message (e.g. a form validator's) in the current UI culture.</summary>
    public static string? TextOrNull(this IStringLocalizer localizer, ResultMessage? message) =>
        message is null ? null : localizer.Text(message);
}
