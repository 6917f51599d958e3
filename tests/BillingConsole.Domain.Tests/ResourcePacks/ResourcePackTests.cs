using BillingConsole.Domain.Common;
using BillingConsole.Domain.Pricing;
using BillingConsole.Domain.ResourcePacks;
using static BillingConsole.Domain.Tests.ResourcePacks.PackBuilder;

namespace BillingConsole.Domain.Tests.ResourcePacks;

public sealed class ResourcePackTests
{
    private static readonly DateTime Bought = Utc(2025, 1, 31, 7);

    [Fact]
    public void P1_Create_Purchase_IsActiveFullAndValidTwelveLocalMonths()
    {
        var pack = Pack(Rp1k, Bought);

        Assert.Equal((1_000L, 1_000L, PackStatus.Active, PackOrigin.Purchased), (pack.Total, pack.Remaining, pack.Status, pack.Origin));
        Assert.Equal((Bought, Bought), (pack.EffectiveAtUtc, pack.PurchasedAtUtc));
        Assert.Equal(Utc(2026, 1, 31, 7), pack.ExpiresAtUtc);
        Assert.Equal(Money.Yuan(200m).Units, pack.PaidUnits);
        Assert.NotEqual(Guid.Empty, pack.Version);
    }

    [Fact]
    public void P1_Create_GrantWithoutReason_IsInvalid()
    {
        var result = ResourcePack.Create(Guid.NewGuid(), RpCalls, Rp1k, PackOrigin.Granted, Bought, Calendar,
            Bought, Bought.AddDays(30), grantReason: " ");

        Assert.Equal(ResultStatus.Invalid, result.Status);
    }

    [Fact]
    public void P1_Create_Grant_UsesChosenTimesAndPaysNothing()
    {
        var result = ResourcePack.Create(Guid.NewGuid(), RpCalls, Rp1k, PackOrigin.Granted, Bought, Calendar,
            Bought.AddDays(1), Bought.AddDays(30), "Outage compensation");

        var pack = Assert.IsType<ResourcePack>(result.Value);
        Assert.Equal((Bought.AddDays(1), Bought.AddDays(30), 0L), (pack.EffectiveAtUtc, pack.ExpiresAtUtc, pack.PaidUnits));
        Assert.Equal("Outage compensation", pack.GrantReason);
    }

    [Fact]
    public void P1_Deduct_ToZero_BecomesExhaustedAndChangesVersion()
    {
        var pack = Pack(Rp1k, Bought);
        var version = pack.Version;

        var result = pack.Deduct(1_000, Bought.AddHours(1), Calendar);

        Assert.Equal(0, result.Value);
        Assert.Equal(PackStatus.Exhausted, pack.Status);
        Assert.NotEqual(version, pack.Version);
    }

    [Fact]
    public void P1_Deduct_MoreThanRemaining_IsConflictAndChangesNothing()
    {
        var pack = Pack(Rp1k, Bought);

        var result = pack.Deduct(1_001, Bought.AddHours(1), Calendar);

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.Equal(1_000, pack.Remaining);
    }

    [Fact]
    public void P4_Deduct_UsageBeforePurchase_IsInvalid()
    {
        var pack = Pack(Rp1k, Bought);

        Assert.Equal(ResultStatus.Invalid, pack.Deduct(1, Bought.AddSeconds(-1), Calendar).Status);
    }

    [Fact]
    public void P8_Upgrade_LargerSpec_GrowsByDifferenceKeepsExpiryAndReturnsPriceDifference()
    {
        var pack = Pack(Rp1k, Bought);
        pack.Deduct(1_000, Bought.AddHours(1), Calendar);
        var (id, expiry) = (pack.Id, pack.ExpiresAtUtc);

        var price = pack.Upgrade(Rp10k, Bought.AddDays(3));

        Assert.Equal(Money.Yuan(1_600m), price.Value);
        Assert.Equal((id, expiry, "RP_10K"), (pack.Id, pack.ExpiresAtUtc, pack.SpecId));
        Assert.Equal((10_000L, 9_000L, PackStatus.Active), (pack.Total, pack.Remaining, pack.Status));
    }

    [Theory]
    [InlineData("same")]
    [InlineData("smaller")]
    [InlineData("other type")]
    [InlineData("expired")]
    public void P8_Upgrade_NotAllowed_IsRefusedAndChangesNothing(string why)
    {
        var pack = Pack(Rp1k, Bought);
        var (spec, at) = why switch
        {
            "same" => (Rp1k, Bought),
            "smaller" => (RpTrial, Bought),
            "other type" => (Msg5k, Bought),
            _ => (Rp10k, pack.ExpiresAtUtc),
        };

        var result = pack.Upgrade(spec, at);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal((1_000L, "RP_1K"), (pack.Total, pack.SpecId));
    }

    [Fact]
    public void P9_Renew_NonCyclic_MovesExpiryOnePeriodAndAddsQuantity()
    {
        var pack = Pack(Rp1k, Bought);

        var price = pack.Renew(Rp1k, Bought.AddDays(100), Calendar);

        Assert.Equal(Money.Yuan(200m), price.Value);
        Assert.Equal(Utc(2027, 1, 31, 7), pack.ExpiresAtUtc);
        Assert.Equal((2_000L, 2_000L), (pack.Total, pack.Remaining));
        Assert.Equal(Money.Yuan(400m).Units, pack.PaidUnits);
    }

    [Fact]
    public void P9_Renew_MonthlyPack_MovesExpiryOnly()
    {
        var pack = Pack(Msg1k, Bought);

        pack.Renew(Msg1k, Bought.AddDays(10), Calendar);

        Assert.Equal((1_000L, 1_000L), (pack.Total, pack.Remaining));
        Assert.Equal(Utc(2026, 1, 31, 7), pack.ExpiresAtUtc);
    }

    [Fact]
    public void P9_Renew_TrialPack_IsRefused()
    {
        var pack = Pack(RpTrial, Bought, PackOrigin.Trial);

        Assert.Equal(ResultStatus.Invalid, pack.Renew(RpTrial, Bought, Calendar).Status);
    }
}
