using System.Security.Cryptography;
using BillingConsole.Integration.Tests.Infrastructure;
using BillingConsole.Web.Features.Alipay;
using BillingConsole.Web.Features.AlipaySimulator;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Integration.Tests.Alipay;

[Collection(HostCollection.Name)]
public sealed class AlipayNotifyTests(AlipayApp app) : IClassFixture<AlipayApp>
{
    private async Task<(Guid Recharge, HttpClient Owner, Dictionary<string, string> Notification)> PaidWithoutNotificationAsync(string amount)
    {
        var (_, owner) = await app.OwnerAsync();
        var (rechargeId, payUrl) = await AlipayApp.RechargeAsync(owner, amount);
        await app.OpenCashierAsync(payUrl);
        (await app.PayAsync(rechargeId, notify: false)).EnsureSuccessStatusCode();
        var trade = app.Get<SimulatorTrades>().Find(rechargeId.ToString("N"))!;
        return (rechargeId, owner, app.Get<AlipaySimulatorCashier>().Notification(trade));
    }

    private static Dictionary<string, string> Resign(Dictionary<string, string> fields, RSA key)
    {
        var copy = new Dictionary<string, string>(fields);
        copy["sign"] = AlipaySignature.Sign(AlipaySignature.Canonical(copy!, excludeSignType: true), key);
        return copy;
    }

    private RSA AlipayKey => app.Get<SimulatorKeys>().AlipayKey;

