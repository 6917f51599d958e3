using BillingConsole.Domain.Common;
using BillingConsole.Domain.Metering;
using BillingConsole.Domain.Settlement;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Settlement;

/// <summary>
/// Bills a chunk of account-days in one transaction: the same rules as <see cref="SettleAccountDayHandler"/>, day by day
/// per account, oldest first, but with one commit (one fsync) for the chunk and the roll-ups, packs, accounts, bills and
/// ledger keys of all its accounts read in a few queries. Exactly-once still comes from the unique keys: any conflict or
/// failure throws and rolls the whole chunk back, and the caller settles it again one account-day at a time.
/// </summary>
public sealed class SettleAccountDaysHandler(IDbContextFactory<BillingDbContext> dbFactory, TimeProvider clock,
    BillingCalendar calendar)
{
    /// <summary>Test seam: runs inside the unit of work just before it commits (to simulate a crash there).</summary>
    internal Func<IReadOnlyList<SettleAccountDayCommand>, CancellationToken, Task>? BeforeCommit { get; set; }

    /// <summary>Settles <paramref name="days"/> (each account's days oldest first); one outcome per command, in order.</summary>
    public async Task<IReadOnlyList<SettleOutcome>> HandleAsync(IReadOnlyList<SettleAccountDayCommand> days,
        SettlementCatalog catalog, CancellationToken ct)
    {
        var accountIds = days.Select(d => d.AccountId).Distinct().Order().ToArray();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // On SQLite this is BEGIN IMMEDIATE: writers queue here instead of failing on upgrade.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await AccountRowLocks.LockAsync(db, accountIds, ct);
        var chunk = await ReadAsync(db, catalog, days, accountIds, ct);

        var now = clock.GetUtcNow().UtcDateTime;
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
            var dayRows = chunk.RowsByAccount[cmd.AccountId]
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
            Issue(db, cmd, plan, account, chunk.PostedKeys, now);
            billedUsage.UnionWith(dayRows.Select(r => (r.AccountId, r.UsageDay)));
            chunk.Billed.Add((cmd.AccountId, cmd.BillDay));
            outcomes.Add(SettleOutcome.Issued);
        }

        await MarkBilledAsync(db, chunk.Rows, billedUsage, ct);
        if (BeforeCommit is not null) await BeforeCommit(days, ct);
        // One change scan for the whole chunk: the save interceptors (read-only guard and ledger audit, account state
        // version) each list the tracked entries, and every listing would otherwise scan all of them again, as would
        // SaveChanges itself; with a chunk's thousands of entities that was a tenth of the settlement time.
        db.ChangeTracker.DetectChanges();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return outcomes;
    }

    /// <summary>Everything the chunk's settlements read, in one query each, inside the chunk's transaction.</summary>
    private static async Task<ChunkData> ReadAsync(BillingDbContext db, SettlementCatalog catalog,
        IReadOnlyList<SettleAccountDayCommand> days, Guid[] accountIds, CancellationToken ct)
    {
        var newestDay = days.Max(d => d.BillDay);
        var rows = await db.UsageHourlyRollups.AsNoTracking()
            .Where(r => accountIds.Contains(r.AccountId) && r.UsageDay <= newestDay && r.BillableQuantity > r.BilledQuantity)
            .ToListAsync(ct);
        var billDays = rows.Select(r => r.UsageDay).Concat(days.Select(d => d.BillDay)).Distinct().ToList();
        var billed = await db.Bills.AsNoTracking()
            .Where(b => accountIds.Contains(b.AccountId) && billDays.Contains(b.UsageDay))
            .Select(b => new { b.AccountId, b.UsageDay }).ToListAsync(ct);
        var accounts = await db.Accounts.Where(a => accountIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var typeCodes = SettlementUsage.PackTypesFor(catalog, rows.Select(r => r.MeterCode));
        var packs = typeCodes.Count == 0
            ? []
            : await db.ResourcePacks.Where(p => accountIds.Contains(p.AccountId) && typeCodes.Contains(p.PackTypeCode))
                .ToListAsync(ct);
        var postedKeys = await db.PostedKeysAsync(
            days.Select(d => SettleAccountDayHandler.BillLedgerKey(d.AccountId, d.BillDay)).ToList(), ct);
        return new ChunkData(rows, rows.ToLookup(r => r.AccountId), billed.Select(b => (b.AccountId, b.UsageDay)).ToHashSet(),
            accounts, packs.ToLookup(p => p.AccountId), await SettlementUsage.CyclicUsageAsync(db, packs, ct), postedKeys);
    }

    private sealed record ChunkData(
        List<UsageHourlyRollup> Rows,
        ILookup<Guid, UsageHourlyRollup> RowsByAccount,
        HashSet<(Guid AccountId, DateOnly UsageDay)> Billed,
        Dictionary<Guid, Domain.Accounts.Account> Accounts,
        ILookup<Guid, Domain.ResourcePacks.ResourcePack> PacksByAccount,
        Dictionary<(Guid, DateTime), long> UsedByPeriod,
        HashSet<string> PostedKeys);

    private void Issue(BillingDbContext db, SettleAccountDayCommand cmd, SettlementPlan plan, Domain.Accounts.Account account,
        HashSet<string> postedKeys, DateTime now)
    {
        var draft = BillCalculator.Calculate(cmd.AccountId, cmd.BillDay, plan.Usages);
        if (!draft.IsOk) throw new InvalidOperationException($"Settlement of {cmd}: {draft.Error}");
        var settlement = BillPayment.Settle(draft.Value!.PayableAmount, account.Balance);
        var bill = Bill.Issue(draft.Value, settlement, now);
        db.Bills.Add(bill);
        db.PackDeductions.AddRange(plan.Deductions.Select(d => SettleAccountDayHandler.Record(calendar, bill, d, now)));
        if (!settlement.PayableAmount.IsPositive) return;

        var key = SettleAccountDayHandler.BillLedgerKey(bill.AccountId, bill.UsageDay);
        // The key is per (account, day), like the bill; finding it posted without the bill would be a bug.
        if (postedKeys.Contains(key)) throw new InvalidOperationException($"Bill {bill.Id}: ledger key {key} is already posted.");
        var posted = db.PostCharge(account, SettleAccountDayHandler.ChargeCommand(bill, settlement), now);
        if (!posted.IsOk) throw new InvalidOperationException($"Bill {bill.Id}: the ledger entry could not be posted ({posted.Error}).");
    }

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
            // SQLite: BEGIN IMMEDIATE took the database's only write lock before the read, so every roll-up still
            // holds the quantity read. One set-based UPDATE per usage day instead of one per roll-up (most of the
            // chunk's writes otherwise).
            foreach (var day in billedUsage.GroupBy(b => b.UsageDay))
            {
                var ids = day.Select(b => b.AccountId).ToArray();
                await db.UsageHourlyRollups
                    .Where(r => ids.Contains(r.AccountId) && r.UsageDay == day.Key && r.BillableQuantity > r.BilledQuantity)
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
