using System.Globalization;
using BillingConsole.Domain.Common;

namespace BillingConsole.Web.Components.Shared;

/// <summary>One format for times across the console and its e-mails: "2026-11-28 10:00 (UTC+8)" in the billing zone.</summary>
public static class BillingTimeFormat
{
    public static string Format(BillingCalendar calendar, DateTime utc, bool seconds = false)
    {
        var local = calendar.ToLocal(utc);
        var text = local.ToString(seconds ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return $"{text} ({Zone(calendar, utc)})";
    }

    /// <summary>The zone as its UTC offset at that instant ("UTC+8"); names like "China Standard Time" are not localized.</summary>
    public static string Zone(BillingCalendar calendar, DateTime utc)
    {
        var offset = calendar.Zone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        if (offset == TimeSpan.Zero) return "UTC";
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var abs = offset.Duration();
        return abs.Minutes == 0 ? $"UTC{sign}{abs.Hours}" : $"UTC{sign}{abs.Hours}:{abs.Minutes:00}";
    }
}
