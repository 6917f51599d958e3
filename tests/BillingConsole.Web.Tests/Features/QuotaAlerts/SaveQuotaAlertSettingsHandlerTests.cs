using BillingConsole.Domain.QuotaAlerts;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Tests.Features.QuotaAlerts;

public sealed class SaveQuotaAlertSettingsHandlerTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(30.5)]
    public async Task A1_BadPercentage_IsInvalidWithFieldError_AndChangesNothing(decimal percent)
    {
        await using var world = await AlertWorld.CreateAsync();
        await world.BuyAsync(AlertWorld.Rp, 100);

        var result = await world.Save().HandleAsync(world.AccountId, [new QuotaAlertSettingInput("RP_CALLS", true, percent)], default);

        Assert.False(result.IsOk);
        Assert.True(result.FieldErrors.ContainsKey("rows[0].thresholdPercent"));
        await using var db = world.Database.CreateDbContext();
        Assert.Equal(0, await db.QuotaAlertSettings.CountAsync());
    }

    [Fact]
    public async Task A1_TypeNeverHeld_IsInvalid()
    {
        await using var world = await AlertWorld.CreateAsync();
        await world.BuyAsync(AlertWorld.Rp, 100);

        var result = await world.Save().HandleAsync(world.AccountId, [new QuotaAlertSettingInput("FV_CALLS", true, 20)], default);

        Assert.True(result.FieldErrors.ContainsKey("rows[0].packType"));
    }

    [Fact]
    public async Task A4_ChangedSettingAlreadyBelow_AlertsAtOnce()
    {
        await using var world = await AlertWorld.CreateAsync();
        var pack = await world.BuyAsync(AlertWorld.Rp, 100);
        await world.DeductAsync(pack, 60);
        Assert.Equal(0, await world.Evaluate().HandleAsync(world.AccountId, QuotaAlertTrigger.Deduction, default));

        var result = await world.Save().HandleAsync(world.AccountId, [new QuotaAlertSettingInput("RP_CALLS", true, 50)], default);

        Assert.True(result.IsOk);
        Assert.Equal(50, result.Value!.Single().ThresholdPercent);
        await using var db = world.Database.CreateDbContext();
        var occurrence = await db.AlertOccurrences.SingleAsync();
        Assert.Equal(("SettingChanged", 50), (occurrence.Trigger, occurrence.ThresholdPercent));
    }
}
