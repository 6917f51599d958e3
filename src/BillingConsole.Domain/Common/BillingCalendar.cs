namespace BillingConsole.Domain.Common;

/// <summary>
/// Day, month and hour boundaries in the billing time zone (SPEC M5, B1, P6). Instants are UTC
/// <see cref="DateTime"/>s everywhere (STYLE §5); only this type turns them into billing days.
/// </summary>
public sealed class BillingCalendar(TimeZoneInfo zone)
{
    public static BillingCalendar Shanghai { get; } = new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>The natural day of an instant in the billing time zone.</summary>
    public DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));

    /// <summary>The UTC instant at which a billing day starts (inclusive).</summary>
    public DateTime DayStartUtc(DateOnly day) => ToUtc(day.ToDateTime(TimeOnly.MinValue));

    /// <summary>The UTC instant at which a billing day ends (exclusive): the start of the next day.</summary>
    public DateTime DayEndUtc(DateOnly day) => DayStartUtc(day.AddDays(1));

    /// <summary>The first day of the natural month containing the instant.</summary>
    public DateOnly MonthOf(DateTime utc)
    {
        var local = ToLocal(utc);
        return new DateOnly(local.Year, local.Month, 1);
    }

    public DateTime MonthStartUtc(DateOnly anyDayOfMonth) =>
        DayStartUtc(new DateOnly(anyDayOfMonth.Year, anyDayOfMonth.Month, 1));

    public DateTime NextMonthStartUtc(DateOnly anyDayOfMonth) =>
        MonthStartUtc(new DateOnly(anyDayOfMonth.Year, anyDayOfMonth.Month, 1).AddMonths(1));

    /// <summary>The UTC start of the local hour containing the instant.</summary>
    public DateTime HourStartUtc(DateTime utc)
    {
        var local = ToLocal(utc);
        return ToUtc(new DateTime(local.Year, local.Month, local.Day, local.Hour, 0, 0, DateTimeKind.Unspecified));
    }

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(EnsureUtc(utc), Zone);

    public DateTime ToUtc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    private static DateTime EnsureUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value.ToUniversalTime(),
    };
}
