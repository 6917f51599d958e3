using BillingConsole.Domain.Common;
using BillingConsole.Domain.Ledger;
using BillingConsole.Domain.Metering;
using BillingConsole.Domain.ResourcePacks;
using BillingConsole.Web.Features.ResourcePacks;

namespace BillingConsole.Web.Tests.Features.ResourcePacks;

public sealed class PackChangeHandlerTests
{
    [Fact]
    public async Task P8_Upgrade_PaysTheDifferenceGrowsTotalAndKeepsExpiry()
    {
        await using var world = await PacksWorld.CreateAsync(balance: 2000m);
        var pack = await world.BuyAsync("FV_CALLS_1K");
        world.Clock.Advance(TimeSpan.FromDays(3));

        var quote = await world.Upgrade.QuoteAsync(new UpgradePackCommand(world.AccountId, pack.PackId, "FV_CALLS_10K"), default);
        var result = await world.Upgrade.HandleAsync(new UpgradePackCommand(world.AccountId, pack.PackId, "FV_CALLS_10K"), default);

        Assert.Equal(Money.Yuan(1340m), quote.Value);
        Assert.True(result.IsOk, result.Error);
        Assert.Equal(pack.PackId, result.Value!.PackId);
        Assert.Equal((10_000L, 10_000L), (result.Value.Total, result.Value.Remaining));
        Assert.Equal(pack.ExpiresAtUtc, result.Value.ExpiresAtUtc);
        Assert.Equal(Money.Yuan(2000m - 160m - 1340m), await world.BalanceAsync());
        Assert.Equal(LedgerEntryKind.PackPurchase, (await world.LedgerAsync()).Last().Kind);
    }

    [Fact]
    public async Task P8_UpgradeToSmallerSpec_InvalidAndNothingCharged()
    {
        await using var world = await PacksWorld.CreateAsync(balance: 2000m);
        var pack = await world.BuyAsync("FV_CALLS_10K");

        var result = await world.Upgrade.HandleAsync(new UpgradePackCommand(world.AccountId, pack.PackId, "FV_CALLS_1K"), default);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal(Money.Yuan(500m), await world.BalanceAsync());
    }

    [Fact]
    public async Task P8_AnotherAccountsPack_NotFound()
    {
        await using var world = await PacksWorld.CreateAsync(balance: 2000m);
        var pack = await world.BuyAsync("FV_CALLS_1K");

        var result = await world.Upgrade.HandleAsync(new UpgradePackCommand(Guid.NewGuid(), pack.PackId, "FV_CALLS_10K"), default);

        Assert.Equal(ResultStatus.NotFound, result.Status);
    }

    [Fact]
    public async Task P9_Renew_PaysAgainMovesExpiryOnePeriodAndAddsQuantity()
    {
        await using var world = await PacksWorld.CreateAsync(balance: 1000m);
        var pack = await world.BuyAsync("FV_CALLS_1K");

        var result = await world.Renew.HandleAsync(new RenewPackCommand(world.AccountId, pack.PackId), default);

        Assert.True(result.IsOk, result.Error);
        Assert.Equal(pack.ExpiresAtUtc.AddMonths(12), result.Value!.ExpiresAtUtc);
        Assert.Equal((2000L, 2000L), (result.Value.Total, result.Value.Remaining));
        Assert.Equal(Money.Yuan(680m), await world.BalanceAsync());
        var keys = (await world.LedgerAsync()).Select(e => e.IdempotencyKey).ToList();
        Assert.Equal(3, keys.Distinct().Count());
    }

    [Fact]
    public async Task P9_RenewWithoutBalance_RefusedAndPackUnchanged()
    {
        await using var world = await PacksWorld.CreateAsync(balance: 200m);
        var pack = await world.BuyAsync("FV_CALLS_1K");

        var result = await world.Renew.HandleAsync(new RenewPackCommand(world.AccountId, pack.PackId), default);

        Assert.Equal(ResultStatus.Conflict, result.Status);
        var after = (await world.Packs.HandleAsync(world.AccountId, default)).Single();
        Assert.Equal((pack.ExpiresAtUtc, 1000L), (after.ExpiresAtUtc, after.Total));
    }

