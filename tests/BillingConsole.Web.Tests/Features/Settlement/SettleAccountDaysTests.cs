using BillingConsole.Domain.Ledger;
using BillingConsole.Domain.Settlement;
using BillingConsole.Web.Features.Settlement;
using Microsoft.EntityFrameworkCore;

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
        foreach (var account in accounts)
        {
            Assert.Single(await s.BillsAsync(account));
            Assert.Equal(50m - 1.27m, (await s.AccountAsync(account)).Balance.Amount);
            await s.AssertLedgerInvariantAsync(account);
        }
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
        foreach (var account in accounts)
        {
            Assert.Single(await s.BillsAsync(account));
            Assert.Equal(50m - 1.27m, (await s.AccountAsync(account)).Balance.Amount);
            await s.AssertLedgerInvariantAsync(account);
        }
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
}
