using Microsoft.EntityFrameworkCore;
using static BillingConsole.Web.Tests.Features.Metering.MeteringTestBed;

namespace BillingConsole.Web.Tests.Features.Metering;

public sealed class RecordUsageHandlerTests
{
    [Fact]
    public async Task FastPath_StoredRows_ReadBackByEfWithTheSameFormats()
    {
        await using var bed = await CreateAsync();
        var occurred = new DateTime(2026, 11, 26, 16, 30, 0, DateTimeKind.Utc); // 00:30 on the 27th in Shanghai

        var result = await bed.PostAsync(Batch(Event("e-1", occurredAt: "2026-11-26T16:30:00Z", sceneId: "RP77", quantity: 3)));

        Assert.Equal(1, result.Accepted);
        await using var db = bed.Database.CreateDbContext();
        var stored = await db.UsageEvents.SingleAsync(e => e.AccountId == bed.AccountId && e.EventId == "e-1");
        Assert.Equal(occurred, stored.OccurredAtUtc);
        Assert.Equal(DateTimeKind.Utc, stored.OccurredAtUtc.Kind);
        Assert.Equal(new DateOnly(2026, 11, 27), stored.UsageDay);
        Assert.Equal(Now, stored.ReceivedAtUtc);
        Assert.Equal(("RP", "RP77", "passed", 3L, true), (stored.MeterCode, stored.SceneId, stored.Outcome, stored.Quantity, stored.Billable));
        var rollup = await db.UsageHourlyRollups.SingleAsync(r => r.AccountId == bed.AccountId && r.HourStartUtc == occurred.AddMinutes(-30));
        Assert.Equal((3L, 0L, 0L, new DateOnly(2026, 11, 27)), (rollup.BillableQuantity, rollup.NonBillableQuantity, rollup.BilledQuantity, rollup.UsageDay));
    }

    [Fact]
    public async Task M2_AbandonedAndErrorStoredButNotBillable()
    {
        await using var bed = await CreateAsync();

        var result = await bed.PostAsync(Batch(Event("a", outcome: "passed"), Event("b", outcome: "failed"),
            Event("c", outcome: "abandoned"), Event("d", service: "FV", outcome: "error")));

        Assert.Equal(4, result.Accepted);
        await using var db = bed.Database.CreateDbContext();
        Assert.Equal(2, await db.UsageEvents.CountAsync(e => e.Billable));
        var rollups = await db.UsageHourlyRollups.ToListAsync();
        Assert.Equal(2, rollups.Sum(r => r.BillableQuantity));
        Assert.Equal(2, rollups.Sum(r => r.NonBillableQuantity));
    }

    [Fact]
    public async Task M3_FaceCompareAndAttributeCountOnlyTheirResultOutcome()
    {
        await using var bed = await CreateAsync();

        var result = await bed.PostAsync(Batch(Event("a", "FACE_COMPARE", "score_returned"), Event("b", "FACE_COMPARE", "error"),
            Event("c", "FACE_ATTRIBUTE", "result_returned"), Event("d", "FACE_ATTRIBUTE", "score_returned")));

        Assert.Equal(3, result.Accepted);
        Assert.Equal(3, Assert.Single(result.Rejected).Index);
        await using var db = bed.Database.CreateDbContext();
        Assert.Equal(["a", "c"], await db.UsageEvents.Where(e => e.Billable).OrderBy(e => e.EventId).Select(e => e.EventId).ToListAsync());
    }

    [Fact]
    public async Task M4_DuplicatesInBatchAndAcrossBatches_CountOnce()
    {
        await using var bed = await CreateAsync();

        var first = await bed.PostAsync(Batch(Event("x"), Event("y"), Event("x")));
        var second = await bed.PostAsync(Batch(Event("y"), Event("z")));

        Assert.Equal((2, 1), (first.Accepted, first.Duplicates));
        Assert.Equal((1, 1), (second.Accepted, second.Duplicates));
        await using var db = bed.Database.CreateDbContext();
        Assert.Equal(3, await db.UsageEvents.CountAsync());
        Assert.Equal(3, (await db.UsageHourlyRollups.ToListAsync()).Sum(r => r.BillableQuantity));
    }

    [Fact]
    public async Task M4_LargeBatchWithScatteredEarlierIds_CountsOnlyTheNewRowsInTheRollups()
    {
        await using var bed = await CreateAsync();
        // Every third id was stored by an earlier request: only the others are accepted and reach the roll-ups.
        const int size = 217;
        var earlier = Enumerable.Range(0, size).Where(i => i % 3 == 0).Select(i => Event($"e-{i}", quantity: 1000)).ToArray();
        Assert.Equal(earlier.Length, (await bed.PostAsync(Batch(earlier))).Accepted);

        var result = await bed.PostAsync(Batch(Enumerable.Range(0, size).Select(i =>
            Event($"e-{i}", service: i % 2 == 0 ? "RP" : "FV", quantity: i + 1)).ToArray()));

        var fresh = Enumerable.Range(0, size).Where(i => i % 3 != 0).ToList();
        Assert.Equal((fresh.Count, earlier.Length), (result.Accepted, result.Duplicates));
        await using var db = bed.Database.CreateDbContext();
        var rollups = await db.UsageHourlyRollups.ToListAsync();
        Assert.Equal(fresh.Where(i => i % 2 == 0).Sum(i => i + 1L) + earlier.Length * 1000L,
            rollups.Where(r => r.MeterCode == "RP").Sum(r => r.BillableQuantity));
        Assert.Equal(fresh.Where(i => i % 2 == 1).Sum(i => i + 1L), rollups.Where(r => r.MeterCode == "FV").Sum(r => r.BillableQuantity));
        Assert.Equal(size, await db.UsageEvents.CountAsync());
    }

