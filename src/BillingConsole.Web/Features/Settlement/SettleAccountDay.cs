using System.Globalization;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.Settlement;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Settlement;

/// <summary>
/// Bill one account for one day. <paramref name="IncludeLateUsage"/> is set for the account's newest ended day:
/// then unbilled usage of days that already have a bill joins this bill on lines naming their day (SPEC B6).
/// </summary>
public sealed record SettleAccountDayCommand(Guid AccountId, DateOnly BillDay, bool IncludeLateUsage);

public enum SettleOutcome
{
    Issued,
    /// <summary>Another run (or an earlier attempt) billed the day: the unique key decided (SPEC B4).</summary>
    AlreadyBilled,
    NothingToBill,
}

/// <summary>
/// SPEC B1–B6: one transaction per (account, day). Packs, the bill, its lines, the billed roll-up figures, the pack
/// deduction records and the ledger entry commit together or not at all, so a killed run leaves nothing half done,
/// and the bill's unique (account, day) key makes a second run or a second node lose cleanly.
/// </summary>
public sealed class SettleAccountDayHandler(IDbContextFactory<BillingDbContext> dbFactory, TimeProvider clock,
    BillingCalendar calendar)
{
    /// <summary>Test seam: runs inside the unit of work just before it commits (to simulate a crash there).</summary>
    internal Func<SettleAccountDayCommand, CancellationToken, Task>? BeforeCommit { get; set; }

    public async Task<SettleOutcome> HandleAsync(SettleAccountDayCommand cmd, CancellationToken ct)
    {
        SettlementCatalog catalog;
        await using (var db = await dbFactory.CreateDbContextAsync(ct)) catalog = await SettlementCatalog.LoadAsync(db, ct);
        return await HandleAsync(cmd, catalog, ct);
    }

    /// <summary>With the catalog the daily run read once for all its account-days.</summary>
    public Task<SettleOutcome> HandleAsync(SettleAccountDayCommand cmd, SettlementCatalog catalog, CancellationToken ct) =>
        // A lost race surfaces as DbUpdateException; the retry re-reads and finds the bill (AlreadyBilled).
        ConcurrencyRetry.ExecuteAsync(token => SettleOnceAsync(cmd, catalog, token), ct);

    private async Task<SettleOutcome> SettleOnceAsync(SettleAccountDayCommand cmd, SettlementCatalog catalog,
        CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // On SQLite this is BEGIN IMMEDIATE: writers queue here instead of failing on upgrade.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await AccountRowLocks.LockAsync(db, [cmd.AccountId], ct);
        if (await db.Bills.AnyAsync(b => b.AccountId == cmd.AccountId && b.UsageDay == cmd.BillDay, ct))
        {
            return SettleOutcome.AlreadyBilled;
        }
        var rows = await db.UsageHourlyRollups
            .Where(r => r.AccountId == cmd.AccountId && r.BillableQuantity > r.BilledQuantity)
            .Where(r => r.UsageDay == cmd.BillDay || (cmd.IncludeLateUsage && r.UsageDay < cmd.BillDay
                && db.Bills.Any(b => b.AccountId == r.AccountId && b.UsageDay == r.UsageDay)))
            .ToListAsync(ct);
        if (rows.Count == 0) return SettleOutcome.NothingToBill;

        var now = clock.GetUtcNow().UtcDateTime;
        var plan = await SettlementUsage.PlanAsync(db, calendar, catalog, cmd.AccountId,
            rows.Select(UnbilledUsage.Of).ToList(), ct);
        var account = await db.Accounts.SingleAsync(a => a.Id == cmd.AccountId, ct);
        var postedKeys = await db.PostedKeysAsync([BillLedgerKey(cmd.AccountId, cmd.BillDay)], ct);
        var issued = SettlementIssue.Issue(calendar, cmd, plan, account, postedKeys, now);
        db.Bills.Add(issued.Bill);
        db.PackDeductions.AddRange(issued.Deductions);
        if (issued.Charge is { } charge) db.LedgerEntries.Add(charge);
        // Only what was read is marked billed; usage ingested meanwhile stays unbilled for the next run.
        foreach (var row in rows) row.BilledQuantity = row.BillableQuantity;

        if (BeforeCommit is not null) await BeforeCommit(cmd, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return SettleOutcome.Issued;
    }

    public static string BillLedgerKey(Guid accountId, DateOnly day) =>
        $"bill:{accountId}:{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
}