    [Fact]
    public async Task P10_UnsubscribeUnusedWithinFiveDays_RefundsToBalance()
    {
        await using var world = await PacksWorld.CreateAsync(balance: 1000m);
        var pack = await world.BuyAsync("FV_CALLS_1K");
        world.Clock.Advance(TimeSpan.FromDays(4));

        var result = await world.Unsubscribe.HandleAsync(new UnsubscribePackCommand(world.AccountId, pack.PackId), default);

        Assert.True(result.IsOk, result.Error);
        Assert.Equal(PackStatus.Unsubscribed, result.Value!.Status);
        Assert.Equal(Money.Yuan(1000m), await world.BalanceAsync());
        var refund = (await world.LedgerAsync()).Last();
        Assert.Equal((LedgerEntryKind.Refund, $"pack-refund:{pack.PackId}"), (refund.Kind, refund.IdempotencyKey));
    }

    [Fact]
    public async Task P10_AfterFiveDays_Refused()
    {
        await using var world = await PacksWorld.CreateAsync(balance: 1000m);
        var pack = await world.BuyAsync("FV_CALLS_1K");
        world.Clock.Advance(TimeSpan.FromDays(5));

        var result = await world.Unsubscribe.HandleAsync(new UnsubscribePackCommand(world.AccountId, pack.PackId), default);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal(Money.Yuan(840m), await world.BalanceAsync());
    }

    [Fact]
    public async Task P10_UnsettledCoveredUsage_CountsAsUsedAndRefused()
    {
        await using var world = await PacksWorld.CreateAsync(balance: 1000m);
        var pack = await world.BuyAsync("FV_CALLS_1K");
        await world.WithDbAsync(db =>
        {
            var hour = PacksWorld.Start.UtcDateTime.AddHours(1);
            db.UsageHourlyRollups.Add(new UsageHourlyRollup
            {
                AccountId = world.AccountId, MeterCode = "FV", HourStartUtc = hour, UsageDay = world.Calendar.DayOf(hour),
                BillableQuantity = 3,
            });
            return db.SaveChangesAsync();
        });

        var quote = await world.Unsubscribe.QuoteAsync(new UnsubscribePackCommand(world.AccountId, pack.PackId), default);
        var result = await world.Unsubscribe.HandleAsync(new UnsubscribePackCommand(world.AccountId, pack.PackId), default);

        Assert.Equal(ResultStatus.Invalid, quote.Status);
        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Contains("unused", result.Error);
        Assert.Equal(PackStatus.Active, (await world.Packs.HandleAsync(world.AccountId, default)).Single().Status);
    }

    [Fact]
    public async Task P10_Trial_UnsubscribedWithoutRefundEntry()
    {
        await using var world = await PacksWorld.CreateAsync(balance: 10m);
        var pack = await world.BuyAsync("FV_CALLS_TRIAL");

        var result = await world.Unsubscribe.HandleAsync(new UnsubscribePackCommand(world.AccountId, pack.PackId), default);

        Assert.True(result.IsOk, result.Error);
        Assert.Single(await world.LedgerAsync());
    }

    [Fact]
    public async Task P10_UnsubscribeTwice_RefundsOnce()
    {
        await using var world = await PacksWorld.CreateAsync(balance: 1000m);
        var pack = await world.BuyAsync("FV_CALLS_1K");

        await world.Unsubscribe.HandleAsync(new UnsubscribePackCommand(world.AccountId, pack.PackId), default);
        var second = await world.Unsubscribe.HandleAsync(new UnsubscribePackCommand(world.AccountId, pack.PackId), default);

        Assert.Equal(ResultStatus.Conflict, second.Status);
        Assert.Equal(Money.Yuan(1000m), await world.BalanceAsync());
    }
}
