using BillingConsole.Domain.Accounts;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.Ledger;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Infrastructure.Persistence.Interceptors;
using BillingConsole.Web.Features.Accounts;
using BillingConsole.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Tests.Persistence;

/// <summary>Every path that changes an account's status or an API key moves the version, after the commit.</summary>
public sealed class AccountStateChangeInterceptorTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 27, 3, 4, 5, DateTimeKind.Utc);

    private readonly AccountStateVersion version = new();
    private TestDatabase database = null!;
    private Guid accountId;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await using var db = Db();
        var account = Account.Open("Acme", OpenAccountHandler.NewRemittanceCode(), Now);
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        accountId = account.Id;
    }

    public async ValueTask DisposeAsync() => await database.DisposeAsync();

    private BillingDbContext Db() => new SqliteBillingDbContext(
        new DbContextOptionsBuilder<SqliteBillingDbContext>(SqliteBillingDbContext.StandaloneOptions(database.ConnectionString))
            .AddInterceptors(new AccountStateChangeInterceptor(version)).Options);

    private static async Task PostAsync(BillingDbContext db, Guid accountId, LedgerEntryKind kind, decimal amount)
    {
        var result = await db.PostAsync(new PostLedgerEntryCommand(accountId, kind, Money.Yuan(amount), "test", Guid.NewGuid().ToString()), Now, default);
        Assert.True(result.IsOk, result.Error);
    }

    [Fact]
    public async Task SaveChanges_AccountGoesIntoArrearsAndBack_AdvancesEachTime()
    {
        var before = version.Current;

        await using (var db = Db())
        {
            await PostAsync(db, accountId, LedgerEntryKind.DailyBill, -3m);
            await db.SaveChangesAsync();
        }
        var afterArrears = version.Current;
        await using (var db = Db())
        {
            await PostAsync(db, accountId, LedgerEntryKind.Recharge, 3m);
            await db.SaveChangesAsync();
        }

        Assert.True(afterArrears > before);
        Assert.True(version.Current > afterArrears);
    }

    [Fact]
    public async Task SaveChanges_BalanceChangeWithoutStatusChange_DoesNotAdvance()
    {
        var before = version.Current;

        await using var db = Db();
        await PostAsync(db, accountId, LedgerEntryKind.Recharge, 10m);
        await db.SaveChangesAsync();

        Assert.Equal(before, version.Current);
    }

    [Fact]
    public async Task SaveChanges_Suspension_Advances()
    {
        await using (var db = Db())
        {
            await PostAsync(db, accountId, LedgerEntryKind.DailyBill, -3m);
            await db.SaveChangesAsync();
        }
        var before = version.Current;

        await using (var db = Db())
        {
            var account = await db.Accounts.SingleAsync(a => a.Id == accountId);
            Assert.True(account.SuspendIfGraceExpired(Now.AddDays(2), TimeSpan.FromDays(1)));
            await db.SaveChangesAsync();
        }

        Assert.True(version.Current > before);
    }

    [Fact]
    public async Task ExplicitTransaction_AdvancesAtTheCommitNotBefore()
    {
        var before = version.Current;

        await using var db = Db();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await PostAsync(db, accountId, LedgerEntryKind.DailyBill, -3m);
        await db.SaveChangesAsync();
        var beforeCommit = version.Current;
        await transaction.CommitAsync();

        Assert.Equal(before, beforeCommit);
        Assert.True(version.Current > before);
    }

    [Fact]
    public async Task KeyRevocation_Advances()
    {
        var (key, _) = ApiKey.Create(accountId, "k", Now, null);
        await using (var db = Db())
        {
            db.ApiKeys.Add(key);
            await db.SaveChangesAsync();
        }
        var before = version.Current;

        await using (var db = Db())
        {
            var stored = await db.ApiKeys.SingleAsync(k => k.Id == key.Id);
            stored.Revoke(Now);
            await db.SaveChangesAsync();
        }

        Assert.True(version.Current > before);
    }

    [Fact]
    public async Task BulkUpdateOfAccounts_Advances()
    {
        var before = version.Current;

        await using var db = Db();
        await db.Accounts.Where(a => a.Id == accountId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AccountStatus.Suspended));

        Assert.True(version.Current > before);
    }

    [Fact]
    public async Task BulkDeleteOfApiKeysInATransaction_AdvancesAtTheCommit()
    {
        var before = version.Current;

        await using var db = Db();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.ApiKeys.Where(k => k.AccountId == accountId).ExecuteDeleteAsync();
        var beforeCommit = version.Current;
        await transaction.CommitAsync();

        Assert.Equal(before, beforeCommit);
        Assert.True(version.Current > before);
    }
}
