using BillingConsole.Domain.ResourcePacks;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Tests.Features.ResourcePacks;

public sealed class PackLifecycleJobTests
{
    /// <summary>2026-12-01 00:00 in Shanghai.</summary>
    private static readonly DateTimeOffset DecemberShanghai = new(2026, 11, 30, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task P11_PackPastExpiry_ExpiredOnceRemainingKeptAsLapsed()
    {
        await using var world = await PacksWorld.CreateAsync();
        var pack = await world.BuyAsync("FV_CALLS_1K");
        world.Clock.SetUtcNow(new DateTimeOffset(pack.ExpiresAtUtc, TimeSpan.Zero));

        var first = await world.Lifecycle.RunAsync(default);
        var second = await world.Lifecycle.RunAsync(default);

        Assert.Equal("1 expired, 0 reset", first);
        Assert.Equal("0 expired, 0 reset", second);
        var stored = await world.WithDbAsync(db => db.ResourcePacks.SingleAsync());
        Assert.Equal((PackStatus.Expired, 1000L), (stored.Status, stored.Remaining));
    }

    [Fact]
    public async Task P11_BeforeExpiry_NothingChanges()
    {
        await using var world = await PacksWorld.CreateAsync();
        var pack = await world.BuyAsync("FV_CALLS_1K");
        world.Clock.SetUtcNow(new DateTimeOffset(pack.ExpiresAtUtc.AddTicks(-1), TimeSpan.Zero));

        Assert.Equal("0 expired, 0 reset", await world.Lifecycle.RunAsync(default));
    }

    [Fact]
    public async Task P6_MonthlyPack_ResetsAtTheNaturalMonthInTheBillingZoneOnce()
    {
        await using var world = await PacksWorld.CreateAsync();
        var pack = await world.BuyAsync("IOT_MESSAGING_1M");
        await DeductAsync(world, pack.PackId, 400_000);

        world.Clock.SetUtcNow(DecemberShanghai.AddTicks(-1));
        var beforeMonthEnd = await world.Lifecycle.RunAsync(default);
        world.Clock.SetUtcNow(DecemberShanghai);
        var atMonthStart = await world.Lifecycle.RunAsync(default);
        var again = await world.Lifecycle.RunAsync(default);

        Assert.Equal("0 expired, 0 reset", beforeMonthEnd);
        Assert.Equal("0 expired, 1 reset", atMonthStart);
        Assert.Equal("0 expired, 0 reset", again);
        var stored = await world.WithDbAsync(db => db.ResourcePacks.SingleAsync());
        Assert.Equal((1_000_000L, DecemberShanghai.UtcDateTime), (stored.Remaining, stored.PeriodStartUtc!.Value));
        Assert.Equal(400_000L, stored.ConsumedTotal);
    }

    [Fact]
    public async Task P6_OverviewShowsTheNewMonthsAllowanceBeforeTheJobRuns()
    {
        await using var world = await PacksWorld.CreateAsync();
        var pack = await world.BuyAsync("IOT_MESSAGING_1M");
        await DeductAsync(world, pack.PackId, 400_000);

        var november = (await world.Packs.HandleAsync(world.AccountId, default)).Single();
        world.Clock.SetUtcNow(DecemberShanghai);
        var december = (await world.Packs.HandleAsync(world.AccountId, default)).Single();

        Assert.Equal(600_000L, november.Remaining);
        Assert.Equal(1_000_000L, december.Remaining);
    }

    private static Task<int> DeductAsync(PacksWorld world, Guid packId, long quantity) => world.WithDbAsync(async db =>
    {
        var stored = await db.ResourcePacks.SingleAsync(p => p.Id == packId);
        Assert.True(stored.Deduct(quantity, world.Clock.GetUtcNow().UtcDateTime, world.Calendar).IsOk);
        return await db.SaveChangesAsync();
    });
}
