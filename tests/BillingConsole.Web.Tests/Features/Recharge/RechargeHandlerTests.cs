using System.Text;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.Ledger;
using BillingConsole.Domain.Payments;
using BillingConsole.Web.Features.Recharge;

namespace BillingConsole.Web.Tests.Features.Recharge;

public sealed class RechargeHandlerTests
{
    private static byte[] Body(Guid rechargeId, string amount, string status = "paid") => Encoding.UTF8.GetBytes(
        $"{{\"notificationId\":\"n-{Guid.NewGuid():N}\",\"rechargeId\":\"{rechargeId}\",\"tradeNo\":\"T1\",\"amount\":\"{amount}\",\"status\":\"{status}\"}}");

    private static Task<NotifyReply> SendAsync(RechargeFixture f, byte[] body)
    {
        var ts = f.Signer.NowTimestamp();
        return f.Notify.HandleAsync(ts, f.Signer.Sign(ts, body), body, default);
    }

    [Theory]
    [InlineData("", "Enter an amount.")]
    [InlineData("0", "greater than 0")]
    [InlineData("-5", "greater than 0")]
    [InlineData("1.234", "at most 2 decimals")]
    [InlineData("1e3", "at most 2 decimals")]
    [InlineData("1000000.01", "at most ¥1,000,000.00")]
    public async Task R1_BadAmount_IsInvalidAndStoresNothing(string amount, string message)
    {
        await using var f = await RechargeFixture.CreateAsync();
        var accountId = await f.OpenAccountAsync();

        var result = await f.Create.HandleAsync(new CreateRechargeCommand(accountId, amount, "offline", false), default);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Contains(message, result.FieldErrors["amount"][0]);
        Assert.Empty(await f.Query.ListAsync(accountId, default));
    }

    [Theory]
    [InlineData("alipay")]
    [InlineData("bank")]
    public async Task R1_GatewayMethodWithoutAcknowledgement_IsInvalid(string method)
    {
        await using var f = await RechargeFixture.CreateAsync();
        var accountId = await f.OpenAccountAsync();

        var result = await f.Create.HandleAsync(new CreateRechargeCommand(accountId, "100", method, false), default);

        Assert.True(result.FieldErrors.ContainsKey("acknowledgeOriginalRoute"));
    }