    [Fact]
    public async Task PayUrl_IsACompleteSignedPagePayRequest_ThatTheGatewayAccepts()
    {
        var (_, owner) = await app.OwnerAsync();
        var (rechargeId, payUrl) = await AlipayApp.RechargeAsync(owner, "100.00", "bank");

        Assert.StartsWith(AlipayApp.Base + UseSimulatorSetup.GatewayPath + "?", payUrl);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(payUrl).Query)
            .ToDictionary(p => p.Key, p => p.Value.ToString());
        Assert.Equal(["app_id", "biz_content", "charset", "format", "method", "notify_url", "return_url", "sign", "sign_type", "timestamp", "version"],
            query.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("alipay.trade.page.pay", query["method"]);
        Assert.Equal(AlipayApp.Base + "/api/v1/payments/notify/alipay", query["notify_url"]);
        Assert.Equal($"{AlipayApp.Base}/recharge/return/{rechargeId}", query["return_url"]);
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$", query["timestamp"]);
        Assert.Equal($"{{\"out_trade_no\":\"{rechargeId:N}\",\"total_amount\":\"100.00\",\"subject\":\"BillingConsole 账户充值\","
                     + "\"product_code\":\"FAST_INSTANT_TRADE_PAY\",\"enable_pay_channels\":\"bankPay\"}", query["biz_content"]);
        Assert.True(AlipaySignature.Verify(AlipaySignature.Canonical(query!, excludeSignType: false), query["sign"],
            app.Get<SimulatorAppKey>().PublicKey));
        await app.OpenCashierAsync(payUrl);
        var tampered = payUrl.Replace("100.00", "1.00");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await app.Bearer("none").GetAsync(tampered)).StatusCode);
    }

    [Fact]
    public async Task SimulatorPayment_NotifiesAndCredits_AndARepeatAnswersSuccessWithoutCrediting()
    {
        var (_, owner) = await app.OwnerAsync();
        var (rechargeId, payUrl) = await AlipayApp.RechargeAsync(owner, "100.00");
        await app.OpenCashierAsync(payUrl);
        (await app.PayAsync(rechargeId)).EnsureSuccessStatusCode();
        Assert.Equal("100.00", await AlipayApp.BalanceAsync(owner));
        Assert.Equal("succeeded", await AlipayApp.StatusAsync(owner, rechargeId));

        var again = await app.Bearer("none").PostAsync($"/alipay-sim/trades/{rechargeId:N}/notify", null);
        again.EnsureSuccessStatusCode(); // the replay read "success"
        Assert.Equal("100.00", await AlipayApp.BalanceAsync(owner));
    }

    [Fact]
    public async Task ConcurrentDuplicateNotifications_CreditOnce()
    {
        var (rechargeId, owner, notification) = await PaidWithoutNotificationAsync("66.60");

        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => app.NotifyAsync(notification)));

        Assert.All(replies, r => Assert.Equal("success", r));
        Assert.Equal("66.60", await AlipayApp.BalanceAsync(owner));
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.LedgerEntries.CountAsync(e => e.IdempotencyKey == $"recharge:{rechargeId}"));
    }

    [Fact]
    public async Task TamperedWrongKeyOtherAppOtherAmountUnknownOrder_AreRefused_CreditNothing_AndAreShownToStaff()
    {
        var (rechargeId, owner, good) = await PaidWithoutNotificationAsync("50.00");
        using var stranger = RSA.Create(2048);
        var tampered = new Dictionary<string, string>(good) { ["total_amount"] = "5000.00" };
        var wrongKey = Resign(good, stranger);
        var otherApp = Resign(new Dictionary<string, string>(good) { ["app_id"] = "2021999999999999" }, AlipayKey);
        var otherAmount = Resign(new Dictionary<string, string>(good) { ["total_amount"] = "5.00" }, AlipayKey);
        var unknown = Resign(new Dictionary<string, string>(good) { ["out_trade_no"] = Guid.NewGuid().ToString("N") }, AlipayKey);
        var notOurs = Resign(new Dictionary<string, string>(good) { ["out_trade_no"] = "ORDER-FROM-ELSEWHERE" }, AlipayKey);

        foreach (var bad in new[] { tampered, wrongKey, otherApp, otherAmount, unknown, notOurs })
        {
            Assert.NotEqual("success", await app.NotifyAsync(bad));
        }

        Assert.Equal("0.00", await AlipayApp.BalanceAsync(owner));
        Assert.Equal("pending", await AlipayApp.StatusAsync(owner, rechargeId));
        var detail = (await app.Get<GetGatewayActivityHandler>().RechargeAsync(rechargeId, default))!;
        var reasons = detail.Events.Where(e => e.Outcome == "refused").Select(e => e.Reason).ToList();
        Assert.Contains(reasons, r => r.Contains("signature does not verify"));
        Assert.Contains(reasons, r => r.Contains("app_id is not ours"));
        Assert.Contains(reasons, r => r.Contains("does not match the order"));
        Assert.All(detail.Events, e => Assert.Contains("trade_no=", e.Parameters));
        await using var db = app.CreateDbContext();
        Assert.True(await db.AuditEvents.CountAsync(a => a.Subject == $"recharge {rechargeId}" && a.Action == "payment.alipay.notify.refused") >= 4);

        Assert.Equal("success", await app.NotifyAsync(good)); // the genuine one still credits
        Assert.Equal("50.00", await AlipayApp.BalanceAsync(owner));
    }

    [Fact]
    public async Task TradeClosedNotification_MarksTheOrderFailed()
    {
        var (_, owner) = await app.OwnerAsync();
        var (rechargeId, payUrl) = await AlipayApp.RechargeAsync(owner, "10.00");
        await app.OpenCashierAsync(payUrl);
        var trade = app.Get<SimulatorTrades>().Find(rechargeId.ToString("N"))!;
        trade.Status = "TRADE_CLOSED";

        Assert.Equal("success", await app.NotifyAsync(app.Get<AlipaySimulatorCashier>().Notification(trade)));
        Assert.Equal("failed", await AlipayApp.StatusAsync(owner, rechargeId));
        Assert.Equal("0.00", await AlipayApp.BalanceAsync(owner));
    }

    [Fact]
    public async Task ReplayDaysLater_AnswersSuccess_AndCreditsNothingMore()
    {
        var (rechargeId, owner, notification) = await PaidWithoutNotificationAsync("12.00");
        Assert.Equal("success", await app.NotifyAsync(notification));
        app.FakeClock.Advance(TimeSpan.FromDays(2)); // Alipay retries for about 25 hours; a replay is harmless

        Assert.Equal("success", await app.NotifyAsync(notification));
        Assert.Equal("12.00", await AlipayApp.BalanceAsync(owner));
        Assert.Equal("succeeded", await AlipayApp.StatusAsync(owner, rechargeId));
    }

    [Fact]
    public async Task PayUrlTimestamp_IsShanghaiTime_AndAStaleRequestIsRefusedByTheGateway()
    {
        var (_, owner) = await app.OwnerAsync();
        var (rechargeId, payUrl) = await AlipayApp.RechargeAsync(owner, "9.00");
        var timestamp = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(payUrl).Query)["timestamp"].ToString();
        Assert.Equal(TimeZoneInfo.ConvertTime(app.FakeClock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"))
            .ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), timestamp);

        app.FakeClock.Advance(TimeSpan.FromMinutes(31));
        var stale = await app.Bearer("none").GetAsync(payUrl);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, stale.StatusCode);
        Assert.Contains("invalid-timestamp", await stale.Content.ReadAsStringAsync());
        Assert.Null(app.Get<SimulatorTrades>().Find(rechargeId.ToString("N")));
    }

    [Fact]
    public async Task SandboxCashier_IsNotUsed_WhileAlipayIsTheGateway()
    {
        var (_, owner) = await app.OwnerAsync();
        var (rechargeId, _) = await AlipayApp.RechargeAsync(owner, "8.00");
        var sandboxPay = await app.Bearer("none").PostAsync($"/sandbox/cashier/{rechargeId}/pay", null);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, sandboxPay.StatusCode);
        Assert.Equal("0.00", await AlipayApp.BalanceAsync(owner));
    }
}
