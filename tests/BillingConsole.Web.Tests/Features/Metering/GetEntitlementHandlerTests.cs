using BillingConsole.Domain.Accounts;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.Ledger;
using BillingConsole.Web.Api;
using BillingConsole.Web.Features.Accounts;
using BillingConsole.Web.Features.Metering;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Tests.Features.Metering;

public sealed class GetEntitlementHandlerTests
{
    private static async Task PostAsync(MeteringTestBed bed, LedgerEntryKind kind, decimal amount, string key, DateTime now)
    {
        await using var db = bed.Database.CreateDbContext();
        var result = await db.PostAsync(new PostLedgerEntryCommand(bed.AccountId, kind, Money.Yuan(amount), "test", key), now, default);
        Assert.True(result.IsOk, result.Error);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Entitlement_FollowsArrearsSuspensionAndRestore_AtOnce()
    {
        await using var bed = await MeteringTestBed.CreateAsync();
        var now = MeteringTestBed.Now;

        var active = (await bed.Entitlement.HandleAsync(bed.AccountId, "RP", default)).Value!;
        await PostAsync(bed, LedgerEntryKind.DailyBill, -5m, "bill-1", now);
        var arrears = (await bed.Entitlement.HandleAsync(bed.AccountId, "RP", default)).Value!;
        await using (var db = bed.Database.CreateDbContext())
        {
            var account = await db.Accounts.SingleAsync(a => a.Id == bed.AccountId);
            Assert.True(account.SuspendIfGraceExpired(now.AddDays(2), TimeSpan.FromDays(1)));
            await db.SaveChangesAsync();
        }
        var suspended = (await bed.Entitlement.HandleAsync(bed.AccountId, "FV", default)).Value!;
        await PostAsync(bed, LedgerEntryKind.Recharge, 5m, "recharge-1", now.AddDays(2));
        var restored = (await bed.Entitlement.HandleAsync(bed.AccountId, "RP", default)).Value!;

        Assert.Equal(new Entitlement(true, AccountStatus.Active, null), active);
        Assert.Equal(new Entitlement(true, AccountStatus.Arrears, now.AddDays(1)), arrears);
        Assert.Equal(new Entitlement(false, AccountStatus.Suspended, null), suspended);
        Assert.Equal(new Entitlement(true, AccountStatus.Active, null), restored);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("NOPE")]
    [InlineData("OFFLINE_SDK")]
    public async Task Entitlement_MissingUnknownOrUnmeteredService_IsInvalid(string? service)
    {
        await using var bed = await MeteringTestBed.CreateAsync();

        var result = await bed.Entitlement.HandleAsync(bed.AccountId, service, default);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.True(result.FieldErrors.ContainsKey("service"));
    }

    [Fact]
    public async Task Entitlement_UsesTheStatusTheKeyLookupReadInThisRequest_OnlyForItsOwnAccount()
    {
        await using var bed = await MeteringTestBed.CreateAsync();
        var fromKey = new ApiAccountState(bed.AccountId, AccountStatus.Suspended, null);
        var otherAccount = new ApiAccountState(Guid.NewGuid(), AccountStatus.Suspended, null);

        var withKey = (await bed.Entitlement.HandleAsync(bed.AccountId, "RP", default, fromKey)).Value!;
        var mismatched = (await bed.Entitlement.HandleAsync(bed.AccountId, "RP", default, otherAccount)).Value!;

        Assert.Equal(new Entitlement(false, AccountStatus.Suspended, null), withKey);
        Assert.Equal(new Entitlement(true, AccountStatus.Active, null), mismatched);
    }
}
