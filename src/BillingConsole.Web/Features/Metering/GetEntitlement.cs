using BillingConsole.Domain.Accounts;
using BillingConsole.Domain.Common;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.Accounts;
using BillingConsole.Web.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BillingConsole.Web.Features.Metering;

public sealed record Entitlement(bool Allowed, AccountStatus Status, DateTime? GraceEndsAtUtc);

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
        if (!meters.TryGetValue(service, out var meter) || !meter.Metered)
        {
            var known = string.Join(", ", meters.Values.Where(m => m.Metered).Select(m => m.Code).Order(StringComparer.Ordinal));
            return Result<Entitlement>.Invalid("service", $"Unknown service; use one of: {known}.");
        }
        var state = fromKey is not null && fromKey.AccountId == accountId
            ? new AccountState(fromKey.Status, fromKey.ArrearsSinceUtc)
            : await ReadStateAsync(accountId, ct);
        if (state is null) return Result<Entitlement>.NotFound("The account does not exist.");
        DateTime? graceEnds = state is { Status: AccountStatus.Arrears, ArrearsSinceUtc: { } since }
            ? since + billing.Value.ArrearsGracePeriod
            : null;
        return Result<Entitlement>.Ok(new Entitlement(state.Status != AccountStatus.Suspended, state.Status, graceEnds));
    }

    private async Task<AccountState?> ReadStateAsync(Guid accountId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await FindState(db, accountId);
    }
}
