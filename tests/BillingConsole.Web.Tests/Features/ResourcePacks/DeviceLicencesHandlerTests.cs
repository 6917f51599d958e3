using BillingConsole.Domain.Common;
using BillingConsole.Domain.Ledger;

namespace BillingConsole.Web.Tests.Features.ResourcePacks;

public sealed class DeviceLicencesHandlerTests
{
    [Fact]
    public async Task P13_BuyNDevicesForYYears_Charges399TimesNTimesYInOneEntry()
    {
        await using var world = await PacksWorld.CreateAsync(balance: 5000m);

        var result = await world.Licences.BuyAsync(world.AccountId, devices: 3, years: 2, default);

        Assert.True(result.IsOk, result.Error);
        Assert.Equal(3, result.Value!.Count);
        Assert.All(result.Value, l => Assert.Equal(new DateOnly(2028, 11, 26), l.ExpiryDay));
        Assert.Equal(Money.Yuan(5000m - 2394m), await world.BalanceAsync());
        Assert.Equal(LedgerEntryKind.LicencePurchase, (await world.LedgerAsync()).Last().Kind);
    }

    [Fact]
    public async Task P13_BuyWithoutBalanceOrWithBadCounts_RefusedAndNothingStored()
    {
        await using var world = await PacksWorld.CreateAsync(balance: 100m);

        var poor = await world.Licences.BuyAsync(world.AccountId, 1, 1, default);
        var zero = await world.Licences.BuyAsync(world.AccountId, 0, 1, default);

        Assert.Equal(ResultStatus.Conflict, poor.Status);
        Assert.Equal(ResultStatus.Invalid, zero.Status);
        Assert.True(zero.FieldErrors.ContainsKey("devices"));
        Assert.Empty((await world.Licences.ListAsync(world.AccountId, default)).Licences);
    }

    [Fact]
    public async Task P13_RegisterDevice_OncePerLicenceAndOncePerAccount()
    {
        await using var world = await PacksWorld.CreateAsync(balance: 5000m);
        var licences = (await world.Licences.BuyAsync(world.AccountId, 2, 1, default)).Value!;

        var ok = await world.Licences.RegisterDeviceAsync(world.AccountId, licences[0].LicenceId, "android-01", default);
        var again = await world.Licences.RegisterDeviceAsync(world.AccountId, licences[0].LicenceId, "android-02", default);
        var sameDevice = await world.Licences.RegisterDeviceAsync(world.AccountId, licences[1].LicenceId, "android-01", default);
        var badId = await world.Licences.RegisterDeviceAsync(world.AccountId, licences[1].LicenceId, "bad id!", default);

        Assert.True(ok.IsOk, ok.Error);
        Assert.Equal(ResultStatus.Conflict, again.Status);
        Assert.True(sameDevice.FieldErrors.ContainsKey("deviceId"));
        Assert.True(badId.FieldErrors.ContainsKey("deviceId"));
    }

    [Fact]
    public async Task P13_Renew_Extends365DaysPerYearAndCharges()
    {
        await using var world = await PacksWorld.CreateAsync(balance: 1000m);
        var licence = (await world.Licences.BuyAsync(world.AccountId, 1, 1, default)).Value!.Single();

        var renewed = await world.Licences.RenewAsync(world.AccountId, licence.LicenceId, 1, default);

        Assert.Equal(licence.ExpiresAtUtc.AddDays(365), renewed.Value!.ExpiresAtUtc);
        Assert.Equal(Money.Yuan(1000m - 798m), await world.BalanceAsync());
    }

    [Fact]
    public async Task P13_TwoFreeTestLicences_ThirdRefused()
    {
        await using var world = await PacksWorld.CreateAsync(balance: 0m);

        var first = await world.Licences.TakeTestLicenceAsync(world.AccountId, default);
        var second = await world.Licences.TakeTestLicenceAsync(world.AccountId, default);
        var third = await world.Licences.TakeTestLicenceAsync(world.AccountId, default);

        Assert.True(first.IsOk && second.IsOk);
        Assert.Equal(ResultStatus.Conflict, third.Status);
        Assert.Equal(PacksWorld.Start.UtcDateTime.AddDays(30), first.Value!.ExpiresAtUtc);
        Assert.Equal(0, (await world.Licences.ListAsync(world.AccountId, default)).TestLicencesLeft);
        Assert.Empty(await world.LedgerAsync());
    }

    [Fact]
    public async Task P13_ConcurrentTestLicenceRequests_NeverMoreThanTwo()
    {
        await using var world = await PacksWorld.CreateAsync(balance: 0m);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            Task.Run(() => world.Licences.TakeTestLicenceAsync(world.AccountId, default))));

        Assert.Equal(2, results.Count(r => r.IsOk));
        Assert.All(results.Where(r => !r.IsOk), r => Assert.Equal(ResultStatus.Conflict, r.Status));
        Assert.Equal(2, (await world.Licences.ListAsync(world.AccountId, default)).Licences.Count);
    }
}
