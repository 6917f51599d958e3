using BillingConsole.Domain.Common;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Metering;

public sealed record UsageReportQuery(Guid AccountId, DateOnly From, DateOnly To, string? Service);

/// <summary>One usage day and service: billable and not-billable quantities (SPEC M2, M3, M5).</summary>
public sealed record UsageDayRow(DateOnly UsageDay, string Service, long Billable, long NotBillable);

/// <summary>Usage per day and service from the hourly roll-ups, grouped in SQL (never a scan of raw events).</summary>
public sealed class GetUsageReportHandler(IDbContextFactory<BillingDbContext> dbFactory, BillingCalendar calendar, TimeProvider clock)
{
    public const int MaxDays = 366;

    /// <summary>The last 30 days up to today, in the billing time zone.</summary>
    public (DateOnly From, DateOnly To) DefaultRange()
    {
        var today = calendar.DayOf(clock.GetUtcNow().UtcDateTime);
        return (today.AddDays(-29), today);
    }

    public async Task<Result<IReadOnlyList<UsageDayRow>>> HandleAsync(UsageReportQuery query, CancellationToken ct)
    {
        if (query.From > query.To) return Result<IReadOnlyList<UsageDayRow>>.Invalid("from", "The start day must not be after the end day.");
        if (query.To.DayNumber - query.From.DayNumber >= MaxDays)
        {
            return Result<IReadOnlyList<UsageDayRow>>.Invalid("to", $"Choose at most {MaxDays} days.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rollups = db.UsageHourlyRollups.AsNoTracking()
            .Where(r => r.AccountId == query.AccountId && r.UsageDay >= query.From && r.UsageDay <= query.To);
        if (!string.IsNullOrEmpty(query.Service)) rollups = rollups.Where(r => r.MeterCode == query.Service);
        var rows = await rollups
            .GroupBy(r => new { r.UsageDay, r.MeterCode })
            .Select(g => new UsageDayRow(g.Key.UsageDay, g.Key.MeterCode, g.Sum(r => r.BillableQuantity), g.Sum(r => r.NonBillableQuantity)))
            .ToListAsync(ct);
        return Result<IReadOnlyList<UsageDayRow>>.Ok(
            rows.OrderByDescending(r => r.UsageDay).ThenBy(r => r.Service, StringComparer.Ordinal).ToList());
    }
}