    [Fact]
    public async Task M4_SameIdOtherAccount_IsNotADuplicate()
    {
        await using var bed = await CreateAsync();

        await bed.PostAsync(Batch(Event("x")));
        var other = await bed.PostAsync(Batch(Event("x")), Guid.NewGuid());

        Assert.Equal(1, other.Accepted);
    }

    [Fact]
    public async Task M4_RejectedEventDoesNotClaimItsId()
    {
        await using var bed = await CreateAsync();

        var result = await bed.PostAsync(Batch(Event("x", outcome: "nope"), Event("x")));

        Assert.Equal((1, 0), (result.Accepted, result.Duplicates));
        Assert.Equal(0, Assert.Single(result.Rejected).Index);
    }

    [Fact]
    public async Task M5_UsageDayIsTheShanghaiDay()
    {
        await using var bed = await CreateAsync();

        await bed.PostAsync(Batch(Event("late", occurredAt: "2026-11-26T15:59:59Z"), Event("early", occurredAt: "2026-11-26T16:00:00Z")));

        await using var db = bed.Database.CreateDbContext();
        var days = await db.UsageEvents.OrderBy(e => e.OccurredAtUtc).Select(e => e.UsageDay).ToListAsync();
        Assert.Equal([new DateOnly(2026, 11, 26), new DateOnly(2026, 11, 27)], days);
    }

    [Fact]
    public async Task M6_TooOldOrTooFarInTheFuture_RejectedWithReasonAndNotStored()
    {
        await using var bed = await CreateAsync();

        var result = await bed.PostAsync(Batch(Event("old", occurredAt: Now.AddDays(-7).AddSeconds(-1).ToString("O")),
            Event("future", occurredAt: Now.AddMinutes(6).ToString("O")), Event("edge", occurredAt: Now.AddMinutes(5).ToString("O"))));

        Assert.Equal(1, result.Accepted);
        Assert.Contains("acceptance window", result.Rejected[0].Reason);
        Assert.Contains("future", result.Rejected[1].Reason);
        await using var db = bed.Database.CreateDbContext();
        Assert.Equal(["edge"], await db.UsageEvents.Select(e => e.EventId).ToListAsync());
    }

    [Fact]
    public async Task M7_SceneIdMustMatchTheService()
    {
        await using var bed = await CreateAsync();

        var result = await bed.PostAsync(Batch(Event("ok", "RP", sceneId: "RP100"), Event("bad", "FV", sceneId: "RP100")));

        Assert.Equal(1, result.Accepted);
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal(("bad", 1), (rejected.EventId, rejected.Index));
        Assert.Contains("does not match service FV", rejected.Reason);
    }

    [Fact]
    public async Task M8_QuantityDefaultsToOneAndMustBeWholePositive()
    {
        await using var bed = await CreateAsync();

        var result = await bed.PostAsync(Batch(Event("one"), Event("five", quantity: 5), Event("zero", quantity: 0),
            """{"eventId":"frac","service":"RP","outcome":"passed","occurredAt":"2026-11-27T03:00:00Z","quantity":1.5}"""));

        Assert.Equal(2, result.Accepted);
        Assert.Equal([2, 3], result.Rejected.Select(r => r.Index));
        await using var db = bed.Database.CreateDbContext();
        Assert.Equal(6, (await db.UsageHourlyRollups.ToListAsync()).Sum(r => r.BillableQuantity));
    }

    [Fact]
    public async Task UnknownServiceAndBadTimestamp_RejectedPerEvent_RestAccepted()
    {
        await using var bed = await CreateAsync();

        var result = await bed.PostAsync(Batch(Event("a", service: "NOPE"), Event("b", occurredAt: "2026-11-27T03:00:00"),
            Event("c", occurredAt: "yesterday"), Event("d", service: "OFFLINE_SDK"), Event("ok")));

        Assert.Equal(1, result.Accepted);
        Assert.Equal([0, 1, 2, 3], result.Rejected.Select(r => r.Index));
        Assert.Contains("unknown service", result.Rejected[0].Reason);
        Assert.Contains("ISO 8601", result.Rejected[1].Reason);
    }

    [Fact]
    public async Task OverlongEventId_Rejected()
    {
        await using var bed = await CreateAsync();

        var result = await bed.PostAsync(Batch(Event(new string('x', 129))));

        Assert.Contains("longer than 128", Assert.Single(result.Rejected).Reason);
    }
}
