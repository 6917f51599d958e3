using BillingConsole.Domain.Common;
using BillingConsole.Domain.Ledger;
using BillingConsole.Domain.ResourcePacks;
using BillingConsole.Web.Features.ResourcePacks;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Tests.Features.ResourcePacks;

public sealed class PurchasePackHandlerTests
{
    [Fact]
    public async Task P3_Purchase_PaysFromBalanceWithOneLedgerEntryAndTakesEffectAtOnce()
    {
        await using var world = await PacksWorld.CreateAsync(balance: 1000m);

        var pack = await world.BuyAsync("FV_CALLS_1K");

        Assert.Equal(Money.Yuan(840m), await world.BalanceAsync());
        var entry = (await world.LedgerAsync()).Last();
        Assert.Equal(LedgerEntryKind.PackPurchase, entry.Kind);
        Assert.Equal($"pack-purchase:{pack.PackId}", entry.IdempotencyKey);
        Assert.Equal(Money.Yuan(-160m).Units, entry.AmountUnits);
        Assert.Equal(PacksWorld.Start.UtcDateTime, pack.EffectiveAtUtc);
        Assert.Equal((1000L, 1000L, PackStatus.Active), (pack.Total, pack.Remaining, pack.Status));
    }

    [Fact]
    public async Task P3_InsufficientBalance_RefusedWithClearMessageAndNothingStored()
    {
        await using var world = await PacksWorld.CreateAsync(balance: 100m);

        var result = await world.Purchase.HandleAsync(new PurchasePackCommand(world.AccountId, "FV_CALLS_1K"), default);

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.Contains("Insufficient balance", result.Error);
        Assert.Empty(await world.WithDbAsync(db => db.ResourcePacks.ToListAsync()));
        Assert.Equal(Money.Yuan(100m), await world.BalanceAsync());
    }

    [Fact]
    public async Task P3_AccountInArrears_RefusedEvenWhenTheAmountWouldBeCovered()
    {
        await using var world = await PacksWorld.CreateAsync(balance: 0m);
        await world.PostAsync(-5m, LedgerEntryKind.DailyBill, "bill-1");
        await world.PostAsync(4m, LedgerEntryKind.Adjustment, "adj-1");

        var result = await world.Purchase.HandleAsync(new PurchasePackCommand(world.AccountId, "FV_CALLS_1K"), default);

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.Contains("arrears", result.Error);
    }

    [Fact]
    public async Task P3_SuspendedAccount_Refused()
    {
        await using var world = await PacksWorld.CreateAsync(balance: 0m);
        await world.PostAsync(-5m, LedgerEntryKind.DailyBill, "bill-1");
        await world.WithDbAsync(async db =>
        {
            var account = await db.Accounts.SingleAsync();
            account.SuspendIfGraceExpired(PacksWorld.Start.UtcDateTime.AddDays(2), TimeSpan.FromDays(1));
            return await db.SaveChangesAsync();
        });

        var result = await world.Purchase.HandleAsync(new PurchasePackCommand(world.AccountId, "FV_CALLS_1K"), default);

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.Contains("suspended", result.Error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    [InlineData("NO_SUCH_SPEC")]
    [InlineData("FV_CALLS_OLD")]
    public async Task Purchase_MissingUnknownOrRetiredSpec_InvalidOnSpecIdField(string? specId)
    {
        await using var world = await PacksWorld.CreateAsync();

        var result = await world.Purchase.HandleAsync(new PurchasePackCommand(world.AccountId, specId), default);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.True(result.FieldErrors.ContainsKey("specId"));
        Assert.Equal(Money.Yuan(1000m), await world.BalanceAsync());
    }

    [Fact]
    public async Task P2_Trial_TakenOnceAndFree()
    {
        await using var world = await PacksWorld.CreateAsync();

        var first = await world.BuyAsync("FV_CALLS_TRIAL");
        var second = await world.Purchase.HandleAsync(new PurchasePackCommand(world.AccountId, "FV_CALLS_TRIAL"), default);

        Assert.Equal(PackOrigin.Trial, first.Origin);
        Assert.Equal(ResultStatus.Conflict, second.Status);
        Assert.Contains("already been taken", second.Error);
        Assert.Equal(Money.Yuan(1000m), await world.BalanceAsync());
        Assert.Single(await world.LedgerAsync());
    }

    [Fact]
    public async Task P2_TrialAfterABoughtPackOfTheType_Refused()
    {
        await using var world = await PacksWorld.CreateAsync();
        await world.BuyAsync("FV_CALLS_1K");

        var result = await world.Purchase.HandleAsync(new PurchasePackCommand(world.AccountId, "FV_CALLS_TRIAL"), default);

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.DoesNotContain("FV_CALLS", (await world.Catalog.HandleAsync(world.AccountId, default)).TrialEligibleTypes);
    }

    [Fact]
    public async Task P2_GrantDoesNotCountAsBought_TrialStillOffered()
    {
        await using var world = await PacksWorld.CreateAsync();
        var now = PacksWorld.Start.UtcDateTime;
        await world.Grant.HandleAsync(new GrantPackCommand(world.AccountId, "FV_CALLS_1K", now, now.AddDays(30), "outage", "staff-1"), default);

        Assert.Contains("FV_CALLS", (await world.Catalog.HandleAsync(world.AccountId, default)).TrialEligibleTypes);
        Assert.Equal(PackOrigin.Trial, (await world.BuyAsync("FV_CALLS_TRIAL")).Origin);
    }

    [Fact]
    public async Task P2_ConcurrentTrialRequests_OnlyOneTrialStored()
    {
        await using var world = await PacksWorld.CreateAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() =>
            world.Purchase.HandleAsync(new PurchasePackCommand(world.AccountId, "FV_CALLS_TRIAL"), default))));

        Assert.Single(results, r => r.IsOk);
        Assert.Single(await world.WithDbAsync(db => db.ResourcePacks.ToListAsync()));
    }
}
