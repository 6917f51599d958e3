using BillingConsole.Domain.Common;
using BillingConsole.Domain.Pricing;

namespace BillingConsole.Domain.QuotaAlerts;

/// <summary>
/// Validates the quota alert dialog / API body for one account (SPEC A1). Field errors are keyed
/// <c>rows[i].packType</c> and <c>rows[i].thresholdPercent</c> so the API can return them as a validation problem and
/// the dialog can show them next to the row.
/// </summary>
public static class QuotaAlertSettingsValidator
{
    public static Result<IReadOnlyList<ValidQuotaAlertSetting>> Validate(
        IReadOnlyList<QuotaAlertSettingInput> rows, IReadOnlyCollection<HeldPackType> heldTypes)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(heldTypes);
        var held = heldTypes.ToDictionary(t => t.PackTypeCode, t => t.Cycle, StringComparer.Ordinal);
        var errors = new Dictionary<string, ResultMessage[]>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var valid = new List<ValidQuotaAlertSetting>(rows.Count);

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var typeError = ValidateType(row.PackType, held, seen);
            var percentError = ValidatePercent(row.ThresholdPercent);
            if (typeError is not null) errors[$"rows[{i}].packType"] = [typeError];
            if (percentError is not null) errors[$"rows[{i}].thresholdPercent"] = [percentError];
            if (typeError is null && percentError is null)
            {
                valid.Add(new ValidQuotaAlertSetting(row.PackType!, row.Enabled, (int)row.ThresholdPercent));
            }
        }

        return errors.Count == 0
            ? Result<IReadOnlyList<ValidQuotaAlertSetting>>.Ok(valid)
            : Result<IReadOnlyList<ValidQuotaAlertSetting>>.Invalid("Some quota alert settings are not valid.", errors);
    }

    private static ResultMessage? ValidateType(string? code, Dictionary<string, PackCycle> held, HashSet<string> seen)
    {
        if (string.IsNullOrWhiteSpace(code)) return (ResultMessage)"Choose a pack type.";
        if (!held.TryGetValue(code, out var cycle))
        {
            return $"Pack type '{code}' is unknown or has never been held by this account.";
        }
        if (cycle == PackCycle.Hourly)
        {
            return $"Quota alerts are not supported for hourly-cycle pack type '{code}'.";
        }
        if (seen.Add(code)) return null;
        return $"Pack type '{code}' appears more than once.";
    }

    private static ResultMessage? ValidatePercent(decimal percent)
    {
        if (decimal.Truncate(percent) != percent || percent is < int.MinValue or > int.MaxValue)
        {
            return $"The alert percentage must be a whole number from {QuotaAlertSetting.MinThresholdPercent} to {QuotaAlertSetting.MaxThresholdPercent}.";
        }
        return QuotaAlertSetting.ValidatePercent((int)percent);
    }
}
