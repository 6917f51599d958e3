using BillingConsole.Domain.Payments;
using BillingConsole.Integration.Tests.Infrastructure;
using BillingConsole.Web.Features.AlipaySimulator;
using BillingConsole.Web.Features.Recharge;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Integration.Tests.Alipay;

[Collection(HostCollection.Name)]
public sealed class AlipayReconciliationTests(AlipayApp app) : IClassFixture<AlipayApp>
{
    private async Task<(Guid Recharge, Guid Account, HttpClient Owner)> PaidAsync(string amount, bool notify)
    {
        var (accountId, owner) = await app.OwnerAsync();
        var (rechargeId, payUrl) = await AlipayApp.RechargeAsync(owner, amount);
        await app.OpenCashierAsync(payUrl);
        (await app.PayAsync(rechargeId, notify)).EnsureSuccessStatusCode();
        return (rechargeId, accountId, owner);
    }

    [Fact]
    public async Task LostNotification_IsCreditedByReconciliation_OnlyAfterQueryAfter()
    {
        var (rechargeId, _, owner) = await PaidAsync("100.00", notify: false);

        await app.ReconcileAsync(); // younger than QueryAfter: not asked yet
        Assert.Equal("pending", await AlipayApp.StatusAsync(owner, rechargeId));

        app.FakeClock.Advance(TimeSpan.FromMinutes(6));
        await app.ReconcileAsync();
        Assert.Equal("succeeded", await AlipayApp.StatusAsync(owner, rechargeId));
        Assert.Equal("100.00", await AlipayApp.BalanceAsync(owner));
        await app.ReconcileAsync();
        Assert.Equal("100.00", await AlipayApp.BalanceAsync(owner));
    }

    [Fact]
    public async Task NotificationRacingReconciliation_CreditsOnce()
    {
        var (rechargeId, _, owner) = await PaidAsync("77.70", notify: false);
        app.FakeClock.Advance(TimeSpan.FromMinutes(6));
        var trade = app.Get<SimulatorTrades>().Find(rechargeId.ToString("N"))!;
        var notification = app.Get<AlipaySimulatorCashier>().Notification(trade);

        await Task.WhenAll(
            app.NotifyAsync(notification), app.ReconcileAsync(), app.NotifyAsync(notification), app.ReconcileAsync());

        Assert.Equal("77.70", await AlipayApp.BalanceAsync(owner));
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.LedgerEntries.CountAsync(e => e.IdempotencyKey == $"recharge:{rechargeId}"));
    }

    [Fact]
    public async Task TamperedQueryAnswer_IsRefused_AndCreditsNothing()
    {
        var (rechargeId, _, owner) = await PaidAsync("30.00", notify: false);
        app.FakeClock.Advance(TimeSpan.FromMinutes(6));
        app.Leg.Tamper = text => text.Replace("\"total_amount\":\"30.00\"", "\"total_amount\":\"3000.00\"");
        try
        {
            await app.ReconcileAsync();
        }
        finally
        {
            app.Leg.Tamper = null;
        }
        Assert.Equal("pending", await AlipayApp.StatusAsync(owner, rechargeId));
        Assert.Equal("0.00", await AlipayApp.BalanceAsync(owner));
        await using var db = app.CreateDbContext();
        Assert.Contains(await db.GatewayEvents.Where(e => e.RechargeId == rechargeId).Select(e => e.Reason).ToListAsync(),
            r => r.Contains("signature does not verify"));
    }

    [Fact]
    public async Task UnpaidPastOrderTimeout_IsClosedAndFailed_OpenedOrNot()
    {
        var (_, owner) = await app.OwnerAsync();
        var (opened, payUrl) = await AlipayApp.RechargeAsync(owner, "20.00");
        await app.OpenCashierAsync(payUrl);
        var (neverOpened, _) = await AlipayApp.RechargeAsync(owner, "21.00");

        app.FakeClock.Advance(TimeSpan.FromMinutes(30));
        await app.ReconcileAsync();
        Assert.Equal("pending", await AlipayApp.StatusAsync(owner, opened));

        app.FakeClock.Advance(TimeSpan.FromHours(2));
        await app.ReconcileAsync();
        Assert.Equal("failed", await AlipayApp.StatusAsync(owner, opened));
        Assert.Equal("failed", await AlipayApp.StatusAsync(owner, neverOpened));
        Assert.Equal("TRADE_CLOSED", app.Get<SimulatorTrades>().Find(opened.ToString("N"))!.Status);
        var late = await app.PayAsync(opened); // the closed trade can no longer be paid
        Assert.Contains("ACQ.TRADE_STATUS_ERROR", await late.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WithdrawalRefund_RetriedAfterATimeout_RefundsOnce_AcrossSeveralRecharges()
    {
        var (first, accountId, owner) = await PaidAsync("100.00", notify: true);
        var (secondId, payUrl) = await AlipayApp.RechargeAsync(owner, "50.00");
        await app.OpenCashierAsync(payUrl);
        (await app.PayAsync(secondId)).EnsureSuccessStatusCode();
        Assert.Equal("150.00", await AlipayApp.BalanceAsync(owner));

        var withdrawal = await app.Get<RequestWithdrawalHandler>().HandleAsync(
            new RequestWithdrawalCommand(accountId, "120.00", "owner"), default);
        Assert.True(withdrawal.IsOk, withdrawal.Error);
        app.Leg.LoseNextAnswerOf = "alipay.trade.refund";
        var approved = await app.Get<DecideWithdrawalHandler>().HandleAsync(
            new DecideWithdrawalCommand(withdrawal.Value!.WithdrawalId, true, "staff"), default);
        Assert.True(approved.IsOk, approved.Error);

        await using (var db = app.CreateDbContext())
        {
            var refunds = await db.GatewayRefunds.Where(r => r.AccountId == accountId).ToListAsync();
            Assert.Equal(2, refunds.Count);
            Assert.Equal(120m, refunds.Sum(r => r.Amount.Amount));
            Assert.Single(refunds, r => r.Status == GatewayRefundStatus.Pending && r.LastError!.Contains("could not be reached"));
        }

        await app.ReconcileAsync(); // the retry: same out_request_no
        await app.ReconcileAsync();

        await using (var db = app.CreateDbContext())
        {
            var refunds = await db.GatewayRefunds.Where(r => r.AccountId == accountId).ToListAsync();
            Assert.All(refunds, r => Assert.Equal(GatewayRefundStatus.Succeeded, r.Status));
        }
        var trades = app.Get<SimulatorTrades>();
        var refunded = new[] { first, secondId }.Select(id => trades.Find(id.ToString("N"))!).ToList();
        Assert.Equal(120m, refunded.Sum(t => t.RefundedTotal.Amount));
        Assert.All(refunded.Where(t => t.Refunds.Count > 0), t => Assert.Single(t.Refunds));
        Assert.Equal("30.00", await AlipayApp.BalanceAsync(owner));
    }
}
