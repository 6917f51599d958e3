using Microsoft.EntityFrameworkCore;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.Ledger;
using BillingConsole.Domain.Payments;
using BillingConsole.Web.Features.Recharge;

namespace BillingConsole.Web.Tests.Features.Recharge;

public sealed class WithdrawalHandlerTests
{
    [Fact]
    public async Task R5_TwoConcurrentWithdrawalsOfTheWholeBalance_OnlyOneSucceeds()
    {
        await using var f = await RechargeFixture.CreateAsync();
        var accountId = await f.OpenAccountAsync(100m);

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
            f.Withdraw.HandleAsync(new RequestWithdrawalCommand(accountId, "100.00", "owner"), default))));

        Assert.Equal(1, results.Count(r => r.IsOk));
        // Refused by the amount check or, when it read the balance before the winner committed, by Account.Post.
        Assert.Contains(results.Single(r => !r.IsOk).Status, new[] { ResultStatus.Invalid, ResultStatus.Conflict });
        var (balance, sum, _) = await f.LedgerAsync(accountId);
        Assert.Equal((Money.Zero, Money.Zero), (balance, sum));
    }

    [Fact]
    public async Task R5_MoreThanThePositiveBalance_IsRefused()
    {
        await using var f = await RechargeFixture.CreateAsync();
        var accountId = await f.OpenAccountAsync(20m);

        var result = await f.Withdraw.HandleAsync(new RequestWithdrawalCommand(accountId, "20.01", "owner"), default);

        Assert.Contains("at most your positive balance, 20.00", result.FieldErrors["amount"][0]);
        Assert.Equal(1, (await f.LedgerAsync(accountId)).Entries);
    }

    [Fact]
    public async Task R5_Split_RecentAlipayByOriginalRoute_RestByBank_ShownBeforeAndStored()
    {
        await using var f = await RechargeFixture.CreateAsync();
        var accountId = await f.OpenAccountAsync(50m);
        var rechargeId = await f.NewRechargeAsync(accountId, "100.00");
        await f.Gateway.PayAsync(rechargeId, default);

        var preview = await f.Withdraw.PreviewAsync(accountId, "120", default);
        var done = await f.Withdraw.HandleAsync(new RequestWithdrawalCommand(accountId, "120", "owner"), default);

        var expected = new[] { new WithdrawalLineRow(WithdrawalRoute.OriginalRoute, rechargeId, Money.Yuan(100m)),
            new WithdrawalLineRow(WithdrawalRoute.BankTransfer, null, Money.Yuan(20m)) };
        Assert.Equal(expected, preview.Value!.Lines);
        Assert.Equal(expected, done.Value!.Lines);
        Assert.Equal(Money.Yuan(30m), (await f.LedgerAsync(accountId)).Balance);
    }

    [Fact]
    public async Task R5_Reject_PostsTheHeldMoneyBack_ApproveKeepsIt_SecondDecisionRefused()
    {
        await using var f = await RechargeFixture.CreateAsync();
        var accountId = await f.OpenAccountAsync(100m);
        var a = (await f.Withdraw.HandleAsync(new RequestWithdrawalCommand(accountId, "30", "owner"), default)).Value!;
        var b = (await f.Withdraw.HandleAsync(new RequestWithdrawalCommand(accountId, "20", "owner"), default)).Value!;

        var approved = await f.Decide.HandleAsync(new DecideWithdrawalCommand(a.WithdrawalId, true, "staff"), default);
        var rejected = await f.Decide.HandleAsync(new DecideWithdrawalCommand(b.WithdrawalId, false, "staff", "wrong bank"), default);
        var again = await f.Decide.HandleAsync(new DecideWithdrawalCommand(b.WithdrawalId, false, "staff"), default);

        Assert.Equal(WithdrawalStatus.Approved, approved.Value!.Status);
        Assert.Equal(WithdrawalStatus.Rejected, rejected.Value!.Status);
        Assert.Equal(ResultStatus.Conflict, again.Status);
        var (balance, sum, entries) = await f.LedgerAsync(accountId);
        Assert.Equal((Money.Yuan(70m), Money.Yuan(70m), 4), (balance, sum, entries));
        await using var db = f.Database.CreateDbContext();
        var decisions = await db.AuditEvents.Where(e => e.Action.StartsWith("withdrawal.")).Select(e => e.Action).ToListAsync();
        Assert.Equal(["withdrawal.approve", "withdrawal.reject"], decisions.Order());
    }

    [Fact]
    public async Task R5_AccountInArrears_CannotWithdraw()
    {
        await using var f = await RechargeFixture.CreateAsync();
        var accountId = await f.OpenAccountAsync();
        await f.PostAsync(accountId, LedgerEntryKind.DailyBill, -5m, "bill:x");

        var result = await f.Withdraw.HandleAsync(new RequestWithdrawalCommand(accountId, "1", "owner"), default);

        Assert.Contains("0.00", result.FieldErrors["amount"][0]);
    }
}