    [Fact]
    public async Task R2_ConcurrentDuplicateNotifications_CreditOnce()
    {
        await using var f = await RechargeFixture.CreateAsync();
        var accountId = await f.OpenAccountAsync();
        var rechargeId = await f.NewRechargeAsync(accountId, "100.00");
        var body = Body(rechargeId, "100.00");

        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => SendAsync(f, body))));

        Assert.All(replies, r => Assert.Equal((200, "success"), (r.StatusCode, r.Body)));
        var (balance, sum, entries) = await f.LedgerAsync(accountId);
        Assert.Equal((Money.Yuan(100m), Money.Yuan(100m), 1), (balance, sum, entries));
        Assert.Equal(RechargeStatus.Succeeded, (await f.Query.GetAsync(accountId, rechargeId, default))!.Status);
    }

    [Fact]
    public async Task R2_ForgedStaleWrongAmountUnknownOrCancelled_CreditNothing()
    {
        await using var f = await RechargeFixture.CreateAsync();
        var accountId = await f.OpenAccountAsync();
        var rechargeId = await f.NewRechargeAsync(accountId, "100.00");
        var cancelledId = await f.NewRechargeAsync(accountId, "50.00", "bank");
        await f.Gateway.CancelAsync(cancelledId, default);
        var body = Body(rechargeId, "100.00");
        var stale = (f.Clock.GetUtcNow().ToUnixTimeSeconds() - 301).ToString();

        var forged = await f.Notify.HandleAsync(f.Signer.NowTimestamp(), new string('a', 64), body, default);
        var staleReply = await f.Notify.HandleAsync(stale, f.Signer.Sign(stale, body), body, default);
        var wrongAmount = await SendAsync(f, Body(rechargeId, "100.01"));
        var unknown = await SendAsync(f, Body(Guid.NewGuid(), "100.00"));
        var cancelled = await SendAsync(f, Body(cancelledId, "50.00"));

        Assert.Equal([401, 401, 400, 404, 409],
            new[] { forged, staleReply, wrongAmount, unknown, cancelled }.Select(r => r.StatusCode));
        var (balance, _, entries) = await f.LedgerAsync(accountId);
        Assert.Equal((Money.Zero, 0), (balance, entries));
        Assert.Equal(RechargeStatus.Pending, (await f.Query.GetAsync(accountId, rechargeId, default))!.Status);
    }

    [Fact]
    public async Task B8_RechargeThatCoversArrears_EndsArrearsAtOnce()
    {
        await using var f = await RechargeFixture.CreateAsync();
        var accountId = await f.OpenAccountAsync();
        await f.PostAsync(accountId, LedgerEntryKind.DailyBill, -30m, "bill:1");
        var rechargeId = await f.NewRechargeAsync(accountId, "30.00");

        await f.Gateway.PayAsync(rechargeId, default);

        await using var db = f.Database.CreateDbContext();
        var account = db.Accounts.Single(a => a.Id == accountId);
        Assert.Equal(Domain.Accounts.AccountStatus.Active, account.Status);
        Assert.Equal(Money.Zero, account.Balance);
    }

    [Fact]
    public async Task B9_RechargeConcurrentWithDailyBillPostings_BalanceEqualsSumOfEntries()
    {
        await using var f = await RechargeFixture.CreateAsync();
        var accountId = await f.OpenAccountAsync();
        var recharges = new List<Guid>();
        for (var i = 0; i < 5; i++) recharges.Add(await f.NewRechargeAsync(accountId, "10.00"));

        var pays = recharges.Select(id => Task.Run(() => f.Gateway.PayAsync(id, default)));
        var bills = Enumerable.Range(0, 5).Select(i => Task.Run(() =>
            BillingConsole.Infrastructure.Persistence.ConcurrencyRetry.ExecuteAsync(async _ =>
            {
                await f.PostAsync(accountId, LedgerEntryKind.DailyBill, -7.5m, $"bill:{i}");
                return 0;
            }, default, attempts: 50)));
        await Task.WhenAll(pays.Cast<Task>().Concat(bills));

        var (balance, sum, entries) = await f.LedgerAsync(accountId);
        Assert.Equal(Money.Yuan(12.5m), balance);
        Assert.Equal(balance, sum);
        Assert.Equal(10, entries);
    }

    [Fact]
    public async Task R3_SecondConfirmation_ChangesNothing()
    {
        await using var f = await RechargeFixture.CreateAsync();
        var accountId = await f.OpenAccountAsync();
        var rechargeId = await f.NewRechargeAsync(accountId, "500.00", "offline");

        var first = await f.Complete.ConfirmRemittanceAsync(rechargeId, Money.Yuan(499m), "staff", default);
        var second = await f.Complete.ConfirmRemittanceAsync(rechargeId, Money.Yuan(500m), "staff", default);

        Assert.Equal(first.Value, second.Value);
        var (balance, _, entries) = await f.LedgerAsync(accountId);
        Assert.Equal((Money.Yuan(499m), 1), (balance, entries));
    }

    [Fact]
    public async Task R3_OfflineOrder_StaysPendingUntilConfirmed_AndShowsTheRemittanceCode()
    {
        await using var f = await RechargeFixture.CreateAsync();
        var accountId = await f.OpenAccountAsync();

        var created = await f.Create.HandleAsync(new CreateRechargeCommand(accountId, "500", "offline", false), default);

        Assert.StartsWith("BC", created.Value!.RemittanceCode);
        Assert.Null(created.Value.PayUrl);
        Assert.Equal(RechargeStatus.Pending, (await f.Query.GetAsync(accountId, created.Value.RechargeId, default))!.Status);
        Assert.Equal(0, (await f.LedgerAsync(accountId)).Entries);
        Assert.Equal(ResultStatus.NotFound, (await f.Gateway.PayAsync(created.Value.RechargeId, default)).Status);
    }
}
