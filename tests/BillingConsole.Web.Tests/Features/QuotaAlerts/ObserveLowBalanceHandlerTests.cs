using BillingConsole.Domain.Common;
using BillingConsole.Domain.Ledger;
using BillingConsole.Domain.Notifications;
using BillingConsole.Domain.QuotaAlerts;
using BillingConsole.Web.Features.QuotaAlerts;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Tests.Features.QuotaAlerts;

public sealed class ObserveLowBalanceHandlerTests
{
    private static async Task EnableAsync(AlertWorld world, decimal amount)
    {
        var saved = await new LowBalanceSettingsHandler(world.Database, world.Clock)
            .SaveAsync(world.AccountId, true, Money.Yuan(amount), default);
        Assert.True(saved.IsOk);
    }

    [Fact]
    public async Task A6_OffByDefault_NeverFires()
    {
        await using var world = await AlertWorld.CreateAsync();
        await world.PostAsync(LedgerEntryKind.DailyBill, -10m);

        Assert.False(await world.ObserveLowBalance().HandleAsync(world.AccountId, BalanceMovement.Bill, default));
    }

    [Fact]
    public async Task A6_BillBelowAmount_FiresOncePerDip_RechargeRearms()
    {
        await using var world = await AlertWorld.CreateAsync();
        await world.PostAsync(LedgerEntryKind.Recharge, 150m);
        await EnableAsync(world, 100m);
        var observe = world.ObserveLowBalance();

        await world.PostAsync(LedgerEntryKind.DailyBill, -60m);
        Assert.True(await observe.HandleAsync(world.AccountId, BalanceMovement.Bill, default));
        await world.PostAsync(LedgerEntryKind.DailyBill, -10m);
        Assert.False(await observe.HandleAsync(world.AccountId, BalanceMovement.Bill, default));
        await world.PostAsync(LedgerEntryKind.Recharge, 200m);
        Assert.False(await observe.HandleAsync(world.AccountId, BalanceMovement.Recharge, default));
        await world.PostAsync(LedgerEntryKind.PackPurchase, -200m);
        Assert.True(await observe.HandleAsync(world.AccountId, BalanceMovement.Purchase, default));

        await using var db = world.Database.CreateDbContext();
        var messages = await db.Notifications.OrderBy(n => n.CreatedAtUtc).ToListAsync();
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Equal(Notification.KindLowBalance, m.Kind));
        Assert.Equal(2, await db.OutboundEmails.CountAsync());
        var first = await db.AlertOccurrences.OrderBy(o => o.BalanceUnits).LastAsync();
        Assert.Equal(Money.Yuan(90m).Units, first.BalanceUnits);
    }

    [Fact]
    public async Task A6_ConcurrentObserversOfOneBill_FireOnce()
    {
        await using var world = await AlertWorld.CreateAsync();
        await world.PostAsync(LedgerEntryKind.Recharge, 50m);
        await EnableAsync(world, 100m);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            world.ObserveLowBalance().HandleAsync(world.AccountId, BalanceMovement.Bill, default))));

        Assert.Equal(1, results.Count(r => r));
        await using var db = world.Database.CreateDbContext();
        Assert.Equal(1, await db.Notifications.CountAsync());
    }

    [Fact]
    public async Task A6_ZeroAmountWhenEnabled_IsInvalid()
    {
        await using var world = await AlertWorld.CreateAsync();

        var saved = await new LowBalanceSettingsHandler(world.Database, world.Clock)
            .SaveAsync(world.AccountId, true, Money.Zero, default);

        Assert.False(saved.IsOk);
    }
}
