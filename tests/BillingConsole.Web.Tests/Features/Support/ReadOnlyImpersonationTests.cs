using BillingConsole.Domain.Accounts;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.Ledger;
using BillingConsole.Domain.ResourcePacks;
using BillingConsole.Infrastructure.Audit;
using BillingConsole.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Tests.Features.Support;

/// <summary>SPEC I3 "read-only", enforced on the server for every write path, not by hiding buttons.</summary>
public sealed class ReadOnlyImpersonationTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task I3_CreateApiKey_WhileImpersonating_IsRefusedWithAClearMessageAndWritesNothing()
    {
        await using var s = await SupportScenario.CreateAsync();
        var keys = new ApiKeysHandler(s.Db, s.Clock);
        using var _ = ActorContext.Use(s.SupportActor(s.AccountId));

        var result = await keys.CreateAsync(new CreateApiKeyCommand(s.AccountId, "sneaky", s.Support.Id), Ct);

        Assert.Equal(ResultStatus.Forbidden, result.Status);
        Assert.StartsWith("Support is viewing this account read-only: creating an API key refused", result.Error);
        await using var db = s.Db.CreateDbContext();
        Assert.Empty(await db.ApiKeys.ToListAsync(Ct));
    }

    [Fact]
    public async Task I3_RevokeApiKey_WhileImpersonating_IsRefused()
    {
        await using var s = await SupportScenario.CreateAsync();
        var keys = new ApiKeysHandler(s.Db, s.Clock);
        var created = await keys.CreateAsync(new CreateApiKeyCommand(s.AccountId, "k", s.Owner.Id), Ct);
        using var _ = ActorContext.Use(s.SupportActor(s.AccountId));

        var result = await keys.RevokeAsync(s.AccountId, created.Value!.KeyId, Ct);

        Assert.Equal(ResultStatus.Forbidden, result.Status);
        await using var db = s.Db.CreateDbContext();
        Assert.Null((await db.ApiKeys.SingleAsync(Ct)).RevokedAtUtc);
    }

    [Theory]
    [InlineData(LedgerEntryKind.Recharge, 100)]
    [InlineData(LedgerEntryKind.PackPurchase, -10)]
    [InlineData(LedgerEntryKind.Withdrawal, -5)]
    [InlineData(LedgerEntryKind.Adjustment, 1)]
    public async Task I3_AnyMoneyMovement_WhileImpersonating_IsRefusedByTheInterceptor(LedgerEntryKind kind, int yuan)
    {
        await using var s = await SupportScenario.CreateAsync();
        await FundAsync(s, 50m);
        using var _ = ActorContext.Use(s.SupportActor(s.AccountId));
        await using var db = s.Db.CreateDbContext();
        await db.PostAsync(new PostLedgerEntryCommand(s.AccountId, kind, Money.Yuan(yuan), "r", "key-" + kind),
            s.Clock.GetUtcNow().UtcDateTime, Ct);

        var refused = await Assert.ThrowsAsync<ReadOnlyImpersonationException>(() => db.SaveChangesAsync(Ct));

        Assert.Contains("read-only", refused.Message);
        await using var check = s.Db.CreateDbContext();
        Assert.Equal(Money.Yuan(50m), (await check.Accounts.SingleAsync(Ct)).Balance);
        Assert.Single(await check.LedgerEntries.ToListAsync(Ct));
    }

    [Fact]
    public async Task I3_OtherEntityWrites_WhileImpersonating_AreRefused()
    {
        await using var s = await SupportScenario.CreateAsync();
        using var _ = ActorContext.Use(s.SupportActor(s.AccountId));
        await using var db = s.Db.CreateDbContext();
        (await db.Accounts.SingleAsync(Ct)).Rename("Hijacked");

        await Assert.ThrowsAsync<ReadOnlyImpersonationException>(() => db.SaveChangesAsync(Ct));
        db.ChangeTracker.Clear();
        db.Accounts.Remove(await db.Accounts.SingleAsync(Ct));
        await Assert.ThrowsAsync<ReadOnlyImpersonationException>(() => db.SaveChangesAsync(Ct));
    }

    [Fact]
    public async Task I3_AuditInserts_WhileImpersonating_AreAllowed()
    {
        await using var s = await SupportScenario.CreateAsync();
        using var _ = ActorContext.Use(s.SupportActor(s.AccountId));

        await s.Audit.WriteAsync("page.view", "overview", ct: Ct);

        await using var db = s.Db.CreateDbContext();
        Assert.Single(await db.AuditEvents.ToListAsync(Ct));
    }

    [Fact]
    public async Task I3_ExpiredButNotYetEndedSession_StillRefusesWrites_FailClosed()
    {
        await using var s = await SupportScenario.CreateAsync();
        var actor = s.SupportActor(s.AccountId);
        s.Clock.Advance(TimeSpan.FromHours(1));
        using var _ = ActorContext.Use(actor);
        await using var db = s.Db.CreateDbContext();
        (await db.Accounts.SingleAsync(Ct)).Rename("Late");

        await Assert.ThrowsAsync<ReadOnlyImpersonationException>(() => db.SaveChangesAsync(Ct));
    }

    [Fact]
    public async Task I4_EveryLedgerEntry_IsAudited_WithItsActor()
    {
        await using var s = await SupportScenario.CreateAsync();
        using (ActorContext.Use(new BillingActor("admin-1", "admin@example.com", null, null, null, "10.0.0.1", "ua")))
        {
            await FundAsync(s, 12.34m);
        }

        await using var db = s.Db.CreateDbContext();
        var audit = await db.AuditEvents.SingleAsync(Ct);
        Assert.Equal("ledger.adjustment", audit.Action);
        Assert.Equal("admin@example.com", audit.ActorEmail);
        Assert.Equal(s.AccountId, audit.ActingForAccountId);
        Assert.Contains("12.34", audit.Details);
        Assert.Equal("10.0.0.1", audit.IpAddress);
    }

    private static async Task FundAsync(SupportScenario s, decimal yuan)
    {
        await using var db = s.Db.CreateDbContext();
        var posted = await db.PostAsync(new PostLedgerEntryCommand(s.AccountId, LedgerEntryKind.Adjustment, Money.Yuan(yuan),
            "seed", "seed-" + Guid.NewGuid()), s.Clock.GetUtcNow().UtcDateTime, Ct);
        Assert.True(posted.IsOk);
        await db.SaveChangesAsync(Ct);
    }
}
