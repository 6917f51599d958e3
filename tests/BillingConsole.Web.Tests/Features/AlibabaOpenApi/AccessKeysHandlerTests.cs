using BillingConsole.Web.Features.AlibabaOpenApi;
using BillingConsole.Web.Features.Support;
using BillingConsole.Web.Tests.Features.Metering;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Tests.Features.AlibabaOpenApi;

/// <summary>Issue #18: AccessKey pairs are stored encrypted with Data Protection, audited, and scoped to their account.</summary>
public sealed class AccessKeysHandlerTests
{
    private static (AccessKeysHandler Keys, AccessKeySecrets Secrets) Handler(MeteringTestBed bed)
    {
        var secrets = new AccessKeySecrets(new EphemeralDataProtectionProvider());
        return (new AccessKeysHandler(bed.Database, bed.Clock, secrets, new AuditLog(bed.Database, bed.Clock)), secrets);
    }

    [Fact]
    public async Task Create_StoresTheSecretEncryptedAndRecoverable_AndAudits()
    {
        await using var bed = await MeteringTestBed.CreateAsync();
        var (keys, secrets) = Handler(bed);

        var created = (await keys.CreateAsync(new CreateAccessKeyCommand(bed.AccountId, "  Dashboards ", "user-1"), default)).Value!;

        await using var db = bed.Database.CreateDbContext();
        var row = await db.AccessKeys.SingleAsync();
        Assert.Matches("^BCAK[A-Za-z0-9]{20}$", created.AccessKeyId);
        Assert.Matches("^[A-Za-z0-9]{30}$", created.AccessKeySecret);
        Assert.Equal("Dashboards", row.Name);
        Assert.DoesNotContain(created.AccessKeySecret, row.ProtectedSecret);
        Assert.Equal(created.AccessKeySecret, secrets.Unprotect(row.ProtectedSecret));
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == "access-key.create");
        Assert.Equal(bed.AccountId, audit.ActingForAccountId);
        Assert.DoesNotContain(created.AccessKeySecret, audit.Subject + audit.Details);
    }

    [Fact]
    public async Task DisableAndDelete_AreAudited_AndAnotherAccountsKeyIsNotFound()
    {
        await using var bed = await MeteringTestBed.CreateAsync();
        var (keys, _) = Handler(bed);
        var created = (await keys.CreateAsync(new CreateAccessKeyCommand(bed.AccountId, null, null), default)).Value!;

        var foreign = await keys.DisableAsync(Guid.NewGuid(), created.AccessKeyId, default);
        var disabled = await keys.DisableAsync(bed.AccountId, created.AccessKeyId, default);
        var deleted = await keys.DeleteAsync(bed.AccountId, created.AccessKeyId, default);

        Assert.Equal(BillingConsole.Domain.Common.ResultStatus.NotFound, foreign.Status);
        Assert.NotNull(disabled.Value!.DisabledAtUtc);
        Assert.True(deleted.IsOk);
        await using var db = bed.Database.CreateDbContext();
        Assert.Empty(await db.AccessKeys.ToListAsync());
        Assert.Equal(["access-key.create", "access-key.delete", "access-key.disable"],
            (await db.AuditEvents.Where(e => e.Action.StartsWith("access-key")).Select(e => e.Action).ToListAsync()).Order());
    }

    [Fact]
    public async Task Create_NameTooLong_IsInvalid_AndAtMostFivePerAccount()
    {
        await using var bed = await MeteringTestBed.CreateAsync();
        var (keys, _) = Handler(bed);

        var tooLong = await keys.CreateAsync(new CreateAccessKeyCommand(bed.AccountId, new string('n', 101), null), default);
        for (var i = 0; i < AccessKeysHandler.MaxKeysPerAccount; i++)
        {
            Assert.True((await keys.CreateAsync(new CreateAccessKeyCommand(bed.AccountId, $"k{i}", null), default)).IsOk);
        }
        var sixth = await keys.CreateAsync(new CreateAccessKeyCommand(bed.AccountId, "k6", null), default);

        Assert.Equal(BillingConsole.Domain.Common.ResultStatus.Invalid, tooLong.Status);
        Assert.Equal(BillingConsole.Domain.Common.ResultStatus.Conflict, sixth.Status);
    }
}
