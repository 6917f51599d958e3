using System.Globalization;

namespace BillingConsole.Web.Api;

/// <summary>Instants in API bodies: ISO 8601 with an explicit offset ("Z" or "+08:00"); without one the hour is a guess.</summary>
public static class ApiTimes
{
    /// <summary>True for null or empty (the value is absent, the handler decides) and for a time with an offset.</summary>
    public static bool TryParseInstant(string? text, out DateTime? utc)
    {
        utc = null;
        if (string.IsNullOrEmpty(text)) return true;
        if (text.Length > 40 || !HasOffset(text)) return false;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)) return false;
        utc = value.UtcDateTime;
        return true;
    }

    private static bool HasOffset(string text)
    {
        var t = text.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        if (t < 0) return false;
        var time = text[(t + 1)..];
        return time.EndsWith('Z') || time.EndsWith('z') || time.Contains('+') || time.Contains('-');
    }
}
