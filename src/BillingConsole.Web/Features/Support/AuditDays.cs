using BillingConsole.Domain.Common;

namespace BillingConsole.Web.Features.Support;

/// <summary>
/// The audit log's date filter in billing days (<c>Billing:TimeZone</c>), like the times its table shows (issue 15):
/// "from" is the start of that billing day, "to" the end of that billing day (inclusive), both as UTC instants.
/// </summary>
public static class AuditDays
{
    public static DateTime? FromUtc(BillingCalendar calendar, DateTime? from) =>
        from is { } f ? calendar.DayStartUtc(DateOnly.FromDateTime(f)) : null;

    public static DateTime? ToUtc(BillingCalendar calendar, DateTime? to) =>
        to is { } t ? calendar.DayEndUtc(DateOnly.FromDateTime(t)) : null;
}
