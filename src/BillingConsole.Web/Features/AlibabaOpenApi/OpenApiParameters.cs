using System.Globalization;

namespace BillingConsole.Web.Features.AlibabaOpenApi;

/// <summary>
/// The operation's parameters: the decoded query merged with a form body (section 2.4), by exact (ordinal) name.
/// Parsing failures throw <see cref="OpenApiException"/> with <c>MissingParameter</c> or <c>InvalidParameter</c>.
/// </summary>
public sealed class OpenApiParameters(IReadOnlyDictionary<string, string> values)
{
    public const int MaxPageSize = 300;

    public IReadOnlyDictionary<string, string> Values { get; } = values;

    /// <summary>The value, or null when absent or empty (the SDK sends an empty string as <c>Name=</c>).</summary>
    public string? Get(string name) => Values.TryGetValue(name, out var v) && v.Length > 0 ? v : null;

    public string Required(string name) => Get(name) ?? throw new OpenApiException(OpenApiErrors.MissingParameter(name));

    public int Int(string name, int fallback, int min, int max)
    {
        if (Get(name) is not { } text) return fallback;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw Invalid(name);
    }

    public bool Bool(string name) => Get(name) switch
    {
        null => false,
        var t when t.Equals("true", StringComparison.OrdinalIgnoreCase) => true,
        var t when t.Equals("false", StringComparison.OrdinalIgnoreCase) => false,
        _ => throw Invalid(name),
    };

    /// <summary>A billing cycle <c>YYYY-MM</c>, as the first day of the month.</summary>
    public DateOnly? Cycle(string name, bool required)
    {
        var text = required ? Required(name) : Get(name);
        if (text is null) return null;
        return DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw Invalid(name);
    }

    public DateOnly? Day(string name)
    {
        if (Get(name) is not { } text) return null;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw Invalid(name);
    }

    /// <summary>A UTC time <c>yyyy-MM-ddTHH:mm:ssZ</c> (also accepted: <c>yyyy-MM-dd HH:mm:ss</c>, read as UTC).</summary>
    public DateTime? Time(string name)
    {
        if (Get(name) is not { } text) return null;
        return DateTime.TryParseExact(text, ["yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss"],
            CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
            ? DateTime.SpecifyKind(time, DateTimeKind.Utc)
            : throw Invalid(name);
    }

    /// <summary>One of the listed values (ordinal, case-insensitive), or null when absent.</summary>
    public string? OneOf(string name, params string[] allowed)
    {
        if (Get(name) is not { } text) return null;
        return allowed.FirstOrDefault(a => a.Equals(text, StringComparison.OrdinalIgnoreCase)) ?? throw Invalid(name);
    }

    public static OpenApiException Invalid(string name) => new(OpenApiErrors.InvalidParameter(name));
}
