using BillingConsole.Domain.Accounts;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.Ledger;
using BillingConsole.Web.Features.Accounts;
using BillingConsole.Web.Features.Recharge;
using BillingConsole.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BillingConsole.Web.Tests.Features.Recharge;

/// <summary>The recharge handlers wired by hand on a real in-memory SQLite database.</summary>
public sealed class RechargeFixture : IAsyncDisposable
{
    private RechargeFixture(TestDatabase database)
    {
        Database = database;
        var options = Options.Create(new PaymentOptions { Sandbox = new SandboxOptions { Enabled = true, SigningKey = "test-key" } });
        Signer = new SandboxSigner(options, Clock);
        Complete = new CompleteRechargeHandler(database, Clock, RecordingJobClient.Triggers(), NullLogger<CompleteRechargeHandler>.Instance);
        Notify = new ProcessPaymentNotificationHandler(Signer, Complete, NullLogger<ProcessPaymentNotificationHandler>.Instance);
        Query = new GetRechargesHandler(database);
        Gateway = new SandboxPaymentGateway(options, Signer, Notify, Complete, Query);
        Create = new CreateRechargeHandler(database, Gateway, options, Clock);
        Withdraw = new RequestWithdrawalHandler(database, Clock, NullLogger<RequestWithdrawalHandler>.Instance);
        Decide = new DecideWithdrawalHandler(database, Clock, new BillingConsole.Web.Features.Support.AuditLog(database, Clock), NullLogger<DecideWithdrawalHandler>.Instance);
    }

    public TestDatabase Database { get; }
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero));
    public SandboxSigner Signer { get; }
    public CompleteRechargeHandler Complete { get; }
    public ProcessPaymentNotificationHandler Notify { get; }
    public GetRechargesHandler Query { get; }
    public SandboxPaymentGateway Gateway { get; }
    public CreateRechargeHandler Create { get; }
    public RequestWithdrawalHandler Withdraw { get; }
    public DecideWithdrawalHandler Decide { get; }

    public static async Task<RechargeFixture> CreateAsync() => new(await TestDatabase.CreateAsync());

    public async Task<Guid> OpenAccountAsync(decimal balance = 0m)
    {
        await using var db = Database.CreateDbContext();
        var account = Account.Open("Acme", OpenAccountHandler.NewRemittanceCode(), Clock.GetUtcNow().UtcDateTime);
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        if (balance != 0m) await PostAsync(account.Id, LedgerEntryKind.Adjustment, balance, "opening:" + account.Id);
        return account.Id;
    }

    public async Task PostAsync(Guid accountId, LedgerEntryKind kind, decimal amount, string key)
    {
        await using var db = Database.CreateDbContext();
        var result = await db.PostAsync(new PostLedgerEntryCommand(accountId, kind, Money.Yuan(amount), "test", key),
            Clock.GetUtcNow().UtcDateTime, default);
        if (!result.IsOk) throw new InvalidOperationException(result.Error);
        await db.SaveChangesAsync();
    }

    public async Task<Guid> NewRechargeAsync(Guid accountId, string amount, string method = "alipay")
    {
        var created = await Create.HandleAsync(new CreateRechargeCommand(accountId, amount, method, true), default);
        return created.Value!.RechargeId;
    }

    /// <summary>Balance, the SQL sum of the ledger, and the number of entries.</summary>
    public async Task<(Money Balance, Money Sum, int Entries)> LedgerAsync(Guid accountId)
    {
        await using var db = Database.CreateDbContext();
        var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == accountId);
        var entries = db.LedgerEntries.Where(e => e.AccountId == accountId);
        return (account.Balance, Money.FromUnits(await entries.SumAsync(e => e.AmountUnits)), await entries.CountAsync());
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
