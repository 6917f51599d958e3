using BillingConsole.Domain.Common;
using BillingConsole.Domain.Metering;
using BillingConsole.Domain.Ledger;
using BillingConsole.Domain.ResourcePacks;
using BillingConsole.Domain.Settlement;
using BillingConsole.Infrastructure.Audit;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.Accounts;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Settlement;

/// <summary>
/// Bills a chunk of account-days with one write transaction: the same rules as <see cref="SettleAccountDayHandler"/>,
/// day by day per account, oldest first, but with one commit (one fsync) for the chunk and the roll-ups, packs, accounts,
/// bills and ledger keys of all its accounts read in a few queries. On SQLite the chunk is read and computed first,
/// outside the write lock (<see cref="PrepareAsync"/>, so the run prepares the next chunk while this one writes), and
/// checked again under it. Exactly-once still comes from the unique keys: any conflict, change or failure throws and
/// rolls the whole chunk back, and the caller settles it again one account-day at a time.
/// <para>
/// On SQLite the chunk's rows are written by <see cref="SqliteRowWriter"/> (prepared statements) instead of
/// <c>SaveChanges</c>, whose command building was most of a daily run's time (docs/settlement.md "Writing a chunk"); it
/// does what the save interceptors would: refuses while impersonating, writes each ledger entry's audit row, and moves
/// the <see cref="AccountStateVersion"/> after the commit when an account's status changed. PostgreSQL saves tracked
/// entities as before.
/// </para>
/// </summary>
public sealed class SettleAccountDaysHandler(IDbContextFactory<BillingDbContext> dbFactory, TimeProvider clock,
    BillingCalendar calendar, AccountStateVersion? stateVersion = null)
{
    /// <summary>Test seam: runs inside the unit of work just before it commits (to simulate a crash there).</summary>
    internal Func<IReadOnlyList<SettleAccountDayCommand>, CancellationToken, Task>? BeforeCommit { get; set; }

    /// <summary>Test seam: save through EF's change tracker on SQLite too (as PostgreSQL always does).</summary>
    internal bool UseSaveChanges { get; set; }

    /// <summary>
    /// Settles <paramref name="days"/> (each account's days oldest first); one outcome per command, in order.
    /// <paramref name="usageDays"/>, when the caller knows them (the daily run's candidate query), are all the usage days
    /// with unbilled usage: only their roll-ups are read, through the index of unbilled roll-ups, instead of every
    /// account's history up to the newest day. Usage of another day that arrives meanwhile waits for the next run.
    /// </summary>
    public async Task<IReadOnlyList<SettleOutcome>> HandleAsync(IReadOnlyList<SettleAccountDayCommand> days,
        SettlementCatalog catalog, CancellationToken ct, IReadOnlyList<DateOnly>? usageDays = null) =>
        await (await PrepareAsync(days, catalog, usageDays, ct)).CommitAsync(ct);

    /// <summary>
    /// The first half of <see cref="HandleAsync"/>, so the daily run can prepare the next chunk on the other core while
    /// this one writes. On SQLite's direct path it reads the chunk in a read transaction (a snapshot, no write lock) and
    /// computes its bills; <see cref="PreparedChunk.CommitAsync"/> then takes the write lock, checks that every billed
    /// (account, usage day) still has exactly the unbilled usage read (otherwise the chunk throws and rolls back, and the
    /// run settles it one account-day at a time), writes and commits. Accounts and packs are written only at the version
    /// read, and bills and ledger keys are unique, so a change by anyone else in between also rolls the chunk back. On
    /// PostgreSQL (and with <see cref="UseSaveChanges"/>) nothing happens here: the commit reads, locks and writes in one
    /// transaction, as the one-account settlement does.
    /// </summary>
    public async Task<PreparedChunk> PrepareAsync(IReadOnlyList<SettleAccountDayCommand> days, SettlementCatalog catalog,
        IReadOnlyList<DateOnly>? usageDays, CancellationToken ct)
    {
        var accountIds = days.Select(d => d.AccountId).Distinct().Order().ToArray();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (UseSaveChanges || !db.Database.IsSqlite())
        {
            return new PreparedChunk(commitCt => SettleInOneTransactionAsync(days, catalog, usageDays, accountIds, commitCt));
        }
        await db.Database.OpenConnectionAsync(ct);
        // A deferred transaction: one snapshot for all the reads, without the write lock.
        await using var snapshot = await db.Database.UseTransactionAsync(
            ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true), ct);
        var chunk = await ReadAsync(db, catalog, days, usageDays, accountIds, tracked: false, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var issued = await IssueAsync(db, catalog, days, chunk, now, ct);
        return new PreparedChunk(commitCt => CommitDirectAsync(days, chunk, issued, now, commitCt));
    }

    /// <summary>A chunk read and computed, waiting to be written (<see cref="PrepareAsync"/>).</summary>
    public sealed class PreparedChunk(Func<CancellationToken, Task<IReadOnlyList<SettleOutcome>>> commit)
    {
        public Task<IReadOnlyList<SettleOutcome>> CommitAsync(CancellationToken ct) => commit(ct);
    }

    private async Task<IReadOnlyList<SettleOutcome>> CommitDirectAsync(IReadOnlyList<SettleAccountDayCommand> days,
        ChunkData chunk, IssuedChunk issued, DateTime now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // BEGIN IMMEDIATE: the database's only write lock, held to the commit; nothing else writes in between.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await EnsureUsageUnchangedAsync(db, chunk.ReadSums, issued.BilledUsage, ct);
        await MarkBilledAsync(db, chunk.Rows, issued.BilledUsage, ct);
        if (BeforeCommit is not null) await BeforeCommit(days, ct);
        WriteDirect(db, issued.Writes, chunk, now);
        await tx.CommitAsync(ct);
        // After the commit, never before: an API key cache entry read in between would keep the old status.
        if (chunk.Accounts.Values.Any(chunk.Read.StateChanged)) stateVersion?.Advance();
        return issued.Outcomes;
    }

    /// <summary>PostgreSQL (and the SaveChanges test seam): read under the account row locks, write, commit, in one transaction.</summary>
    private async Task<IReadOnlyList<SettleOutcome>> SettleInOneTransactionAsync(IReadOnlyList<SettleAccountDayCommand> days,
        SettlementCatalog catalog, IReadOnlyList<DateOnly>? usageDays, Guid[] accountIds, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // On SQLite this is BEGIN IMMEDIATE: writers queue here instead of failing on upgrade.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await AccountRowLocks.LockAsync(db, accountIds, ct);
        var chunk = await ReadAsync(db, catalog, days, usageDays, accountIds, tracked: true, ct);
        var issued = await IssueAsync(db, catalog, days, chunk, clock.GetUtcNow().UtcDateTime, ct);
        await MarkBilledAsync(db, chunk.Rows, issued.BilledUsage, ct);
        if (BeforeCommit is not null) await BeforeCommit(days, ct);
        await SaveTrackedAsync(db, issued.Writes, ct);
        await tx.CommitAsync(ct);
        return issued.Outcomes;
    }

    /// <summary>What a chunk's settlement decided: one outcome per command, the rows to add, the usage it billed.</summary>
    private sealed record IssuedChunk(
        List<SettleOutcome> Outcomes, ChunkWrites Writes, HashSet<(Guid AccountId, DateOnly UsageDay)> BilledUsage);

    private async Task<IssuedChunk> IssueAsync(BillingDbContext db, SettlementCatalog catalog,
        IReadOnlyList<SettleAccountDayCommand> days, ChunkData chunk, DateTime now, CancellationToken ct)
    {
        var writes = new ChunkWrites();
        var outcomes = new List<SettleOutcome>(days.Count);
        var billedUsage = new HashSet<(Guid AccountId, DateOnly UsageDay)>();
        foreach (var cmd in days)
        {
            if (chunk.Billed.Contains((cmd.AccountId, cmd.BillDay)))
            {
                outcomes.Add(SettleOutcome.AlreadyBilled);
                continue;
            }
            // As SettleAccountDayHandler: the day's unbilled roll-ups, plus late usage of billed days (SPEC B6).
            var dayRows = chunk.UsageByAccount[cmd.AccountId]
                .Where(r => !billedUsage.Contains((r.AccountId, r.UsageDay)))
                .Where(r => r.UsageDay == cmd.BillDay || (cmd.IncludeLateUsage && r.UsageDay < cmd.BillDay
                    && chunk.Billed.Contains((r.AccountId, r.UsageDay))))
                .ToList();
            if (dayRows.Count == 0)
            {
                outcomes.Add(SettleOutcome.NothingToBill);
                continue;
            }
            var account = chunk.Accounts.GetValueOrDefault(cmd.AccountId)
                          ?? throw new InvalidOperationException($"Settlement of {cmd}: the account does not exist.");
            var plan = await SettlementUsage.PlanAsync(db, calendar, catalog, cmd.AccountId, dayRows,
                chunk.PacksByAccount[cmd.AccountId].ToList(), chunk.UsedByPeriod, ct);
            var issued = SettlementIssue.Issue(calendar, cmd, plan, account, chunk.PostedKeys, now);
            writes.Bills.Add(issued.Bill);
            writes.Deductions.AddRange(issued.Deductions);
            if (issued.Charge is { } charge) writes.Charges.Add(charge);
            billedUsage.UnionWith(dayRows.Select(r => (r.AccountId, r.UsageDay)));
            chunk.Billed.Add((cmd.AccountId, cmd.BillDay));
            outcomes.Add(SettleOutcome.Issued);
        }
        return new IssuedChunk(outcomes, writes, billedUsage);
    }

    /// <summary>
    /// Under the write lock: every billed (account, usage day) still has exactly the unbilled roll-ups that were read,
    /// compared as their count and their billable and billed sums. Ingestion only adds roll-ups and raises billable
    /// quantities (a billable event raises the sum), so any new usage shows; another billing of the pair would mark rows
    /// billed and change them too (and its bill collides with ours on the bill's key when it bills the same day).
    /// Marking the pairs billed then marks exactly what the bills charge.
    /// </summary>
    private static async Task EnsureUsageUnchangedAsync(BillingDbContext db,
        Dictionary<(Guid AccountId, DateOnly UsageDay), UsageFingerprint> read,
        HashSet<(Guid AccountId, DateOnly UsageDay)> billedUsage, CancellationToken ct)
    {
        if (billedUsage.Count == 0) return;
        var days = billedUsage.Select(b => b.UsageDay).Distinct().ToArray();
        var ids = billedUsage.Select(b => b.AccountId).Distinct().ToArray();
        // The same selection of roll-ups the chunk read (ReadAsync), so the figures compare like for like.
        var now = (await UnbilledRollups(db, days.Max(), days)
                .Where(r => EF.Parameter(ids).Contains(r.AccountId))
                .GroupBy(r => new { r.UsageDay, r.AccountId })
                .Select(g => new
                {
                    g.Key.AccountId, g.Key.UsageDay, Rows = g.Count(),
                    Billable = g.Sum(r => r.BillableQuantity), Billed = g.Sum(r => r.BilledQuantity),
                })
                .ToListAsync(ct))
            .ToDictionary(x => (x.AccountId, x.UsageDay), x => new UsageFingerprint(x.Rows, x.Billable, x.Billed));
        foreach (var pair in billedUsage)
        {
            if (now.GetValueOrDefault(pair) != read.GetValueOrDefault(pair))
            {
                throw new DbUpdateConcurrencyException(
                    $"Usage of account {pair.AccountId} on {pair.UsageDay} changed after the chunk was read.");
            }
        }
    }

    /// <summary>What the chunk's settlements add: bills (with their lines), pack deduction records, ledger charges.</summary>
    private sealed class ChunkWrites
    {
        public List<Bill> Bills { get; } = [];
        public List<PackDeductionRecord> Deductions { get; } = [];
        public List<LedgerEntry> Charges { get; } = [];
    }

    private static async Task SaveTrackedAsync(BillingDbContext db, ChunkWrites writes, CancellationToken ct)
    {
        db.Bills.AddRange(writes.Bills);
        db.PackDeductions.AddRange(writes.Deductions);
        db.LedgerEntries.AddRange(writes.Charges);
        // One change scan for the whole chunk: the save interceptors (read-only guard and ledger audit, account state
        // version) each list the tracked entries, and every listing would otherwise scan all of them again, as would
        // SaveChanges itself; with a chunk's thousands of entities that was a tenth of the settlement time.
        db.ChangeTracker.DetectChanges();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// SQLite: the same rows <see cref="SaveTrackedAsync"/> would write, through prepared statements, with what the save
    /// interceptors add: the read-only refusal (SPEC I3) and an audit row per ledger entry. Accounts and packs are
    /// updated only if they still have the version they were read with (the chunk was read before the write lock).
    /// </summary>
    private static void WriteDirect(BillingDbContext db, ChunkWrites writes, ChunkData chunk, DateTime now)
    {
        var actor = ActorContext.Current;
        if (actor is { IsImpersonating: true }) throw new ReadOnlyImpersonationException("balance changes");
        using var writer = new SqliteRowWriter(db);
        foreach (var bill in writes.Bills)
        {
            writer.Insert(bill);
            foreach (var line in bill.Lines) writer.Insert(line);
        }
        foreach (var deduction in writes.Deductions) writer.Insert(deduction);
        foreach (var entry in writes.Charges)
        {
            writer.Insert(entry);
            writer.Insert(LedgerAudit.For(entry, actor ?? BillingActor.System, now));
        }
        foreach (var account in chunk.Accounts.Values)
        {
            var read = chunk.Read.Accounts[account.Id];
            if (account.Version != read.Version) writer.Update(account, read.Version);
        }
        foreach (var pack in chunk.PacksByAccount.SelectMany(p => p))
        {
            var version = chunk.Read.PackVersions[pack.Id];
            if (pack.Version != version) writer.Update(pack, version);
        }
    }

    /// <summary>
    /// Everything the chunk's settlements read, in one query each, inside the chunk's transaction. Usage comes as hourly
    /// roll-ups for accounts that hold packs (allocation works by the hour) and, on the direct path, as one sum per
    /// (account, meter, day) for the others: a tenth of the rows to read (docs/settlement.md "Reading a chunk").
    /// PostgreSQL's path marks each roll-up billed with the figure read, so it reads every account's hours.
    /// </summary>
    private async Task<ChunkData> ReadAsync(BillingDbContext db, SettlementCatalog catalog,
        IReadOnlyList<SettleAccountDayCommand> days, IReadOnlyList<DateOnly>? usageDays, Guid[] accountIds, bool tracked,
        CancellationToken ct)
    {
        var newestDay = days.Max(d => d.BillDay);
        var typeCodes = catalog.PackTypes.Select(t => t.Code).ToList();
        var packs = typeCodes.Count == 0
            ? []
            : await (tracked ? db.ResourcePacks : db.ResourcePacks.AsNoTracking())
                .Where(p => EF.Parameter(accountIds).Contains(p.AccountId) && typeCodes.Contains(p.PackTypeCode))
                .ToListAsync(ct);
        var hourly = tracked ? accountIds : packs.Select(p => p.AccountId).Distinct().ToArray();
        var daily = tracked ? [] : accountIds.Except(hourly).ToArray();
        var unbilled = UnbilledRollups(db, newestDay, usageDays);
        var rows = hourly.Length == 0
            ? []
            : await unbilled.Where(r => EF.Parameter(hourly).Contains(r.AccountId)).ToListAsync(ct);
        var sums = daily.Length == 0
            ? []
            : await unbilled.Where(r => EF.Parameter(daily).Contains(r.AccountId))
                .GroupBy(r => new { r.UsageDay, r.AccountId, r.MeterCode })
                .Select(g => new
                {
                    g.Key.AccountId, g.Key.MeterCode, g.Key.UsageDay, Rows = g.Count(),
                    Billable = g.Sum(r => r.BillableQuantity), Billed = g.Sum(r => r.BilledQuantity),
                })
                .ToListAsync(ct);
        var usage = rows.Select(UnbilledUsage.Of)
            .Concat(sums.Select(x => new UnbilledUsage(x.AccountId, x.MeterCode, calendar.DayStartUtc(x.UsageDay), x.UsageDay, x.Billable - x.Billed)))
            .ToList();

        var billDays = usage.Select(r => r.UsageDay).Concat(days.Select(d => d.BillDay)).Distinct().ToList();
        var billed = await db.Bills.AsNoTracking()
            .Where(b => EF.Parameter(accountIds).Contains(b.AccountId) && billDays.Contains(b.UsageDay))
            .Select(b => new { b.AccountId, b.UsageDay }).ToListAsync(ct);
        var accountsQuery = tracked ? db.Accounts : db.Accounts.AsNoTracking();
        var accounts = await accountsQuery.Where(a => EF.Parameter(accountIds).Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var postedKeys = await db.PostedKeysAsync(
            days.Select(d => SettleAccountDayHandler.BillLedgerKey(d.AccountId, d.BillDay)).ToList(), ct);
        var readSums = rows.Select(r => (r.AccountId, r.UsageDay, Rows: 1, Billable: r.BillableQuantity, Billed: r.BilledQuantity))
            .Concat(sums.Select(x => (x.AccountId, x.UsageDay, x.Rows, x.Billable, x.Billed)))
            .GroupBy(x => (x.AccountId, x.UsageDay))
            .ToDictionary(g => g.Key, g => new UsageFingerprint(g.Sum(x => x.Rows), g.Sum(x => x.Billable), g.Sum(x => x.Billed)));
        return new ChunkData(readSums, rows, usage.ToLookup(r => r.AccountId), billed.Select(b => (b.AccountId, b.UsageDay)).ToHashSet(),
            accounts, packs.ToLookup(p => p.AccountId), await SettlementUsage.CyclicUsageAsync(db, packs, ct), postedKeys,
            ReadState.Of(accounts.Values, packs));
    }

    /// <summary>
    /// The roll-ups with usage still to bill, up to the newest bill day. Given the usage days, the query names each day
    /// (UsageDay first), so SQLite seeks the index of unbilled roll-ups by (day, account) rather than reading each
    /// account's every hour since it opened through the key (SqliteQueryPlanTests).
    /// </summary>
    private static IQueryable<UsageHourlyRollup> UnbilledRollups(BillingDbContext db, DateOnly newestDay,
        IReadOnlyList<DateOnly>? usageDays)
    {
        var rollups = db.UsageHourlyRollups.AsNoTracking();
        if (usageDays is null) return rollups.Where(r => r.UsageDay <= newestDay && r.BillableQuantity > r.BilledQuantity);
        var days = usageDays.Where(d => d <= newestDay).ToArray();
        return rollups.Where(r => EF.Parameter(days).Contains(r.UsageDay) && r.BillableQuantity > r.BilledQuantity);
    }

    /// <summary>Accounts and packs as read: the concurrency tokens for the direct write, and the status for the cache version.</summary>
    private sealed record ReadState(
        Dictionary<Guid, (Guid Version, Domain.Accounts.AccountStatus Status, DateTime? ArrearsSinceUtc)> Accounts,
        Dictionary<Guid, Guid> PackVersions)
    {
        public static ReadState Of(IEnumerable<Domain.Accounts.Account> accounts, IEnumerable<ResourcePack> packs) => new(
            accounts.ToDictionary(a => a.Id, a => (a.Version, a.Status, a.ArrearsSinceUtc)),
            packs.ToDictionary(p => p.Id, p => p.Version));

        public bool StateChanged(Domain.Accounts.Account account) =>
            Accounts[account.Id] is var read && (read.Status != account.Status || read.ArrearsSinceUtc != account.ArrearsSinceUtc);
    }

    /// <summary>An (account, usage day)'s unbilled roll-ups: how many, their billable and their billed sums.</summary>
    private readonly record struct UsageFingerprint(int Rows, long Billable, long Billed);

    private sealed record ChunkData(
        Dictionary<(Guid AccountId, DateOnly UsageDay), UsageFingerprint> ReadSums,
        List<UsageHourlyRollup> Rows,
        ILookup<Guid, UnbilledUsage> UsageByAccount,
        HashSet<(Guid AccountId, DateOnly UsageDay)> Billed,
        Dictionary<Guid, Domain.Accounts.Account> Accounts,
        ILookup<Guid, Domain.ResourcePacks.ResourcePack> PacksByAccount,
        Dictionary<(Guid, DateTime), long> UsedByPeriod,
        HashSet<string> PostedKeys,
        ReadState Read);

    /// <summary>
    /// Sets <c>BilledQuantity</c> to the <c>BillableQuantity</c> that was read, for every roll-up of the (account, usage
    /// day) pairs that were billed (a bill takes all of a pair's unbilled roll-ups); usage ingested after the read stays
    /// unbilled for the next run.
    /// </summary>
    private static async Task MarkBilledAsync(BillingDbContext db, IReadOnlyList<UsageHourlyRollup> rows,
        HashSet<(Guid AccountId, DateOnly UsageDay)> billedUsage, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            // SQLite: under the write lock, EnsureUsageUnchangedAsync (or, on the one-transaction path, the lock taken
            // before the read) made sure every roll-up still holds the quantity read. One set-based UPDATE per usage
            // day instead of one per roll-up (most of the chunk's writes otherwise).
            foreach (var day in billedUsage.GroupBy(b => b.UsageDay))
            {
                var ids = day.Select(b => b.AccountId).ToArray();
                await db.UsageHourlyRollups
                    .Where(r => EF.Parameter(ids).Contains(r.AccountId) && r.UsageDay == day.Key && r.BillableQuantity > r.BilledQuantity)
                    .ExecuteUpdateAsync(u => u.SetProperty(r => r.BilledQuantity, r => r.BillableQuantity), ct);
            }
            return;
        }
        // PostgreSQL (READ COMMITTED): ingestion may have added to a roll-up since the read, so each row gets exactly
        // the figure read; Npgsql sends these updates in batches.
        foreach (var row in rows.Where(r => billedUsage.Contains((r.AccountId, r.UsageDay))))
        {
            db.UsageHourlyRollups.Attach(row);
            row.BilledQuantity = row.BillableQuantity;
        }
    }
}
