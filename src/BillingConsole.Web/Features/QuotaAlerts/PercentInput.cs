using System.Globalization;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.QuotaAlerts;
using BillingConsole.Web.Components.Inputs;

namespace BillingConsole.Web.Features.QuotaAlerts;

/// <summary>The dialog's percentage fields are text, so blank and "30.5" get a message next to the field instead of
/// being silently dropped by a numeric input; "２０", " 20 " are read as 20 (<see cref="TypedNumber"/>).</summary>
internal static class PercentInput
{
    public static ResultMessage? Validate(string? text)
    {
        text = TypedNumber.Normalize(text);
        if (string.IsNullOrWhiteSpace(text)) return "Enter a percentage from 1 to 99.";
        if (!decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out var value))
        {
            return "Enter a number from 1 to 99.";
        }
        if (decimal.Truncate(value) != value) return "Use a whole number from 1 to 99, without decimals.";
        if (value is < QuotaAlertSetting.MinThresholdPercent or > QuotaAlertSetting.MaxThresholdPercent)
        {
            return "The percentage must be from 1 to 99.";
        }
        return null;
    }

    public static decimal Parse(string? text) =>
        decimal.Parse(TypedNumber.Normalize(text)!, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture);
}
