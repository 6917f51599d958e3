using BillingConsole.Domain.Common;
using BillingConsole.Domain.Pricing;

namespace BillingConsole.Domain.ResourcePacks;

/// <summary>Cycle periods and validity arithmetic in the billing time zone (SPEC P6, P7, P9).</summary>
internal static class PackPeriods
{
    /// <summary>The UTC start of the cycle period (natural month or hour, billing zone) containing the instant.</summary>
    public static DateTime PeriodStartUtc(PackCycle cycle, DateTime utc, BillingCalendar calendar) => cycle switch
    {
        PackCycle.Monthly => calendar.MonthStartUtc(calendar.MonthOf(utc)),
        PackCycle.Hourly => calendar.HourStartUtc(utc),
        _ => throw new InvalidOperationException("A non-cyclic pack has no cycle period."),
    };

    /// <summary>The UTC end (exclusive) of the cycle period that starts at <paramref name="periodStartUtc"/>.</summary>
    public static DateTime PeriodEndUtc(PackCycle cycle, DateTime periodStartUtc, BillingCalendar calendar) => cycle switch
    {
        PackCycle.Monthly => calendar.NextMonthStartUtc(calendar.MonthOf(periodStartUtc)),
        PackCycle.Hourly => calendar.HourStartUtc(periodStartUtc.AddHours(1)),
        _ => throw new InvalidOperationException("A non-cyclic pack has no cycle period."),
    };

    /// <summary>Adds whole months on the local calendar, so "12 months from 31 Jan 15:00" stays at 15:00 local.</summary>
    public static DateTime AddMonthsUtc(DateTime utc, int months, BillingCalendar calendar) =>
        calendar.ToUtc(calendar.ToLocal(utc).AddMonths(months));
}
