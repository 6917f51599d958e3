using System.Collections.Concurrent;
using BillingConsole.Domain.Accounts;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.Accounts;
using Microsoft.Extensions.Options;

namespace BillingConsole.Web.Api;

/// <summary><c>Api:KeyCache:*</c>. The cache works only on SQLite (one node); on PostgreSQL every call reads the database.</summary>
public sealed class ApiKeyCacheOptions
{
    public bool Enabled { get; set; } = true;
    /// <summary>
    /// The longest an entry is trusted without a re-read, as a net for writes this process cannot see (another program
    /// writing the SQLite file). Changes made through the app are seen at once, whatever this says.
    /// </summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromSeconds(5);
    public int MaxEntries { get; set; } = 100_000;
}

/// <summary>What an API key lookup found: the key and its account's status, read in one query.</summary>
public sealed record ApiKeyGrant(Guid KeyId, Guid AccountId, string HashHex, AccountStatus Status, DateTime? ArrearsSinceUtc);

/// <summary>
/// Active API keys by hash, with their account's status (docs/metering.md "Key and status cache"). An entry is stamped
/// with the <see cref="AccountStateVersion"/> read before the database was, and is served only while that version is
/// current: any committed suspension, restore, arrears or key revocation in this process moves it, so the next call
/// reads the database. Entries also end at <see cref="ApiKeyCacheOptions.MaxAge"/> and, in arrears, at the end of the
/// grace period. Unknown and revoked keys are never cached. Off on PostgreSQL: another node's change would not move
/// this process's version.
/// </summary>
public sealed class ApiKeyCache
{
    private sealed record Entry(ApiKeyGrant Grant, long Version, DateTime ValidUntilUtc);

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly AccountStateVersion version;
    private readonly TimeProvider clock;
    private readonly ApiKeyCacheOptions options;
    private readonly TimeSpan grace;

    public ApiKeyCache(AccountStateVersion version, TimeProvider clock, IOptions<ApiKeyCacheOptions> options,
        DatabaseOptions database, IOptions<BillingOptions> billing)
    {
        this.version = version;
        this.clock = clock;
        this.options = options.Value;
        grace = billing.Value.ArrearsGracePeriod;
        Enabled = this.options.Enabled && database.IsSqlite && this.options.MaxAge > TimeSpan.Zero;
    }

    public bool Enabled { get; }

    public ApiKeyGrant? Find(string hash)
    {
        if (!Enabled || !entries.TryGetValue(hash, out var entry)) return null;
        if (entry.Version == version.Current && clock.GetUtcNow().UtcDateTime < entry.ValidUntilUtc) return entry.Grant;
        entries.TryRemove(KeyValuePair.Create(hash, entry));
        return null;
    }

    /// <summary>Take this before reading the database, and hand it to <see cref="Store"/> with what was read.</summary>
    public (long Version, DateTime NowUtc) Snapshot() => (version.Current, clock.GetUtcNow().UtcDateTime);

    public void Store(string hash, ApiKeyGrant grant, (long Version, DateTime NowUtc) before)
    {
        if (!Enabled || before.Version != version.Current) return;
        var until = before.NowUtc + options.MaxAge;
        if (grant is { Status: AccountStatus.Arrears, ArrearsSinceUtc: { } since } && since + grace < until) until = since + grace;
        if (entries.Count >= options.MaxEntries) entries.Clear();
        entries[hash] = new Entry(grant, before.Version, until);
    }
}
