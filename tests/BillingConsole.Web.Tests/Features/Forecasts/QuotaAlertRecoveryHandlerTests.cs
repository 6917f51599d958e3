using BillingConsole.Domain.QuotaAlerts;
using BillingConsole.Domain.Webhooks;
using BillingConsole.Web.Features.Forecasts;
using BillingConsole.Web.Features.Webhooks;
using BillingConsole.Web.Tests.Features.QuotaAlerts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace BillingConsole.Web.Tests.Features.Forecasts;

/// <summary>SPEC F4: a quota alert that a growing total ends sends one "recovered" message and event.</summary>
public sealed class QuotaAlertRecoveryHandlerTests
{
    [Fact]
    public async Task F4_A_purchase_that_lifts_the_ratio_recovers_the_alert_once()
    {
        await using var world = await AlertWorld.CreateAsync();
        var pack = await world.BuyAsync(AlertWorld.Rp, 1000);
        await world.DeductAsync(pack, 800); // 20 % ≤ 30 %
        Assert.Equal(1, await world.Evaluate().HandleAsync(world.AccountId, QuotaAlertTrigger.Deduction, default));
        var recovery = new QuotaAlertRecoveryHandler(world.Database, new WebhookEventData(new ConfigurationBuilder().Build()), world.Clock);
        Assert.Equal(0, await recovery.HandleAsync(world.AccountId, default)); // nothing grew yet

        await world.BuyAsync(AlertWorld.Rp, 1000); // 1,200 of 2,000: 60 %
        Assert.Equal(1, await recovery.HandleAsync(world.AccountId, default));
        Assert.Equal(0, await recovery.HandleAsync(world.AccountId, default));

        await using var db = world.Database.CreateDbContext();
        var recovered = await db.Notifications.Where(n => n.Title.Contains("recovered")).ToListAsync();
        Assert.Contains("1,200 of 2,000", Assert.Single(recovered).Body);
        Assert.Equal(1, await db.WebhookEvents.CountAsync(e => e.Type == WebhookEventTypes.QuotaAlertRecovered));
    }

    [Fact]
    public async Task F4_A_purchase_too_small_to_lift_the_ratio_recovers_nothing()
    {
        await using var world = await AlertWorld.CreateAsync();
        var pack = await world.BuyAsync(AlertWorld.Rp, 1000);
        await world.DeductAsync(pack, 900);
        await world.Evaluate().HandleAsync(world.AccountId, QuotaAlertTrigger.Deduction, default);
        await world.BuyAsync(AlertWorld.Rp, 100); // 200 of 1,100: 18 %

        var recovery = new QuotaAlertRecoveryHandler(world.Database, new WebhookEventData(new ConfigurationBuilder().Build()), world.Clock);
        Assert.Equal(0, await recovery.HandleAsync(world.AccountId, default));
    }
}
