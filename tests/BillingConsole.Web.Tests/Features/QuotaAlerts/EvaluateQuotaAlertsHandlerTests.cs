using BillingConsole.Domain.Notifications;
using BillingConsole.Domain.QuotaAlerts;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Tests.Features.QuotaAlerts;

public sealed class EvaluateQuotaAlertsHandlerTests
{
    [Fact]
    public async Task A1_NewlyHeldTypes_GetEnabledDefaultAt30_HourlyListedUnsupported()
    {
        await using var world = await AlertWorld.CreateAsync();
        await world.BuyAsync(AlertWorld.Rp, 1000);
        await world.BuyAsync(AlertWorld.Storage, 10);

        await world.Evaluate().HandleAsync(world.AccountId, QuotaAlertTrigger.Purchase, default);

        await using var db = world.Database.CreateDbContext();
        var stored = await db.QuotaAlertSettings.SingleAsync();
        Assert.Equal(("RP_CALLS", true, 30), (stored.PackTypeCode, stored.Enabled, stored.ThresholdPercent));
        var rows = await world.Settings().HandleAsync(world.AccountId, default);
        Assert.Equal(["RP_CALLS", "IOT_STORAGE"], rows.Select(r => r.PackType));
        Assert.False(rows.Single(r => r.PackType == "IOT_STORAGE").Supported);
    }

    [Fact]
    public async Task A3_A5_RatioAtThreshold_FiresWithWhatItSaw_MessageAndEmailToOwner()
    {
        await using var world = await AlertWorld.CreateAsync();
        var pack = await world.BuyAsync(AlertWorld.Rp, 1000);
        await world.DeductAsync(pack, 699);
        Assert.Equal(0, await world.Evaluate().HandleAsync(world.AccountId, QuotaAlertTrigger.Deduction, default));

        await world.DeductAsync(pack, 1);
        var fired = await world.Evaluate().HandleAsync(world.AccountId, QuotaAlertTrigger.Deduction, default);

        Assert.Equal(1, fired);
        await using var db = world.Database.CreateDbContext();
        var occurrence = await db.AlertOccurrences.SingleAsync();
        Assert.Equal(("ratio", "RP_CALLS", 300L, 1000L, 3000L, 30, "Deduction"), (occurrence.Kind,
            occurrence.PackTypeCode, occurrence.Remaining, occurrence.Total, occurrence.RatioBasisPoints,
            occurrence.ThresholdPercent, occurrence.Trigger));
        var message = await db.Notifications.SingleAsync();
        Assert.Equal(Notification.KindQuotaAlert, message.Kind);
        Assert.Equal(300, message.Remaining);
        var email = await db.OutboundEmails.SingleAsync();
        Assert.Equal((AlertWorld.OwnerEmail, message.Id, OutboundEmailStatus.Pending), (email.To, email.NotificationId, email.Status));
    }

    [Fact]
    public async Task A3_OnlyPacksInValidityCount_ExpiredPackIsLeftOut()
    {
        await using var world = await AlertWorld.CreateAsync();
        await world.BuyAsync(AlertWorld.Rp, 1000);
        world.Clock.Advance(TimeSpan.FromDays(200));
        var current = await world.BuyAsync(AlertWorld.Rp, 1000);
        world.Clock.Advance(TimeSpan.FromDays(200));
        await world.DeductAsync(current, 750);

        var fired = await world.Evaluate().HandleAsync(world.AccountId, QuotaAlertTrigger.Expiry, default);

        Assert.Equal(1, fired);
        await using var db = world.Database.CreateDbContext();
        Assert.Equal((250L, 1000L), (await db.AlertOccurrences.Select(o => new { o.Remaining, o.Total })
            .Select(o => ValueTuple.Create(o.Remaining!.Value, o.Total!.Value)).SingleAsync()));
    }

    [Fact]
    public async Task A4_J2_RunTwiceAndConcurrently_FiresOnce()
    {
        await using var world = await AlertWorld.CreateAsync();
        var pack = await world.BuyAsync(AlertWorld.Rp, 100);
        await world.DeductAsync(pack, 90);

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Task.Run(() => world.Evaluate().HandleAsync(world.AccountId, QuotaAlertTrigger.Sweep, default))));
        var again = await world.Evaluate().HandleAsync(world.AccountId, QuotaAlertTrigger.Sweep, default);

        Assert.Equal(1, runs.Sum());
        Assert.Equal(0, again);
        await using var db = world.Database.CreateDbContext();
        Assert.Equal(1, await db.Notifications.CountAsync());
        Assert.Equal(1, await db.OutboundEmails.CountAsync());
    }

    [Fact]
    public async Task A4_Exhaustion_IsASecondThreshold()
    {
        await using var world = await AlertWorld.CreateAsync();
        var pack = await world.BuyAsync(AlertWorld.Rp, 100);
        await world.DeductAsync(pack, 80);
        await world.Evaluate().HandleAsync(world.AccountId, QuotaAlertTrigger.Deduction, default);

        await world.DeductAsync(pack, 20);
        var fired = await world.Evaluate().HandleAsync(world.AccountId, QuotaAlertTrigger.Deduction, default);

        Assert.Equal(1, fired);
        await using var db = world.Database.CreateDbContext();
        Assert.Equal(["exhausted", "ratio"], (await db.AlertOccurrences.Select(o => o.Kind).ToListAsync()).Order());
    }

    [Fact]
    public async Task A2_PurchaseGrowsTheTotal_RearmsTheRatioAlert()
    {
        await using var world = await AlertWorld.CreateAsync();
        var first = await world.BuyAsync(AlertWorld.Rp, 100);
        await world.DeductAsync(first, 80);
        await world.Evaluate().HandleAsync(world.AccountId, QuotaAlertTrigger.Deduction, default);
        var second = await world.BuyAsync(AlertWorld.Rp, 100);
        await world.DeductAsync(second, 90);

        var fired = await world.Evaluate().HandleAsync(world.AccountId, QuotaAlertTrigger.Deduction, default);

        Assert.Equal(1, fired);
    }

    [Fact]
    public async Task A4_MonthlyCycle_AlertsOncePerMonth_AgainNextMonth()
    {
        await using var world = await AlertWorld.CreateAsync();
        var pack = await world.BuyAsync(AlertWorld.Iot, 1000);
        await world.DeductAsync(pack, 800);
        Assert.Equal(1, await world.Evaluate().HandleAsync(world.AccountId, QuotaAlertTrigger.Deduction, default));
        Assert.Equal(0, await world.Evaluate().HandleAsync(world.AccountId, QuotaAlertTrigger.Sweep, default));

        world.Clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(0, await world.Evaluate().HandleAsync(world.AccountId, QuotaAlertTrigger.Sweep, default));
        await world.DeductAsync(pack, 750);

        Assert.Equal(1, await world.Evaluate().HandleAsync(world.AccountId, QuotaAlertTrigger.Deduction, default));
    }

    [Fact]
    public async Task A4_DisabledSetting_DoesNotFire()
    {
        await using var world = await AlertWorld.CreateAsync();
        var pack = await world.BuyAsync(AlertWorld.Rp, 100);
        await world.Save().HandleAsync(world.AccountId, [new QuotaAlertSettingInput("RP_CALLS", false, 30)], default);
        await world.DeductAsync(pack, 100);

        var fired = await world.Evaluate().HandleAsync(world.AccountId, QuotaAlertTrigger.Deduction, default);

        Assert.Equal(0, fired);
    }
}
