using System.Globalization;

namespace BillingConsole.Web.Features.Settlement;

/// <summary>An inclusive range of billing days, as the bills and ledger routes and pages take it.</summary>
public sealed record DayRange(DateOnly From, DateOnly To)
{
    /// <summary>Long enough for a year of bills, short enough that one request stays cheap.</summary>
    public const int MaxDays = 366;

    /// <summary>Without bounds: the last 30 days up to <paramref name="today"/>.</summary>
    public static DayRange Default(DateOnly today) => new(today.AddDays(-30), today);

    /// <summary>Parses <c>from</c>/<c>to</c> (yyyy-MM-dd, both optional); field errors name the bad parameter.</summary>
    public static (DayRange? Range, Dictionary<string, string[]> Errors) Parse(string? from, string? to, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        var toDay = ParseDay(to, "to", today, errors);
        var fromDay = ParseDay(from, "from", toDay.AddDays(-30), errors);
        if (errors.Count == 0 && fromDay > toDay) errors["from"] = ["from must not be after to."];
        if (errors.Count == 0 && toDay.DayNumber - fromDay.DayNumber >= MaxDays)
        {
            errors["from"] = [$"The range may span at most {MaxDays} days."];
        }
        return (errors.Count == 0 ? new DayRange(fromDay, toDay) : null, errors);
    }

    public static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDay(string? text, string field, DateOnly fallback, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        errors[field] = [$"{field} must be a day as yyyy-MM-dd."];
        return fallback;
    }
}
