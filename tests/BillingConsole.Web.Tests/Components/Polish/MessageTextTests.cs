using System.Globalization;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.Pricing;
using BillingConsole.Domain.QuotaAlerts;
using BillingConsole.Web.Features.Accounts;
using BillingConsole.Web.Features.Notifications;
using BillingConsole.Web.Features.QuotaAlerts;
using BillingConsole.Web.Resources;
using BillingConsole.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace BillingConsole.Web.Tests.Components.Polish;

/// <summary>Issue #15 item 4: messages are written from what the alert saw, in the reader's language only.</summary>
public sealed class MessageTextTests : BillingTestContext
{
    private static readonly DateTime Now = new(2026, 11, 27, 2, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("zh-CN", "活体人脸验证流量包已用尽", "资源包类型 活体人脸验证流量包 剩余 0 / 1,000（0%），预警阈值 20%，触发：抵扣。", "余额低于 ¥100.00")]
    [InlineData("en-US", "Liveness verification pack used up", "Pack type Liveness verification pack: 0 of 1,000 left (0%), alert threshold 20%. Trigger: deduction.", "Balance below ¥100.00")]
    public async Task Messages_AreWrittenInTheReadersLanguage_NotStoredTwice(string culture, string title, string bodyStart, string lowTitle)
    {
        await using var database = await TestDatabase.CreateAsync();
        var accountId = await SeedAlertsAsync(database);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        var l = Services.GetRequiredService<IStringLocalizer<SharedResource>>();

        var rows = await new GetNotificationsHandler(database).HandleAsync(new GetNotificationsQuery(accountId), default);

        var quota = rows.Single(r => r.Kind == "quota_alert");
        var low = rows.Single(r => r.Kind == "low_balance");
        Assert.Equal(title, MessageText.Title(l, Catalog, quota));
        Assert.StartsWith(bodyStart, MessageText.Body(l, Catalog, quota));
        Assert.Equal(lowTitle, MessageText.Title(l, Catalog, low));
        Assert.Contains("¥80.00", MessageText.Body(l, Catalog, low));
        // One language: the stored bilingual text is not what is shown.
        var shown = MessageText.Title(l, Catalog, quota) + MessageText.Body(l, Catalog, quota) + MessageText.Body(l, Catalog, low);
        if (culture == "zh-CN") Assert.DoesNotMatch("[A-Za-z]{3,}", shown);
        else Assert.DoesNotMatch(@"[\u4e00-\u9fff]", shown);
    }

    private static async Task<Guid> SeedAlertsAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        var account = BillingConsole.Domain.Accounts.Account.Open("Acme", OpenAccountHandler.NewRemittanceCode(), Now);
        db.Accounts.Add(account);
        AlertMessages.AddQuota(db, new QuotaAlert
        {
            OccurrenceKey = "k1", AccountId = account.Id, PackTypeCode = "FV_CALLS", Cycle = PackCycle.None,
            Kind = QuotaAlertKind.Exhausted, Remaining = 0, Total = 1000, RatioPercent = 0, ThresholdPercent = 20, AtUtc = Now,
            Trigger = QuotaAlertTrigger.Deduction,
        }, ("活体人脸验证流量包", "Liveness verification pack"), []);
        AlertMessages.AddLowBalance(db, new LowBalanceAlert
        {
            OccurrenceKey = "k2", AccountId = account.Id, Balance = Money.Yuan(80m), Threshold = Money.Yuan(100m),
            Cause = BalanceMovement.Bill, AtUtc = Now,
        }, []);
        await db.SaveChangesAsync();
        return account.Id;
    }
}
