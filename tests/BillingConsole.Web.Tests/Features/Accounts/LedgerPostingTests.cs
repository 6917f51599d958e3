using BillingConsole.Domain.Accounts;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.Ledger;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.Accounts;
using BillingConsole.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Tests.Features.Accounts;

public sealed class LedgerPostingTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 2, 0, 0, DateTimeKind.Utc);

    private static async Task<Guid> OpenAccountAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        var account = Account.Open("Acme", OpenAccountHandler.NewRemittanceCode(), Now);
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        return account.Id;
    }

    private static async Task<Result<PostedLedgerEntry>> PostAsync(TestDatabase database, Guid accountId,
        LedgerEntryKind kind, decimal amount, string key)
    {
        await using var db = database.CreateDbContext();
        var result = await db.PostAsync(new PostLedgerEntryCommand(accountId, kind, Money.Yuan(amount), "ref", key), Now, default);
        if (result.IsOk) await db.SaveChangesAsync();
        return result;
    }

    [Fact]
    public async Task B9_RandomPostings_BalanceEqualsSqlSumOfEntries()
    {
        await using var database = await TestDatabase.CreateAsync();
        var accountId = await OpenAccountAsync(database);
        var random = new Random(20261127);
        var kinds = Enum.GetValues<LedgerEntryKind>();

        for (var i = 0; i < 200; i++)
        {
            await PostAsync(database, accountId, kinds[random.Next(kinds.Length)], random.Next(-50_000, 50_000) / 100m, $"k{i}");
        }

        await using var check = database.CreateDbContext();
        var sum = await check.LedgerEntries.Where(e => e.AccountId == accountId).SumAsync(e => e.AmountUnits);
        var account = await check.Accounts.SingleAsync(a => a.Id == accountId);
        Assert.Equal(sum, account.BalanceUnits);
        var newest = await check.LedgerEntries.Where(e => e.AccountId == accountId).OrderByDescending(e => e.Sequence).FirstAsync();
        Assert.Equal(account.BalanceUnits, newest.BalanceAfterUnits);
    }

    [Fact]
    public async Task Post_SameIdempotencyKeyTwice_PostsOnce()
    {
        await using var database = await TestDatabase.CreateAsync();
        var accountId = await OpenAccountAsync(database);

        var first = await PostAsync(database, accountId, LedgerEntryKind.Recharge, 100m, "recharge-1");
        var second = await PostAsync(database, accountId, LedgerEntryKind.Recharge, 100m, "recharge-1");

        Assert.False(first.Value!.AlreadyPosted);
        Assert.True(second.Value!.AlreadyPosted);
        Assert.Equal(first.Value.Entry.Id, second.Value.Entry.Id);
        await using var check = database.CreateDbContext();
        Assert.Equal(Money.Yuan(100m), (await check.Accounts.SingleAsync()).Balance);
    }

    [Fact]
    public async Task Post_ConcurrentWriters_EveryEntryOnceAndBalanceConsistent()
    {
        await using var database = await TestDatabase.CreateAsync();
        var accountId = await OpenAccountAsync(database);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => ConcurrencyRetry.ExecuteAsync(
            async _ => await PostAsync(database, accountId, LedgerEntryKind.Recharge, 1.5m, $"c{i}"), default, attempts: 50))));

        await using var check = database.CreateDbContext();
        var entries = await check.LedgerEntries.Where(e => e.AccountId == accountId).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(20, entries.Count);
        Assert.Equal(Enumerable.Range(1, 20).Select(x => (long)x), entries.Select(e => e.Sequence));
        Assert.Equal(Money.Yuan(30m), (await check.Accounts.SingleAsync()).Balance);
    }

    [Fact]
    public async Task Post_PurchaseBeyondBalance_RefusedAndNothingStored()
    {
        await using var database = await TestDatabase.CreateAsync();
        var accountId = await OpenAccountAsync(database);

        var result = await PostAsync(database, accountId, LedgerEntryKind.PackPurchase, -1m, "p1");

        Assert.Equal(ResultStatus.Conflict, result.Status);
        await using var check = database.CreateDbContext();
        Assert.Empty(await check.LedgerEntries.ToListAsync());
    }
}
