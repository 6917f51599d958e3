using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace BillingConsole.Web.Components.Inputs;

/// <summary>
/// The one normalizer for numbers a person types (money, percentages, quantities): full-width digits and signs from a
/// Chinese IME (NFKC: "１００" → "100", "１，０００．５" → "1,000.5"), surrounding spaces (also the ideographic space)
/// and thousands separators in their usual places ("1,000,000.00" → "1000000.00") are cleaned up before validation.
/// Anything else is left as typed, so the validator still names what is wrong ("1,5" stays "1,5").
/// </summary>
public static partial class TypedNumber
{
    public static string? Normalize(string? text)
    {
        if (text is null) return null;
        var s = text.Normalize(NormalizationForm.FormKC).Trim();
        if (s.Length > 0 && Grouped().IsMatch(s)) s = s.Replace(",", "", StringComparison.Ordinal);
        return s;
    }

    /// <summary>A whole number as typed, after <see cref="Normalize"/>; false when it is not one.</summary>
    public static bool TryParseWhole(string? text, out int value) =>
        int.TryParse(Normalize(text), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    // Digits grouped by three with commas, optionally signed and with a decimal part: "1,000", "-12,345.67".
    [GeneratedRegex(@"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Grouped();
}
