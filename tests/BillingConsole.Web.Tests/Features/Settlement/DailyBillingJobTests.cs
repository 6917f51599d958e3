using BillingConsole.Domain.Ledger;
using BillingConsole.Web.Features.Settlement;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Tests.Features.Settlement;

public sealed class DailyBillingJobTests
{
    private static DateTime Local(int day, int hour, int minute = 0, int second = 0, int ms = 0) =>
        new(2026, 11, day, hour, minute, second, ms);

    [Fact]
    public async Task M5_B1_DayBoundaryInShanghai_LastMillisecondAndMidnightGoToTheirOwnDays()
    {
        await using var s = await SettlementScenario.CreateAsync();
        var account = await s.OpenAccountAsync(100m);
        await s.UsageAsync(account, "RP", Local(26, 23, 59, 59, 999), 1);
        await s.UsageAsync(account, "RP", Local(27, 0), 2);
        s.SetLocalNow(Local(27, 23, 59, 59, 999));

        var first = await s.JobHandler().HandleAsync(default);
        s.SetLocalNow(Local(28, 0));
        var second = await s.JobHandler().HandleAsync(default);

        Assert.Equal((1, 1), (first.Issued, second.Issued));
        var bills = await s.BillsAsync(account);
        Assert.Equal([new DateOnly(2026, 11, 26), new DateOnly(2026, 11, 27)], bills.Select(b => b.UsageDay));
        Assert.Equal([1L, 2L], bills.Select(b => b.Lines.Single().Quantity));
    }

    [Fact]
    public async Task B5_ThreeMissedDays_CaughtUpOldestFirst()
    {
        await using var s = await SettlementScenario.CreateAsync();
        var account = await s.OpenAccountAsync(100m);
        foreach (var day in new[] { 26, 24, 25 }) await s.UsageAsync(account, "RP", Local(day, 12), day - 20);

        var summary = await s.JobHandler().HandleAsync(default);

        Assert.Equal("3 bills issued, 0 skipped", summary.ToString());
        await using var db = s.Database.CreateDbContext();
        var charges = await db.LedgerEntries.Where(e => e.Kind == LedgerEntryKind.DailyBill).OrderBy(e => e.Sequence)
            .Select(e => e.AmountUnits).ToListAsync();
        Assert.Equal([-4_0000L, -5_0000L, -6_0000L], charges);
        await s.AssertLedgerInvariantAsync(account);
    }

    [Fact]
    public async Task B6_LateEvents_BilledOnNextBillOnTheirOwnLine_BillCreatedWhenDayHadNoUsage()
    {
        await using var s = await SettlementScenario.CreateAsync();
        var account = await s.OpenAccountAsync(100m);
        await s.UsageAsync(account, "FV", Local(26, 9), 7);
        await s.JobHandler().HandleAsync(default);
        await s.UsageAsync(account, "FV", Local(26, 20), 3);
        s.SetLocalNow(Local(28, 10));

        var summary = await s.JobHandler().HandleAsync(default);

        Assert.Equal(1, summary.Issued);
        var bills = await s.BillsAsync(account);
        Assert.Equal([new DateOnly(2026, 11, 26), new DateOnly(2026, 11, 27)], bills.Select(b => b.UsageDay));
        var late = Assert.Single(bills[1].Lines);
        Assert.Equal((new DateOnly(2026, 11, 26), 3L, "0.54"), (late.UsageDay, late.Quantity, late.Payable.ToFenString()));
        Assert.Equal(7L, bills[0].Lines.Single().Quantity);
        await s.AssertLedgerInvariantAsync(account);
    }

    [Fact]
    public async Task B4_RunTwice_SecondRunIssuesNothing()
    {
        await using var s = await SettlementScenario.CreateAsync();
        var account = await s.OpenAccountAsync(100m);
        await s.UsageAsync(account, "RP", Local(26, 12), 5);

        var first = await s.JobHandler().HandleAsync(default);
        var second = await s.JobHandler().HandleAsync(default);

        Assert.Equal((1, 0), (first.Issued, second.Issued));
        Assert.Equal(95m, (await s.AccountAsync(account)).Balance.Amount);
        await s.AssertLedgerInvariantAsync(account);
    }

