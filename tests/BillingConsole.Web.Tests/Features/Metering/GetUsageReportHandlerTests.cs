using BillingConsole.Domain.Common;
using BillingConsole.Web.Features.Metering;
using static BillingConsole.Web.Tests.Features.Metering.MeteringTestBed;

namespace BillingConsole.Web.Tests.Features.Metering;

public sealed class GetUsageReportHandlerTests
{
    [Fact]
    public async Task Report_GroupsRollupsPerDayAndService_AndFilters()
    {
        await using var bed = await CreateAsync();
        await bed.PostAsync(Batch(Event("a", occurredAt: "2026-11-26T01:00:00Z"), Event("b", occurredAt: "2026-11-26T05:00:00Z"),
            Event("c", outcome: "abandoned", occurredAt: "2026-11-26T05:10:00Z"), Event("d", "FV", occurredAt: "2026-11-27T01:00:00Z", quantity: 4)));
        var day26 = new DateOnly(2026, 11, 26);
        var day27 = new DateOnly(2026, 11, 27);

        var all = await bed.Report.HandleAsync(new UsageReportQuery(bed.AccountId, day26, day27, null), default);
        var fvOnly = await bed.Report.HandleAsync(new UsageReportQuery(bed.AccountId, day26, day27, "FV"), default);
        var otherAccount = await bed.Report.HandleAsync(new UsageReportQuery(Guid.NewGuid(), day26, day27, null), default);

        Assert.Equal([new UsageDayRow(day27, "FV", 4, 0), new UsageDayRow(day26, "RP", 2, 1)], all.Value!);
        Assert.Equal([new UsageDayRow(day27, "FV", 4, 0)], fvOnly.Value!);
        Assert.Empty(otherAccount.Value!);
    }

    [Fact]
    public async Task Report_FromAfterTo_IsInvalid()
    {
        await using var bed = await CreateAsync();

        var result = await bed.Report.HandleAsync(new UsageReportQuery(bed.AccountId, new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 1), null), default);

        Assert.Equal(ResultStatus.Invalid, result.Status);
    }

    [Fact]
    public async Task DefaultRange_IsTheLast30DaysInShanghai()
    {
        await using var bed = await CreateAsync();
        bed.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 17, 0, 0, TimeSpan.Zero)); // 01:00 on Dec 1 in Shanghai

        var (from, to) = bed.Report.DefaultRange();

        Assert.Equal((new DateOnly(2026, 11, 2), new DateOnly(2026, 12, 1)), (from, to));
    }

    [Fact]
    public void Csv_HasHeaderAndOneLinePerRow()
    {
        var csv = UsageCsv.Write([new UsageDayRow(new DateOnly(2026, 11, 27), "FV", 4, 1)], _ => "活体人脸验证");

        Assert.Equal("usageDay,service,serviceName,billable,notBillable\r\n2026-11-27,FV,活体人脸验证,4,1\r\n", csv);
    }
}
