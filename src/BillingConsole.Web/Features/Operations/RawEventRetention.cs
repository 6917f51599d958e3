using BillingConsole.Domain.Common;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.Metering;
using BillingConsole.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BillingConsole.Web.Features.Operations;

/// <summary>
/// Issue #22: raw usage events of billed days older than <c>Metering:RawEventRetention</c> (default 400 days) are
/// deleted; the hourly roll-ups, bills and ledger stay forever. Events are visited in id order (arrival order) in
/// batches, each batch its own short delete (on SQLite the write lock is held only for it), until events arrive that
/// cannot be old enough. A day still holding unbilled usage is kept whatever its age. The retention is never shorter
/// than the acceptance window plus a day, so an event a client may still resend is still there to be found a duplicate
/// (SPEC M4, M6).
/// </summary>
public sealed class RawEventRetentionHandler(IDbContextFactory<BillingDbContext> dbFactory, TimeProvider clock,
    BillingCalendar calendar, IOptions<MeteringOptions> options, BillingMetrics metrics,
    ILogger<RawEventRetentionHandler> logger)
{
    internal int BatchSize { get; set; } = 5_000;

    /// <summary>The retention in force: the configured one, at least the acceptance window and a day.</summary>
    public TimeSpan Retention =>
        options.Value.RawEventRetention > options.Value.AcceptanceWindow + TimeSpan.FromDays(1)
            ? options.Value.RawEventRetention
            : options.Value.AcceptanceWindow + TimeSpan.FromDays(1);

    public async Task<long> HandleAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoffDay = calendar.DayOf(now - Retention);
        // An event received this long after the cutoff occurred after it (M6): nothing older follows in id order.
        var lastPossibleArrival = now - Retention + options.Value.AcceptanceWindow + TimeSpan.FromDays(2);
        HashSet<(Guid, DateOnly)> unbilled;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            unbilled = (await db.UsageHourlyRollups.AsNoTracking()
                    .Where(r => r.UsageDay < cutoffDay && r.BillableQuantity > r.BilledQuantity)
                    .Select(r => new { r.AccountId, r.UsageDay }).Distinct().ToListAsync(ct))
                .Select(r => (r.AccountId, r.UsageDay)).ToHashSet();
        }
        long deleted = 0, lastId = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var batch = await db.UsageEvents.AsNoTracking().Where(e => e.Id > lastId).OrderBy(e => e.Id).Take(BatchSize)
                .Select(e => new { e.Id, e.AccountId, e.UsageDay, e.ReceivedAtUtc }).ToListAsync(ct);
            if (batch.Count == 0) break;
            lastId = batch[^1].Id;
            var ids = batch.Where(e => e.UsageDay < cutoffDay && !unbilled.Contains((e.AccountId, e.UsageDay)))
                .Select(e => e.Id).ToList();
            if (ids.Count > 0)
            {
                deleted += await db.UsageEvents.Where(e => ids.Contains(e.Id)).ExecuteDeleteAsync(ct);
            }
            if (batch[^1].ReceivedAtUtc > lastPossibleArrival || batch.Count < BatchSize) break;
        }
        metrics.RetentionDeleted(deleted);
        if (deleted > 0)
        {
            logger.LogInformation("RawEventRetention: {Deleted} raw usage events of billed days before {CutoffDay} deleted",
                deleted, cutoffDay);
        }
        return deleted;
    }
}

public sealed class RawEventRetentionJob(RawEventRetentionHandler handler) : IBillingJob
{
    public string Id => RecurringJobs.RawEventRetention;

    public async Task<string> RunAsync(CancellationToken ct) =>
        $"{await handler.HandleAsync(ct)} raw usage events deleted (retention {handler.Retention.TotalDays:0} days)";
}
