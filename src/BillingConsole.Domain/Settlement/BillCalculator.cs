using System.Globalization;
using BillingConsole.Domain.Common;

namespace BillingConsole.Domain.Settlement;

/// <summary>
/// Prices one account's usage for one billing day into a <see cref="DailyBillDraft"/> (SPEC B2, B6). Pure: the
/// usage, pack deductions and unit prices are gathered by the caller.
/// </summary>
public static class BillCalculator
{
    /// <summary>
    /// One line per (service, usage day). Late usage (a usage day before <paramref name="billingDay"/>) gets its
    /// own line naming its day. Inconsistent input is <see cref="ResultStatus.Invalid"/>.
    /// </summary>
    public static Result<DailyBillDraft> Calculate(Guid accountId, DateOnly billingDay, IEnumerable<BillUsage> usages)
    {
        ArgumentNullException.ThrowIfNull(usages);
        var list = usages.ToList();
        if (list.Count == 0) return Result<DailyBillDraft>.Invalid("A daily bill needs at least one usage line.");

        var keys = new HashSet<(string, DateOnly)>();
        foreach (var usage in list)
        {
            if (Problem(usage, billingDay) is { } problem) return Result<DailyBillDraft>.Invalid(problem);
            if (!keys.Add((usage.Service, usage.UsageDay)))
            {
                return Result<DailyBillDraft>.Invalid(
                    $"{usage.Service} on {Day(usage.UsageDay)} appears twice; merge the usage into one line.");
            }
        }

        var lines = list
            .OrderBy(u => u.UsageDay)
            .ThenBy(u => u.Service, StringComparer.Ordinal)
            .Select(u => new BillLine(u))
            .ToList()
            .AsReadOnly();
        return Result<DailyBillDraft>.Ok(new DailyBillDraft(accountId, billingDay, lines));
    }

    private static string? Problem(BillUsage usage, DateOnly billingDay)
    {
        var where = $"{usage.Service} on {Day(usage.UsageDay)}";
        if (string.IsNullOrWhiteSpace(usage.Service)) return "A usage line has no service.";
        if (usage.UsageDay > billingDay) return $"{where} is after the bill's day {Day(billingDay)}.";
        if (usage.Quantity < 0) return $"{where}: quantity is negative.";
        if (usage.PackDeductedQuantity < 0) return $"{where}: pack-deducted quantity is negative.";
        if (usage.PackDeductedQuantity > usage.Quantity)
        {
            return $"{where}: pack-deducted quantity {usage.PackDeductedQuantity} exceeds usage {usage.Quantity}.";
        }
        return usage.UnitPrice.IsNegative ? $"{where}: unit price is negative." : null;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
