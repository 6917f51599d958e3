using BillingConsole.Domain.QuotaAlerts;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Tests.Features.QuotaAlerts;

/// <summary>SPEC A4 (updated) through the dialog's save: the unread count must not go 4 → 8 → 16 (issue 15).</summary>
public sealed class QuotaAlertRearmHandlerTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task A4_RepeatedSaves_OfExhaustedPacks_SendNothingAgain()
    {
        await using var world = await AlertWorld.CreateAsync();
        await world.DeductAsync(await world.BuyAsync(AlertWorld.Rp, 100), 100);
        await world.DeductAsync(await world.BuyAsync(AlertWorld.Iot, 100), 100);
        Assert.Equal(4, await world.Evaluate().HandleAsync(world.AccountId, QuotaAlertTrigger.Deduction, Ct));

        QuotaAlertSettingInput[] same = [new("RP_CALLS", true, 30), new("IOT_CONNECTION", true, 30)];
        QuotaAlertSettingInput[] off = [new("RP_CALLS", false, 30), new("IOT_CONNECTION", false, 30)];
        foreach (var rows in new[] { same, off, same, same })
        {
            Assert.True((await world.Save().HandleAsync(world.AccountId, rows, Ct)).IsOk);
        }

        Assert.Equal(4, await UnreadAsync(world));
    }

    [Fact]
    public async Task A4_ChangedRatio_SendsThatRatioOnce_AtTheNewValue_NotExhaustion()
    {
        await using var world = await AlertWorld.CreateAsync();
        await world.DeductAsync(await world.BuyAsync(AlertWorld.Rp, 100), 100);
        await world.Evaluate().HandleAsync(world.AccountId, QuotaAlertTrigger.Deduction, Ct);

        await world.Save().HandleAsync(world.AccountId, [new QuotaAlertSettingInput("RP_CALLS", true, 20)], Ct);
        await world.Save().HandleAsync(world.AccountId, [new QuotaAlertSettingInput("RP_CALLS", true, 20)], Ct);

        await using var db = world.Database.CreateDbContext();
        var latest = await db.AlertOccurrences.Where(o => o.Trigger == "SettingChanged").ToListAsync(Ct);
        var alert = Assert.Single(latest);
        Assert.Equal((AlertOccurrence.KindRatio, 20), (alert.Kind, alert.ThresholdPercent));
        Assert.Equal(3, await UnreadAsync(world));
    }

    [Fact]
    public async Task A5_Alert_RecordsTheDeductionTime_AndTrigger()
    {
        await using var world = await AlertWorld.CreateAsync();
        await world.DeductAsync(await world.BuyAsync(AlertWorld.Rp, 100), 100);
        var deductedAt = world.Now;
        world.Clock.Advance(TimeSpan.FromHours(3));

        await world.Evaluate().HandleAsync(world.AccountId, QuotaAlertTrigger.Deduction, Ct, deductedAt);

        await using var db = world.Database.CreateDbContext();
        Assert.All(await db.AlertOccurrences.ToListAsync(Ct), o => Assert.Equal((deductedAt, "Deduction"), (o.AtUtc, o.Trigger)));
        Assert.All(await db.Notifications.ToListAsync(Ct), n => Assert.Equal(deductedAt, n.CreatedAtUtc));
    }

    private static async Task<int> UnreadAsync(AlertWorld world)
    {
        await using var db = world.Database.CreateDbContext();
        return await db.Notifications.CountAsync(n => n.AccountId == world.AccountId && n.ReadAtUtc == null);
    }
}
