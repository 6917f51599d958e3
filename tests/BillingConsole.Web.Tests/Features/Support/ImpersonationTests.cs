using BillingConsole.Domain.Common;
using BillingConsole.Infrastructure.Audit;
using BillingConsole.Web.Features.Support;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Tests.Features.Support;

public sealed class ImpersonationTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(null)]
    [InlineData("abc")]
    [InlineData("    why ")]
    public async Task I3_Start_WithoutAReasonOf5To500Chars_IsInvalidAndWritesNothing(string? reason)
    {
        await using var s = await SupportScenario.CreateAsync();
        using var _ = ActorContext.Use(s.SupportActor());

        var result = await s.Start.HandleAsync(new StartImpersonationCommand(s.Support.Id, s.AccountId, reason), Ct);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Contains("reason", result.FieldErrors.Keys);
        await using var db = s.Db.CreateDbContext();
        Assert.Empty(await db.ImpersonationSessions.ToListAsync(Ct));
        Assert.Empty(await db.AuditEvents.ToListAsync(Ct));
    }

    [Fact]
    public async Task I3_Start_TooLongReason_IsInvalid()
    {
        await using var s = await SupportScenario.CreateAsync();

        var result = await s.Start.HandleAsync(new StartImpersonationCommand(s.Support.Id, s.AccountId, new string('x', 501)), Ct);

        Assert.Equal(ResultStatus.Invalid, result.Status);
    }

    [Fact]
    public async Task I3_Start_ByAnOwner_IsForbidden()
    {
        await using var s = await SupportScenario.CreateAsync();

        var result = await s.Start.HandleAsync(new StartImpersonationCommand(s.Owner.Id, s.AccountId, "just looking"), Ct);

        Assert.Equal(ResultStatus.Forbidden, result.Status);
    }

    [Fact]
    public async Task I3_Start_OnAStaffUsersAccount_IsForbidden()
    {
        await using var s = await SupportScenario.CreateAsync();
        await using (var db = s.Db.CreateDbContext())
        {
            // A staff user who also holds an account: still staff, so never impersonated.
            var support = await db.Users.SingleAsync(u => u.Id == s.Support.Id, Ct);
            var owner = await db.Users.SingleAsync(u => u.Id == s.Owner.Id, Ct);
            var supportRole = await db.Roles.SingleAsync(r => r.Name == "Support", Ct);
            db.UserRoles.Add(new() { UserId = owner.Id, RoleId = supportRole.Id });
            await db.SaveChangesAsync(Ct);
        }

        var result = await s.Start.HandleAsync(new StartImpersonationCommand(s.Support.Id, s.AccountId, "Customer ticket #42"), Ct);

        Assert.Equal(ResultStatus.Forbidden, result.Status);
        Assert.Contains("staff", result.Error);
    }

    [Fact]
    public async Task I3_Start_UnknownAccount_IsNotFound()
    {
        await using var s = await SupportScenario.CreateAsync();

        var result = await s.Start.HandleAsync(new StartImpersonationCommand(s.Support.Id, Guid.NewGuid(), "Customer ticket #42"), Ct);

        Assert.Equal(ResultStatus.NotFound, result.Status);
    }

    [Fact]
    public async Task I3_Session_EndsByItselfAfter30Minutes()
    {
        await using var s = await SupportScenario.CreateAsync();
        await s.ImpersonateAsync();

        s.Clock.Advance(TimeSpan.FromMinutes(30) - TimeSpan.FromSeconds(1));
        var justBefore = await s.Lookup.GetActiveAsync(s.Support.Id, Ct);
        s.Clock.Advance(TimeSpan.FromSeconds(1));
        var atExpiry = await s.Lookup.GetActiveAsync(s.Support.Id, Ct);

        Assert.Equal(s.AccountId, justBefore?.AccountId);
        Assert.Null(atExpiry);
    }

    [Fact]
    public async Task I3_StartAndEnd_AreAuditedUnderTheSupportUsersOwnIdentity()
    {
        await using var s = await SupportScenario.CreateAsync();
        var sessionId = await s.ImpersonateAsync();

        using (ActorContext.Use(s.SupportActor(s.AccountId)))
        {
            await s.Audit.WriteAsync("page.view", "bills", ct: Ct);
            var ended = await s.End.HandleAsync(new EndImpersonationCommand(s.Support.Id), Ct);
            Assert.True(ended.Value);
        }

        Assert.Null(await s.Lookup.GetActiveAsync(s.Support.Id, Ct));
        await using var db = s.Db.CreateDbContext();
        var events = await db.AuditEvents.OrderBy(e => e.Id).ToListAsync(Ct);
        Assert.Equal(["impersonation.start", "page.view", "impersonation.end"], events.Select(e => e.Action));
        Assert.All(events, e => Assert.Equal("support@example.com", e.ActorEmail));
        Assert.All(events, e => Assert.Equal(s.AccountId, e.ActingForAccountId));
        Assert.Contains("Customer ticket #42", events[0].Details);
        Assert.NotNull((await db.ImpersonationSessions.SingleAsync(x => x.Id == sessionId, Ct)).EndedAtUtc);
    }

    [Fact]
    public async Task I3_StartingAgain_EndsTheStaffUsersPreviousSession()
    {
        await using var s = await SupportScenario.CreateAsync();
        var first = await s.ImpersonateAsync();

        var second = await s.ImpersonateAsync();

        Assert.Equal(second, (await s.Lookup.GetActiveAsync(s.Support.Id, Ct))?.Id);
        await using var db = s.Db.CreateDbContext();
        Assert.NotNull((await db.ImpersonationSessions.SingleAsync(x => x.Id == first, Ct)).EndedAtUtc);
    }
}
