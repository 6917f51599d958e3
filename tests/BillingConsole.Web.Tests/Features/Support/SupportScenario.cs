using BillingConsole.Domain.Accounts;
using BillingConsole.Infrastructure.Audit;
using BillingConsole.Infrastructure.Identity;
using BillingConsole.Web.Features.Support;
using BillingConsole.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Time.Testing;

namespace BillingConsole.Web.Tests.Features.Support;

/// <summary>An owner's account, a support user and an admin on a real SQLite database, with a fake clock.</summary>
internal sealed class SupportScenario : IAsyncDisposable
{
    private SupportScenario(TestDatabase db) => Db = db;

    public TestDatabase Db { get; }
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero));
    public Guid AccountId { get; private set; }
    public ApplicationUser Owner { get; private set; } = default!;
    public ApplicationUser Support { get; private set; } = default!;
    public ImpersonationLookup Lookup => new(Db, Clock);
    public AuditLog Audit => new(Db, Clock);
    public StartImpersonationHandler Start => new(Db, Audit, Clock);
    public EndImpersonationHandler End => new(Db, Audit, Clock);

    public static async Task<SupportScenario> CreateAsync()
    {
        var s = new SupportScenario(await TestDatabase.CreateAsync());
        await using var db = s.Db.CreateDbContext();
        var roles = Roles.All.ToDictionary(r => r, r => new IdentityRole(r) { NormalizedName = r.ToUpperInvariant() });
        db.Roles.AddRange(roles.Values);
        var account = Account.Open("Customer Co", "BCTEST0001", s.Clock.GetUtcNow().UtcDateTime);
        db.Accounts.Add(account);
        s.AccountId = account.Id;
        s.Owner = User("owner@example.com", account.Id);
        s.Support = User("support@example.com", null);
        db.Users.AddRange(s.Owner, s.Support);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = s.Owner.Id, RoleId = roles[Roles.Owner].Id });
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = s.Support.Id, RoleId = roles[Roles.Support].Id });
        await db.SaveChangesAsync();
        return s;
    }

    public BillingActor SupportActor(Guid? impersonating = null) =>
        new(Support.Id, Support.Email!, null, impersonating is null ? null : Guid.NewGuid(), impersonating, "127.0.0.1", "test");

    /// <summary>Starts an impersonation of the owner's account by the support user, as the banner flow does.</summary>
    public async Task<Guid> ImpersonateAsync()
    {
        using var _ = ActorContext.Use(SupportActor());
        var started = await Start.HandleAsync(new StartImpersonationCommand(Support.Id, AccountId, "Customer ticket #42"), default);
        Assert.True(started.IsOk, started.Error);
        return started.Value!.Id;
    }

    private static ApplicationUser User(string email, Guid? accountId) => new()
    {
        UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
        NormalizedEmail = email.ToUpperInvariant(), AccountId = accountId, SecurityStamp = Guid.NewGuid().ToString(),
    };

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
