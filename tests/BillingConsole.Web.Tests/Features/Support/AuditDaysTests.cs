using BillingConsole.Domain.Common;
using BillingConsole.Web.Features.Support;

namespace BillingConsole.Web.Tests.Features.Support;

/// <summary>Issue 15 item 13: the audit filter's days are billing days (Asia/Shanghai), not UTC days.</summary>
public sealed class AuditDaysTests
{
    [Fact]
    public void I4_Issue15_13_FilterDays_AreBillingDays()
    {
        var day = new DateTime(2026, 12, 7);

        Assert.Equal(new DateTime(2026, 12, 6, 16, 0, 0, DateTimeKind.Utc), AuditDays.FromUtc(BillingCalendar.Shanghai, day));
        Assert.Equal(new DateTime(2026, 12, 7, 16, 0, 0, DateTimeKind.Utc), AuditDays.ToUtc(BillingCalendar.Shanghai, day));
        Assert.Null(AuditDays.FromUtc(BillingCalendar.Shanghai, null));
    }
}
