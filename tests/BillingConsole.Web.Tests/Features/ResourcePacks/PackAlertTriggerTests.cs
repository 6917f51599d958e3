using BillingConsole.Domain.QuotaAlerts;
using BillingConsole.Web.Features.QuotaAlerts;
using BillingConsole.Web.Features.ResourcePacks;

namespace BillingConsole.Web.Tests.Features.ResourcePacks;

/// <summary>SPEC A2: a purchase (and a refused one not) asks the alert engine to evaluate the account.</summary>
public sealed class PackAlertTriggerTests
{
    [Fact]
    public async Task A2_Purchase_EnqueuesAQuotaEvaluationAndALowBalanceCheck()
    {
        await using var world = await PacksWorld.CreateAsync(balance: 1000m);

        await world.BuyAsync("FV_CALLS_1K");

        var calls = world.AlertJobs.Jobs.Select(j => (j.Method.Name, j.Args[1])).ToList();
        Assert.Contains((nameof(QuotaAlertJobs.EvaluateAsync), (object)QuotaAlertTrigger.Purchase), calls);
        Assert.Contains((nameof(QuotaAlertJobs.ObserveBalanceAsync), (object)BalanceMovement.Purchase), calls);
    }

    [Fact]
    public async Task A2_RefusedPurchase_EnqueuesNothing()
    {
        await using var world = await PacksWorld.CreateAsync(balance: 1m);

        await world.Purchase.HandleAsync(new PurchasePackCommand(world.AccountId, "FV_CALLS_1K"), default);

        Assert.Empty(world.AlertJobs.Jobs);
    }
}
