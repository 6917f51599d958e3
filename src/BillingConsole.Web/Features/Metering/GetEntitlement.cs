using BillingConsole.Domain.Accounts;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.Pricing;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.Accounts;
using BillingConsole.Web.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BillingConsole.Web.Features.Metering;

public sealed record Entitlement(bool Allowed, AccountStatus Status, DateTime? GraceEndsAtUtc)
{
    /// <summary>
    /// The gate's answer for an account's status: served unless suspended; in arrears, until when (B7). The one rule
    /// for the endpoint and anything else that answers for it.
    /// </summary>
    public static Entitlement Of(AccountStatus status, DateTime? arrearsSinceUtc, TimeSpan arrearsGracePeriod) =>
        new(status != AccountStatus.Suspended, status,
            status == AccountStatus.Arrears && arrearsSinceUtc is { } since ? since + arrearsGracePeriod : null);

    /// <summary>A service the gate answers for: a metered meter of the catalog (case-sensitive code).</summary>
    public static bool IsGatedService(IReadOnlyDictionary<string, Meter> meters, string? service) =>
        !string.IsNullOrEmpty(service) && meters.TryGetValue(service, out var meter) && meter.Metered;
}

/// <summary>
/// The service gate: may the account be served for a service now? Over the API the status comes with the key lookup
/// of the same request (a join on PostgreSQL, the key cache on SQLite, which a suspension or a restoring recharge
/// empties before the next call: docs/metering.md); otherwise it is read by primary key with a compiled query.
/// </summary>
public sealed class GetEntitlementHandler(IDbContextFactory<BillingDbContext> dbFactory, MeterCatalog catalog,
    IOptions<BillingOptions> billing)
{
    private sealed record AccountState(AccountStatus Status, DateTime? ArrearsSinceUtc);

    private static readonly Func<BillingDbContext, Guid, Task<AccountState?>> FindState =
        EF.CompileAsyncQuery((BillingDbContext db, Guid id) => db.Accounts.AsNoTracking()
            .Where(a => a.Id == id).Select(a => new AccountState(a.Status, a.ArrearsSinceUtc)).FirstOrDefault());

    /// <param name="fromKey">The account's status as the API key lookup of this request read it: no second query.</param>
    public async Task<Result<Entitlement>> HandleAsync(Guid accountId, string? service, CancellationToken ct,
        ApiAccountState? fromKey = null)
    {
        if (string.IsNullOrEmpty(service)) return Result<Entitlement>.Invalid("service", "service is required, e.g. ?service=RP.");
        var meters = await catalog.GetAsync(ct);
        if (!Entitlement.IsGatedService(meters, service))
        {
            var known = string.Join(", ", meters.Values.Where(m => m.Metered).Select(m => m.Code).Order(StringComparer.Ordinal));
            return Result<Entitlement>.Invalid("service", $"Unknown service; use one of: {known}.");
        }
        var state = fromKey is not null && fromKey.AccountId == accountId
            ? new AccountState(fromKey.Status, fromKey.ArrearsSinceUtc)
            : await ReadStateAsync(accountId, ct);
        if (state is null) return Result<Entitlement>.NotFound("The account does not exist.");
        return Result<Entitlement>.Ok(Entitlement.Of(state.Status, state.ArrearsSinceUtc, billing.Value.ArrearsGracePeriod));
    }

    private async Task<AccountState?> ReadStateAsync(Guid accountId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await FindState(db, accountId);
    }
}
