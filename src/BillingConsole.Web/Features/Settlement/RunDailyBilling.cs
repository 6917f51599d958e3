using BillingConsole.Web.Features.Operations;
using BillingConsole.Web.Features.QuotaAlerts;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.Settlement;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Settlement;

/// <summary>What one daily billing run did.</summary>
public sealed record DailyBillingSummary(int Issued, int Skipped, int Failed)
{
    public override string ToString() =>
        $"{Issued} bills issued, {Skipped} skipped" + (Failed > 0 ? $", {Failed} failed" : "");
}

/// <summary>
/// SPEC B1, B4–B6: bills every ended, unbilled (account, day), oldest first per account. Candidates come from one
/// grouped query over the hourly roll-ups (events are never loaded). Whole accounts are settled in chunks of about
/// <see cref="ChunkAccountDays"/> account-days, one transaction each (<see cref="SettleAccountDaysHandler"/>), so a run
/// killed in the middle leaves whole chunks behind and the next run finishes the rest; two runs at once are decided by
/// the account locks and the bill's unique key. A chunk that fails for any reason is rolled back and settled again one
/// account-day per transaction, so one broken account never blocks the others.
/// </summary>
public sealed class RunDailyBillingHandler(IDbContextFactory<BillingDbContext> dbFactory, SettleAccountDayHandler settle,
    SettleAccountDaysHandler settleChunk, TimeProvider clock, BillingCalendar calendar, AlertTriggers alerts,
    ILogger<RunDailyBillingHandler> logger)
{
    /// <summary>
    /// Account-days per transaction (an account's days are never split). Bigger chunks share more of the commit; on
    /// SQLite a chunk also holds the database's write lock (ingestion waits) while it writes, see docs/settlement.md.
    /// </summary>
    internal int ChunkAccountDays { get; set; } = 500;

    public async Task<DailyBillingSummary> HandleAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var newestEnded = calendar.DayOf(now).AddDays(-1);
        var run = SettlementRun.Start(now, newestEnded);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            db.SettlementRuns.Add(run);
            await db.SaveChangesAsync(ct);
        }

        SettlementCatalog catalog;
        await using (var db = await dbFactory.CreateDbContextAsync(ct)) catalog = await SettlementCatalog.LoadAsync(db, ct);

        var tally = new Tally();
        var alertsQueued = new AlertsAfterChunks(alerts);
        Task<SettleAccountDaysHandler.PreparedChunk>? next = null;
        try
        {
            var (candidates, usageDays) = await CandidatesAsync(newestEnded, ct);
            var chunks = Chunks(candidates).ToList();
            var chunkCommands = chunks.Select(chunk => chunk.SelectMany(a => a.Days).ToList()).ToList();
            // The next chunk is read and computed on another core while this one writes (SettleAccountDaysHandler
            // .PrepareAsync: outside the write lock on SQLite, checked again under it). Chunks never share an account.
            next = chunks.Count == 0 ? null : PrepareAsync(chunkCommands[0], catalog, usageDays, ct);
            for (var c = 0; c < chunks.Count; c++)
            {
                ct.ThrowIfCancellationRequested();
                var chunk = chunks[c];
                var commands = chunkCommands[c];
                using var chunkSpan = BillingMetrics.Tracing.StartActivity("settlement.chunk");
                chunkSpan?.SetTag("billing.settlement.accounts", chunk.Count);
                chunkSpan?.SetTag("billing.settlement.account_days", commands.Count);
                var prepared = next!;
                next = c + 1 < chunks.Count ? PrepareAsync(chunkCommands[c + 1], catalog, usageDays, ct) : null;
                IReadOnlyList<SettleOutcome>? outcomes = null;
                try
                {
                    outcomes = await (await prepared).CommitAsync(ct);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    // Rolled back as a whole: a lost race, usage that changed, or one broken account. One at a time
                    // sorts it out.
                    logger.LogWarning(e, "DailyBilling: chunk of {Accounts} accounts rolled back, settling it one account-day at a time",
                        chunk.Count);
                }
                if (outcomes is not null)
                {
                    for (var i = 0; i < commands.Count; i++) tally.Count(commands[i].AccountId, outcomes[i]);
                }
                else
                {
                    foreach (var (accountId, days) in chunk) await SettleOneByOneAsync(accountId, days, catalog, tally, ct);
                }
                alertsQueued.After(tally.Billed);
            }
        }
        finally
        {
            // SPEC A2, A6: deductions and the bills' charges are evaluated for alerts after the commits (also for the
            // bills a cancelled run did commit); the run ends only when every committed chunk's job is enqueued.
            alertsQueued.After(tally.Billed);
            await alertsQueued.DrainAsync();
            // A chunk prepared ahead when the run stopped: it only read, but let it finish before the run returns.
            if (next is not null) await next.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }

        var summary = new DailyBillingSummary(tally.Issued, tally.Skipped, tally.Failed);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            db.SettlementRuns.Attach(run);
            run.Finish(clock.GetUtcNow().UtcDateTime, tally.Issued, tally.Skipped, tally.Failed, summary.ToString());
            await db.SaveChangesAsync(ct);
        }
        return summary;
    }

    /// <summary>Starts preparing a chunk on the thread pool; its failure surfaces when the chunk is committed.</summary>
    private Task<SettleAccountDaysHandler.PreparedChunk> PrepareAsync(List<SettleAccountDayCommand> commands,
        SettlementCatalog catalog, IReadOnlyList<DateOnly> usageDays, CancellationToken ct) =>
        Task.Run(() => settleChunk.PrepareAsync(commands, catalog, usageDays, ct), CancellationToken.None);

    private async Task SettleOneByOneAsync(Guid accountId, List<SettleAccountDayCommand> days, SettlementCatalog catalog,
        Tally tally, CancellationToken ct)
    {
        foreach (var cmd in days)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                tally.Count(accountId, await settle.HandleAsync(cmd, catalog, ct));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One broken account must not stop everyone else's bills; the next run retries it. Its later days
                // wait too, so days are never billed out of order (SPEC B5).
                tally.Failed++;
                logger.LogError(e, "DailyBilling: account {AccountId} day {Day} failed", accountId, cmd.BillDay);
                return;
            }
        }
    }

    private IEnumerable<List<(Guid AccountId, List<SettleAccountDayCommand> Days)>> Chunks(
        IEnumerable<(Guid AccountId, List<SettleAccountDayCommand> Days)> accounts)
    {
        var chunk = new List<(Guid, List<SettleAccountDayCommand>)>();
        var size = 0;
        foreach (var account in accounts)
        {
            if (size > 0 && size + account.Days.Count > ChunkAccountDays)
            {
                yield return chunk;
                (chunk, size) = ([], 0);
            }
            chunk.Add(account);
            size += account.Days.Count;
        }
        if (size > 0) yield return chunk;
    }

    /// <summary>
    /// Enqueues the alert evaluation for each committed chunk's billed accounts on a background task while the next
    /// chunk settles: an enqueue is a write to Hangfire's storage (its own database file on SQLite), a twentieth of a
    /// 10,000-account run that would otherwise wait at the end on the run's one busy core (docs/settlement.md).
    /// One task at a time, in order; <see cref="AlertTriggers"/> never throws.
    /// </summary>
    private sealed class AlertsAfterChunks(AlertTriggers alerts)
    {
        private Task pending = Task.CompletedTask;
        private int queued;

        /// <summary>Queues the accounts billed since the last call (<paramref name="billed"/> only grows).</summary>
        public void After(List<Guid> billed)
        {
            if (billed.Count == queued) return;
            var accounts = billed[queued..];
            queued = billed.Count;
            pending = pending.ContinueWith(_ => alerts.AfterBillingRun(accounts), CancellationToken.None,
                TaskContinuationOptions.None, TaskScheduler.Default);
        }

        public Task DrainAsync() => pending;
    }

    private sealed class Tally
    {
        public int Issued { get; private set; }
        public int Skipped { get; private set; }
        public int Failed { get; set; }
        public List<Guid> Billed { get; } = [];

        public void Count(Guid accountId, SettleOutcome outcome)
        {
            if (outcome != SettleOutcome.Issued)
            {
                Skipped++;
                return;
            }
            Issued++;
            if (Billed.Count == 0 || Billed[^1] != accountId) Billed.Add(accountId);
        }
    }

    /// <summary>
    /// Per account, the days to bill in order: every unbilled day with unbilled usage, plus the newest ended day when
    /// usage of an already billed day is waiting (it goes on that bill, SPEC B6). Also every usage day that has unbilled
    /// usage: the chunks read only those days' roll-ups, so an account's billed history is never read again.
    /// </summary>
    private async Task<(IReadOnlyList<(Guid AccountId, List<SettleAccountDayCommand> Days)> Accounts, IReadOnlyList<DateOnly> UsageDays)> CandidatesAsync(
        DateOnly newestEnded, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var groups = await db.UsageHourlyRollups.AsNoTracking()
            .Where(r => r.UsageDay <= newestEnded && r.BillableQuantity > r.BilledQuantity)
            .GroupBy(r => new { r.AccountId, r.UsageDay })
            .Select(g => new
            {
                g.Key.AccountId,
                g.Key.UsageDay,
                Billed = db.Bills.Any(b => b.AccountId == g.Key.AccountId && b.UsageDay == g.Key.UsageDay),
            })
            .ToListAsync(ct);

        var accounts = groups.GroupBy(g => g.AccountId).Select(account =>
        {
            var days = account.Where(g => !g.Billed).Select(g => g.UsageDay).ToHashSet();
            if (account.Any(g => g.Billed)) days.Add(newestEnded);
            var commands = days.Order()
                .Select(d => new SettleAccountDayCommand(account.Key, d, IncludeLateUsage: d == newestEnded))
                .ToList();
            return (account.Key, commands);
        }).ToList();
        return (accounts, groups.Select(g => g.UsageDay).Distinct().Order().ToList());
    }
}
