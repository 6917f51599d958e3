using BillingConsole.Domain.Accounts;
using BillingConsole.Domain.Ledger;
using BillingConsole.Domain.Settlement;
using BillingConsole.Infrastructure.Audit;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.Settlement;
using BillingConsole.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BillingConsole.Web.Tests.Features.Settlement;

public sealed class SettleAccountDaysTests
{
    private static readonly DateOnly Day = new(2026, 11, 26);
    private static DateTime Local(int day, int hour) => new(2026, 11, day, hour, 0, 0);

    [Fact]
    public async Task B4_ChunkWithAnAccountDayBilledByAnotherNode_BillsTheRestOnce()
    {
        await using var s = await SettlementScenario.CreateAsync();
        var accounts = await AccountsWithUsageAsync(s, 3);
        Assert.Equal(SettleOutcome.Issued, await s.SettleHandler().HandleAsync(new(accounts[1], Day, true), default));
        var chunk = accounts.Select(a => new SettleAccountDayCommand(a, Day, IncludeLateUsage: true)).ToList();

        var outcomes = await s.ChunkHandler().HandleAsync(chunk, await CatalogAsync(s), default);

        Assert.Equal([SettleOutcome.Issued, SettleOutcome.AlreadyBilled, SettleOutcome.Issued], outcomes);
        await AssertEachBilledOnceAsync(s, accounts);
    }

    [Fact]
    public async Task B4_ChunkFailsAtCommit_RolledBackAndSettledOneByOne()
    {
        await using var s = await SettlementScenario.CreateAsync();
        var accounts = await AccountsWithUsageAsync(s, 3);
        var chunk = s.ChunkHandler();
        var attempts = 0;
        chunk.BeforeCommit = (_, _) => ++attempts == 1
            ? throw new DbUpdateException("simulated: a unique key conflict at commit")
            : Task.CompletedTask;

        var summary = await s.JobHandler(chunk: chunk).HandleAsync(default);

        Assert.Equal((1, "3 bills issued, 0 skipped"), (attempts, summary.ToString()));
        await AssertEachBilledOnceAsync(s, accounts);
    }

    [Fact]
    public async Task B5_OneBrokenAccountInAChunk_OthersBilled_ItsLaterDaysWait()
    {
        await using var s = await SettlementScenario.CreateAsync();
        var accounts = await AccountsWithUsageAsync(s, 3);
        var broken = accounts[1];
        // A meter the catalog does not know: its settlement throws (the run must not stop for it).
        await s.UsageAsync(broken, "GONE", Local(25, 9), 1);
        await s.UsageAsync(broken, "FV", Local(25, 9), 7);

        var summary = await s.JobHandler().HandleAsync(default);

        Assert.Equal("2 bills issued, 0 skipped, 1 failed", summary.ToString());
        Assert.Empty(await s.BillsAsync(broken));
        Assert.Equal(50m, (await s.AccountAsync(broken)).Balance.Amount);
        foreach (var account in accounts.Where(a => a != broken))
        {
            Assert.Equal(Day, Assert.Single(await s.BillsAsync(account)).UsageDay);
            Assert.Equal(50m - 1.27m, (await s.AccountAsync(account)).Balance.Amount);
            await s.AssertLedgerInvariantAsync(account);
        }
        await using var db = s.Database.CreateDbContext();
        Assert.Equal(0, await db.UsageHourlyRollups.CountAsync(r => r.AccountId == broken && r.BilledQuantity > 0));
    }

