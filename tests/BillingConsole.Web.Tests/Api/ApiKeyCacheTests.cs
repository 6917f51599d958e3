using BillingConsole.Domain.Accounts;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Api;
using BillingConsole.Web.Features.Accounts;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BillingConsole.Web.Tests.Api;

public sealed class ApiKeyCacheTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 3, 4, 5, DateTimeKind.Utc);

    private readonly AccountStateVersion version = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(Now));

    private ApiKeyCache Cache(string provider = DatabaseOptions.Sqlite, TimeSpan? maxAge = null) => new(version, clock,
        Options.Create(new ApiKeyCacheOptions { MaxAge = maxAge ?? TimeSpan.FromSeconds(5) }),
        new DatabaseOptions(provider, "", ""), Options.Create(new BillingOptions { ArrearsGracePeriod = TimeSpan.FromHours(24) }));

    private static ApiKeyGrant Grant(AccountStatus status = AccountStatus.Active, DateTime? arrearsSince = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), "hash", status, arrearsSince);

    [Fact]
    public void Find_AfterStore_ServesTheEntry()
    {
        var cache = Cache();
        var grant = Grant();

        cache.Store("hash", grant, cache.Snapshot());

        Assert.Same(grant, cache.Find("hash"));
    }

    [Fact]
    public void Find_AfterACommittedChange_Misses()
    {
        var cache = Cache();
        cache.Store("hash", Grant(), cache.Snapshot());

        version.Advance();

        Assert.Null(cache.Find("hash"));
    }

    [Fact]
    public void Store_ReadStartedBeforeAChangeCommitted_IsNeverServed()
    {
        var cache = Cache();
        var before = cache.Snapshot();
        version.Advance();

        cache.Store("hash", Grant(), before);

        Assert.Null(cache.Find("hash"));
    }

    [Fact]
    public void Find_AfterMaxAge_Misses()
    {
        var cache = Cache();
        cache.Store("hash", Grant(), cache.Snapshot());

        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Null(cache.Find("hash"));
    }

    [Fact]
    public void Find_InArrears_EndsAtTheEndOfTheGracePeriod()
    {
        var cache = Cache(maxAge: TimeSpan.FromHours(1));
        cache.Store("hash", Grant(AccountStatus.Arrears, Now - TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1)), cache.Snapshot());

        var justBefore = cache.Find("hash");
        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.NotNull(justBefore);
        Assert.Null(cache.Find("hash"));
    }

    [Fact]
    public void Cache_OnPostgres_IsOff()
    {
        var cache = Cache(DatabaseOptions.Postgres);

        cache.Store("hash", Grant(), cache.Snapshot());

        Assert.False(cache.Enabled);
        Assert.Null(cache.Find("hash"));
    }
}
