using System.Diagnostics.Metrics;
using BillingConsole.Domain.Common;
using BillingConsole.Web.Features.Metering;
using BillingConsole.Web.Features.Operations;
using BillingConsole.Web.Tests.Features.Metering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static BillingConsole.Web.Tests.Features.Metering.MeteringTestBed;

namespace BillingConsole.Web.Tests.Features.Operations;

/// <summary>Issue #22: raw events of billed days past the retention go; unbilled days, roll-ups and duplicates stay.</summary>
public sealed class RawEventRetentionTests
{
    private static RawEventRetentionHandler Handler(MeteringTestBed bed, TimeSpan retention) =>
        new(bed.Database, bed.Clock, BillingCalendar.Shanghai,
            Options.Create(new MeteringOptions { RawEventRetention = retention }),
            new BillingMetrics(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>()),
            NullLogger<RawEventRetentionHandler>.Instance) { BatchSize = 3 };

    private static async Task MarkBilledAsync(MeteringTestBed bed, DateOnly day)
    {
        await using var db = bed.Database.CreateDbContext();
        await db.UsageHourlyRollups.Where(r => r.UsageDay == day)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.BilledQuantity, r => r.BillableQuantity));
    }

    [Fact]
    public async Task OldEventsOfBilledDays_AreDeleted_UnbilledDaysRollupsAndRecentEventsStay()
    {
        await using var bed = await CreateAsync();
        var billedDay = BillingCalendar.Shanghai.DayOf(Now.AddMinutes(-1));
        Assert.Equal(7, (await bed.PostAsync(Batch(Enumerable.Range(0, 7).Select(i => Event($"old-{i}")).ToArray()))).Accepted);
        await MarkBilledAsync(bed, billedDay);
        bed.Clock.Advance(TimeSpan.FromDays(1));
        var unbilledAt = bed.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1).ToString("O");
        Assert.Equal(2, (await bed.PostAsync(Batch(Event("old-unbilled-1", occurredAt: unbilledAt),
            Event("old-unbilled-2", occurredAt: unbilledAt)))).Accepted);
        bed.Clock.Advance(TimeSpan.FromDays(401));
        var recentAt = bed.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1).ToString("O");
        Assert.Equal(4, (await bed.PostAsync(Batch(Enumerable.Range(0, 4).Select(i => Event($"new-{i}", occurredAt: recentAt)).ToArray()))).Accepted);
        await MarkBilledAsync(bed, BillingCalendar.Shanghai.DayOf(bed.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1)));
        int rollupsBefore;
        await using (var db = bed.Database.CreateDbContext()) rollupsBefore = await db.UsageHourlyRollups.CountAsync();

        var deleted = await Handler(bed, TimeSpan.FromDays(400)).HandleAsync(default);

        Assert.Equal(7, deleted);
        await using var after = bed.Database.CreateDbContext();
        var left = await after.UsageEvents.Select(e => e.EventId).OrderBy(e => e).ToListAsync();
        Assert.Equal(["new-0", "new-1", "new-2", "new-3", "old-unbilled-1", "old-unbilled-2"], left);
        Assert.Equal(rollupsBefore, await after.UsageHourlyRollups.CountAsync());
        Assert.Equal(0, await Handler(bed, TimeSpan.FromDays(400)).HandleAsync(default));
    }

    [Fact]
    public async Task DuplicatesWithinTheAcceptanceWindow_AreStillFound_EvenWithATooShortRetention()
    {
        await using var bed = await CreateAsync();
        var occurredAt = Now.AddMinutes(-1).ToString("O");
        await bed.PostAsync(Batch(Event("resent-1", occurredAt: occurredAt), Event("resent-2", occurredAt: occurredAt)));
        await MarkBilledAsync(bed, BillingCalendar.Shanghai.DayOf(Now.AddMinutes(-1)));
        bed.Clock.Advance(TimeSpan.FromDays(6));
        var handler = Handler(bed, TimeSpan.FromDays(1));

        var deleted = await handler.HandleAsync(default);
        var resent = await bed.PostAsync(Batch(Event("resent-1", occurredAt: occurredAt), Event("resent-2", occurredAt: occurredAt)));

        Assert.Equal(TimeSpan.FromDays(8), handler.Retention);
        Assert.Equal(0, deleted);
        Assert.Equal((0, 2), (resent.Accepted, resent.Duplicates));
    }
}