    [Fact]
    public async Task B5_B6_ChunkOfCatchUpDays_SameBillsAsOneByOne()
    {
        await using var s = await SettlementScenario.CreateAsync();
        var account = await s.OpenAccountAsync(10m);
        await s.UsageAsync(account, "FV", Local(24, 9), 7);
        await s.JobHandler().HandleAsync(default);
        await s.UsageAsync(account, "FV", Local(24, 20), 3);
        foreach (var day in new[] { 25, 26 }) await s.UsageAsync(account, "RP", Local(day, 12), day - 20);
        s.SetLocalNow(Local(27, 10));

        var summary = await s.JobHandler().HandleAsync(default);

        Assert.Equal("2 bills issued, 0 skipped", summary.ToString());
        var bills = await s.BillsAsync(account);
        Assert.Equal([new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 25), Day], bills.Select(b => b.UsageDay));
        Assert.Equal([(new DateOnly(2026, 11, 25), "RP", 5L)], bills[1].Lines.Select(l => (l.UsageDay, l.MeterCode, l.Quantity)));
        Assert.Equal([(new DateOnly(2026, 11, 24), "FV", 3L), (Day, "RP", 6L)],
            bills[2].Lines.OrderBy(l => l.UsageDay).Select(l => (l.UsageDay, l.MeterCode, l.Quantity)));
        var after = await s.AccountAsync(account);
        Assert.Equal(10m - 1.27m - 5m - 0.54m - 6m, after.Balance.Amount);
        Assert.Equal(Domain.Accounts.AccountStatus.Arrears, after.Status);
        Assert.Equal([BillStatus.Paid, BillStatus.Paid, BillStatus.Outstanding], bills.Select(b => b.Status));
        await s.AssertLedgerInvariantAsync(account);
        await using var db = s.Database.CreateDbContext();
        Assert.Equal([1L, 2L, 3L, 4L], await db.LedgerEntries.Where(e => e.AccountId == account).OrderBy(e => e.Sequence)
            .Select(e => e.Sequence).ToListAsync());
        Assert.Equal(3, await db.LedgerEntries.CountAsync(e => e.AccountId == account && e.Kind == LedgerEntryKind.DailyBill));
    }

    /// <summary>
    /// The direct writer (SQLite) and EF's SaveChanges (PostgreSQL's path, forced here) leave the same rows: bills,
    /// lines, ledger entries with their audit rows, pack deductions, packs and accounts, apart from ids and versions.
    /// </summary>
    [Fact]
    public async Task B2_B3_P5_DirectWrite_SameRowsAsSaveChanges()
    {
        var saved = await SettledStateAsync(useSaveChanges: true);
        var direct = await SettledStateAsync(useSaveChanges: false);
        Assert.Equal(saved, direct);
        Assert.Contains("account poor", direct);
        Assert.Contains("deduction rich RP", direct);
    }

    private static async Task<string> SettledStateAsync(bool useSaveChanges)
    {
        await using var s = await SettlementScenario.CreateAsync();
        var rich = await s.OpenAccountAsync(50m);
        var poor = await s.OpenAccountAsync(1m);
        await s.AddPackAsync(rich, "RP_CALLS", 5, SettlementScenario.Calendar.ToUtc(Local(20, 0)));
        foreach (var account in new[] { rich, poor })
        {
            await s.UsageAsync(account, "RP", Local(26, 9), 7);
            await s.UsageAsync(account, "FV", Local(26, 10), 3);
            await s.UsageAsync(account, "FV", Local(25, 23), 2);
        }
        var chunk = s.ChunkHandler();
        chunk.UseSaveChanges = useSaveChanges;
        await s.JobHandler(chunk: chunk).HandleAsync(default);

        await using var db = s.Database.CreateDbContext();
        var names = new Dictionary<Guid, string> { [rich] = "rich", [poor] = "poor" };
        var lines = new List<string>();
        foreach (var b in (await db.Bills.AsNoTracking().Include(b => b.Lines).ToListAsync())
                 .OrderBy(b => b.UsageDay).ThenBy(b => names[b.AccountId]))
        {
            lines.Add($"bill {names[b.AccountId]} {b.UsageDay} {b.IssuedAtUtc:O} {b.GrossUnits} {b.RoundDownDiscountUnits} " +
                      $"{b.PayableUnits} {b.OutstandingUnits} {b.Status} {b.PaidAtUtc:O}");
            lines.AddRange(b.Lines.OrderBy(l => l.MeterCode).ThenBy(l => l.UsageDay).Select(l =>
                $"  line {l.MeterCode} {l.UsageDay} {l.Quantity} {l.PackDeductedQuantity} {l.BillableQuantity} " +
                $"{l.UnitPriceUnits} {l.GrossUnits} {l.PayableUnits}"));
        }
        lines.AddRange((await db.LedgerEntries.AsNoTracking().OrderBy(e => e.CreatedAtUtc).ThenBy(e => e.Sequence).ToListAsync())
            .OrderBy(e => names[e.AccountId]).ThenBy(e => e.Sequence).Select(e =>
                $"entry {names[e.AccountId]} {e.Sequence} {e.Kind} {e.AmountUnits} {e.BalanceAfterUnits} {e.Description} {e.CreatedAtUtc:O}"));
        lines.AddRange((await db.AuditEvents.AsNoTracking().Where(a => a.Action == "ledger.dailybill").ToListAsync())
            .Select(a => $"audit {a.ActorEmail} {names[a.ActingForAccountId!.Value]} {a.Details![..a.Details!.IndexOf(", key", StringComparison.Ordinal)]}")
            .Order(StringComparer.Ordinal));
        lines.AddRange((await db.PackDeductions.AsNoTracking().ToListAsync()).Select(d =>
            $"deduction {names[d.AccountId]} {d.MeterCode} {d.UsageDay} {d.UsageStartUtc:O} {d.Quantity} {d.RemainingBefore} {d.RemainingAfter}"));
        lines.AddRange((await db.ResourcePacks.AsNoTracking().ToListAsync()).Select(p =>
            $"pack {names[p.AccountId]} {p.Remaining} {p.ConsumedTotal} {p.Status}"));
        lines.AddRange((await db.Accounts.AsNoTracking().ToListAsync()).OrderBy(a => names[a.Id]).Select(a =>
            $"account {names[a.Id]} {a.BalanceUnits} {a.LastLedgerSequence} {a.Status} {a.ArrearsSinceUtc:O}"));
        lines.Add($"rollups unbilled {await db.UsageHourlyRollups.CountAsync(r => r.BillableQuantity > r.BilledQuantity)}");
        return string.Join("\n", lines);
    }

    [Fact]
    public async Task I3_ChunkWhileImpersonating_IsRefused_AndWritesNothing()
    {
        await using var s = await SettlementScenario.CreateAsync();
        var accounts = await AccountsWithUsageAsync(s, 2);
        var chunk = accounts.Select(a => new SettleAccountDayCommand(a, Day, IncludeLateUsage: true)).ToList();
        var catalog = await CatalogAsync(s);

        using (ActorContext.Use(new BillingActor("support-1", "support@example.com", null, Guid.NewGuid(), accounts[0], null, null)))
        {
            await Assert.ThrowsAsync<ReadOnlyImpersonationException>(() => s.ChunkHandler().HandleAsync(chunk, catalog, default));
        }

        await using var db = s.Database.CreateDbContext();
        Assert.Equal(0, await db.Bills.CountAsync());
        Assert.Equal(0, await db.UsageHourlyRollups.CountAsync(r => r.BilledQuantity > 0));
        Assert.All(accounts, a => Assert.Equal(50m, s.AccountAsync(a).Result.Balance.Amount));
    }

    [Fact]
    public async Task B3_BillIntoArrears_MovesTheAccountStateVersionAfterCommit_AndAuditsTheCharge()
    {
        await using var s = await SettlementScenario.CreateAsync();
        var paying = await s.OpenAccountAsync(50m);
        var short_ = await s.OpenAccountAsync(1m);
        foreach (var account in new[] { paying, short_ }) await s.UsageAsync(account, "RP", Local(26, 9), 2);
        var version = new AccountStateVersion();
        var handler = new SettleAccountDaysHandler(s.Database, s.Clock, SettlementScenario.Calendar, version);
        long? seenBeforeCommit = null;
        handler.BeforeCommit = (_, _) =>
        {
            seenBeforeCommit = version.Current;
            return Task.CompletedTask;
        };

        await handler.HandleAsync([new(paying, Day, true), new(short_, Day, true)], await CatalogAsync(s), default);

        Assert.Equal((0L, 1L), (seenBeforeCommit!.Value, version.Current));
        Assert.Equal(AccountStatus.Arrears, (await s.AccountAsync(short_)).Status);
        await using var db = s.Database.CreateDbContext();
        var audits = await db.AuditEvents.AsNoTracking().Where(a => a.Action == "ledger.dailybill").ToListAsync();
        Assert.Equal(new[] { paying, short_ }.Order(), audits.Select(a => a.ActingForAccountId!.Value).Order());
        Assert.All(audits, a => Assert.Equal("system", a.ActorUserId));

        // A chunk that changes no status leaves the version alone.
        await s.UsageAsync(paying, "RP", Local(26, 11), 1);
        s.SetLocalNow(Local(28, 10));
        await handler.HandleAsync([new(paying, new DateOnly(2026, 11, 27), true)], await CatalogAsync(s), default);
        Assert.Equal(1L, version.Current);
    }

    [Fact]
    public async Task B4_M4_UsageIngestedBetweenPrepareAndCommit_ChunkRefused_ThenBilledWhole()
    {
        await using var s = await SettlementScenario.CreateAsync();
        var accounts = await AccountsWithUsageAsync(s, 2);
        var chunk = accounts.Select(a => new SettleAccountDayCommand(a, Day, IncludeLateUsage: true)).ToList();
        var prepared = await s.ChunkHandler().PrepareAsync(chunk, await CatalogAsync(s), null, default);
        await s.UsageAsync(accounts[0], "FV", Local(26, 20), 2); // ingested while the chunk was being prepared

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => prepared.CommitAsync(default));

        Assert.All(accounts, a => Assert.Empty(s.BillsAsync(a).Result));
        await using (var db = s.Database.CreateDbContext())
        {
            Assert.Equal(0, await db.UsageHourlyRollups.CountAsync(r => r.BilledQuantity > 0));
        }
        await s.JobHandler().HandleAsync(default);
        Assert.Equal(9, Assert.Single(Assert.Single(await s.BillsAsync(accounts[0])).Lines).Quantity);
        Assert.Equal(7, Assert.Single(Assert.Single(await s.BillsAsync(accounts[1])).Lines).Quantity);
    }

    [Fact]
    public async Task B4_R1_AccountChangedBetweenPrepareAndCommit_ChunkRefused_NothingWritten()
    {
        await using var s = await SettlementScenario.CreateAsync();
        var accounts = await AccountsWithUsageAsync(s, 2);
        var chunk = accounts.Select(a => new SettleAccountDayCommand(a, Day, IncludeLateUsage: true)).ToList();
        var prepared = await s.ChunkHandler().PrepareAsync(chunk, await CatalogAsync(s), null, default);
        await s.CreditAsync(accounts[1], 5m, "recharge-while-preparing"); // a recharge lands in between

        // Refused by the ledger's unique (account, sequence) or, failing that, the account's version.
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => prepared.CommitAsync(default));

        Assert.All(accounts, a => Assert.Empty(s.BillsAsync(a).Result));
        Assert.Equal(55m, (await s.AccountAsync(accounts[1])).Balance.Amount);
        await s.JobHandler().HandleAsync(default);
        Assert.Equal(55m - 1.27m, (await s.AccountAsync(accounts[1])).Balance.Amount);
        foreach (var account in accounts) await s.AssertLedgerInvariantAsync(account);
    }

    [Fact]
    public async Task B1_B4_RunOfManyChunks_PreparedAhead_BillsEachOnce_WithoutFallingBack()
    {
        await using var s = await SettlementScenario.CreateAsync();
        var accounts = await AccountsWithUsageAsync(s, 7);
        var logger = new RecordingLogger<RunDailyBillingHandler>();
        var run = new RunDailyBillingHandler(s.Database, s.SettleHandler(), s.ChunkHandler(), s.Clock,
            SettlementScenario.Calendar, RecordingJobClient.Triggers(), logger) { ChunkAccountDays = 2 };

        var summary = await run.HandleAsync(default);

        Assert.Equal("7 bills issued, 0 skipped", summary.ToString());
        Assert.Empty(logger.Warnings); // no chunk was rolled back and settled one by one
        await AssertEachBilledOnceAsync(s, accounts);
    }

    /// <summary>Each account has its one bill for the 7 FV calls (¥1.27) and a ledger that adds up.</summary>
    private static async Task AssertEachBilledOnceAsync(SettlementScenario s, IEnumerable<Guid> accounts)
    {
        foreach (var account in accounts)
        {
            Assert.Single(await s.BillsAsync(account));
            Assert.Equal(50m - 1.27m, (await s.AccountAsync(account)).Balance.Amount);
            await s.AssertLedgerInvariantAsync(account);
        }
    }

    private static async Task<List<Guid>> AccountsWithUsageAsync(SettlementScenario s, int count)
    {
        var accounts = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var account = await s.OpenAccountAsync(50m);
            await s.UsageAsync(account, "FV", Local(26, 8 + i), 7);
            accounts.Add(account);
        }
        return accounts;
    }

    private static async Task<SettlementCatalog> CatalogAsync(SettlementScenario s)
    {
        await using var db = s.Database.CreateDbContext();
        return await SettlementCatalog.LoadAsync(db, default);
    }

    private sealed class RecordingLogger<T> : ILogger<T>
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Warning) lock (Warnings) Warnings.Add(formatter(state, exception) + " " + exception);
        }
    }
}
