using BillingConsole.Domain.Common;
using BillingConsole.Domain.ResourcePacks;
using static BillingConsole.Domain.Tests.ResourcePacks.PackBuilder;

namespace BillingConsole.Domain.Tests.ResourcePacks;

public sealed class DeviceLicenceTests
{
    private static readonly Money SdkPrice = Money.Yuan(399m);
    private static readonly DateTime Now = Utc(2025, 3, 1, 2);

    [Fact]
    public void P13_Purchase_ThreeDevicesTwoYears_Costs399TimesNTimesY()
    {
        var purchase = DeviceLicencePurchase.Create(Guid.NewGuid(), 3, 2, SdkPrice, Now).Value!;

        Assert.Equal(Money.Yuan(2_394m), purchase.Price);
        Assert.Equal(3, purchase.Licences.Count);
        Assert.All(purchase.Licences, l => Assert.Equal((Now, Now.AddDays(730), false), (l.BeginsAtUtc, l.ExpiresAtUtc, l.IsTest)));
        Assert.Equal(purchase.Price.Units, purchase.Licences.Sum(l => l.PaidUnits));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    [InlineData(1001, 1)]
    [InlineData(1, 11)]
    public void P13_Purchase_OutOfRangeCounts_IsInvalid(int devices, int years)
    {
        Assert.Equal(ResultStatus.Invalid, DeviceLicencePurchase.Create(Guid.NewGuid(), devices, years, SdkPrice, Now).Status);
    }

    [Theory]
    [InlineData("a", true)]
    [InlineData("AB-12_cd:EF", true)]
    [InlineData("", false)]
    [InlineData("has space", false)]
    [InlineData("dev\n", false)]
    [InlineData("设备", false)]
    public void P13_RegisterDevice_ChecksTheIdFormat(string deviceId, bool ok)
    {
        var licence = DeviceLicence.CreateTest(Guid.NewGuid(), Now);

        Assert.Equal(ok, licence.RegisterDevice(deviceId, Now).IsOk);
    }

    [Fact]
    public void P13_RegisterDevice_SixtyFiveCharacters_IsInvalid()
    {
        Assert.True(DeviceIdFormat.IsValid(new string('x', 64)));
        Assert.False(DeviceIdFormat.IsValid(new string('x', 65)));
    }

    [Fact]
    public void P13_RegisterDevice_Twice_IsConflictAndKeepsTheFirst()
    {
        var licence = DeviceLicence.CreateTest(Guid.NewGuid(), Now);
        licence.RegisterDevice("device-1", Now);

        var second = licence.RegisterDevice("device-2", Now);

        Assert.Equal(ResultStatus.Conflict, second.Status);
        Assert.Equal("device-1", licence.DeviceId);
    }

    [Fact]
    public void P13_Renew_ExtendsBy365DaysPerYearAndReturnsPrice()
    {
        var licence = DeviceLicencePurchase.Create(Guid.NewGuid(), 1, 1, SdkPrice, Now).Value!.Licences[0];

        var price = licence.Renew(2, SdkPrice, Now.AddDays(100));

        Assert.Equal(Money.Yuan(798m), price.Value);
        Assert.Equal(Now.AddDays(365 * 3), licence.ExpiresAtUtc);
    }

    [Fact]
    public void P13_Renew_TestLicence_IsInvalid()
    {
        var licence = DeviceLicence.CreateTest(Guid.NewGuid(), Now);

        Assert.Equal(ResultStatus.Invalid, licence.Renew(1, SdkPrice, Now).Status);
    }

    [Fact]
    public void P13_TestLicences_TwoFreeThirtyDayLicencesThenConflict()
    {
        var account = Guid.NewGuid();
        var held = new List<DeviceLicence>();

        for (var i = 0; i < 2; i++) held.Add(TestLicenceEligibility.Take(account, held, Now).Value!);
        var third = TestLicenceEligibility.Take(account, held, Now);

        Assert.All(held, l => Assert.Equal((true, Now.AddDays(30)), (l.IsTest, l.ExpiresAtUtc)));
        Assert.Equal(ResultStatus.Conflict, third.Status);
    }
}