    [Fact]
    public async Task B4_J2_TwoRunsConcurrently_EachAccountDayBilledOnce()
    {
        await using var s = await SettlementScenario.CreateAsync();
        var accounts = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            var account = await s.OpenAccountAsync(50m);
            accounts.Add(account);
            foreach (var day in new[] { 24, 25, 26 }) await s.UsageAsync(account, "FV", Local(day, 8 + i), 7);
        }

        var runs = await Task.WhenAll(Task.Run(() => s.JobHandler().HandleAsync(default)),
            Task.Run(() => s.JobHandler().HandleAsync(default)));

        Assert.Equal(18, runs.Sum(r => r.Issued));
        Assert.Equal(0, runs.Sum(r => r.Failed));
        foreach (var account in accounts)
        {
            Assert.Equal(3, (await s.BillsAsync(account)).Count);
            Assert.Equal(50m - 3 * 1.27m, (await s.AccountAsync(account)).Balance.Amount);
            await s.AssertLedgerInvariantAsync(account);
        }
    }

    [Fact]
    public async Task B4_KilledMidRun_RerunFinishesWithExactTotals()
    {
        await using var s = await SettlementScenario.CreateAsync();
        var accounts = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            var account = await s.OpenAccountAsync(20m);
            accounts.Add(account);
            foreach (var day in new[] { 25, 26 }) await s.UsageAsync(account, "RP", Local(day, 10), 2 + i);
        }
        using var kill = new CancellationTokenSource();
        var chunk = s.ChunkHandler();
        var commits = 0;
        chunk.BeforeCommit = (_, ct) =>
        {
            if (++commits == 2) kill.Cancel();
            ct.ThrowIfCancellationRequested();
            return Task.CompletedTask;
        };
        var killed = s.JobHandler(chunk: chunk);
        // Two accounts (four account-days) per transaction: the kill hits the second chunk just before its commit.
        killed.ChunkAccountDays = 4;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => killed.HandleAsync(kill.Token));
        await using (var db = s.Database.CreateDbContext())
        {
            // Whole units: the first chunk's four bills with their lines, charges and billed roll-ups; nothing at all
            // of the second chunk's accounts.
            var billed = (await db.Bills.Select(b => b.AccountId).ToListAsync()).CountBy(a => a).ToList();
            Assert.Equal([2, 2], billed.Select(b => b.Value));
            Assert.Equal(4, await db.BillLines.CountAsync());
            Assert.Equal(4, await db.LedgerEntries.CountAsync(e => e.Kind == LedgerEntryKind.DailyBill));
            var unbilled = await db.UsageHourlyRollups.Where(r => r.BilledQuantity == 0).Select(r => r.AccountId).ToListAsync();
            Assert.Equal(accounts.Except(billed.Select(b => b.Key)).Order(), unbilled.Distinct().Order());
            Assert.Equal(4, unbilled.Count);
        }
        for (var i = 0; i < 4; i++) await s.AssertLedgerInvariantAsync(accounts[i]);
        var rerun = await s.JobHandler().HandleAsync(default);

        Assert.Equal("4 bills issued, 0 skipped", rerun.ToString());
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(2, (await s.BillsAsync(accounts[i])).Count);
            Assert.Equal(20m - 2 * (2 + i), (await s.AccountAsync(accounts[i])).Balance.Amount);
            await s.AssertLedgerInvariantAsync(accounts[i]);
        }
        await using var check = s.Database.CreateDbContext();
        Assert.Equal(0, await check.UsageHourlyRollups.CountAsync(r => r.BilledQuantity != r.BillableQuantity));
        Assert.Contains(await check.SettlementRuns.ToListAsync(), r => r.FinishedAtUtc is null);
    }
}
