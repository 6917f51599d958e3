using BillingConsole.Domain.Common;
using BillingConsole.Domain.ResourcePacks;
using static BillingConsole.Domain.Tests.ResourcePacks.PackBuilder;

namespace BillingConsole.Domain.Tests.ResourcePacks;

public sealed class TrialEligibilityTests
{
    private static readonly DateTime Now = Utc(2025, 3, 1);

    [Fact]
    public void P2_NoPacksOfThatType_IsEligible()
    {
        var account = Guid.NewGuid();

        Assert.True(TrialEligibility.Check(account, RpTrial, []).IsOk);
    }

    [Fact]
    public void P2_TrialAlreadyTakenEvenIfUnsubscribed_IsConflict()
    {
        var trial = Pack(RpTrial, Now, PackOrigin.Trial);
        trial.Unsubscribe(Now.AddDays(1), 0);

        Assert.Equal(ResultStatus.Conflict, TrialEligibility.Check(trial.AccountId, RpTrial, [trial]).Status);
    }

    [Fact]
    public void P2_PackOfThatTypeBought_IsConflict()
    {
        var bought = Pack(Rp1k, Now);

        Assert.Equal(ResultStatus.Conflict, TrialEligibility.Check(bought.AccountId, RpTrial, [bought]).Status);
    }

    [Fact]
    public void P2_OnlyStaffGrantsOrOtherTypesOrOtherAccounts_IsEligible()
    {
        var account = Guid.NewGuid();
        var grant = ResourcePack.Create(account, RpCalls, Rp1k, PackOrigin.Granted, Now, Calendar, Now, Now.AddDays(9), "goodwill").Value!;
        var otherAccount = Pack(Rp1k, Now);

        Assert.True(TrialEligibility.Check(account, RpTrial, [grant, otherAccount, Pack(Msg1k, Now)]).IsOk);
    }
}
