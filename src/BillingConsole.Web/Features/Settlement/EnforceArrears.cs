using BillingConsole.Domain.Accounts;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.Accounts;
using BillingConsole.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using BillingConsole.Web.Features.Operations;

namespace BillingConsole.Web.Features.Settlement;

/// <summary>
/// SPEC B7: suspends every account whose arrears grace period has run out. Idempotent: an account is suspended once,
/// and the concurrency token makes a race with a restoring recharge lose cleanly (the recharge wins, and the retry
/// sees a non-negative balance).
/// </summary>
public sealed class EnforceArrearsHandler(IDbContextFactory<BillingDbContext> dbFactory, TimeProvider clock,
    IOptions<BillingOptions> options)
{
    public async Task<int> HandleAsync(CancellationToken ct)
    {
        var grace = options.Value.ArrearsGracePeriod;
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now - grace;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var due = await db.Accounts.AsNoTracking()
            .Where(a => a.Status == AccountStatus.Arrears && a.ArrearsSinceUtc <= cutoff)
            .Select(a => a.Id).ToListAsync(ct);
        var suspended = 0;
        foreach (var id in due)
        {
            suspended += await ConcurrencyRetry.ExecuteAsync(async token =>
            {
                await using var attempt = await dbFactory.CreateDbContextAsync(token);
                var account = await attempt.Accounts.SingleAsync(a => a.Id == id, token);
                if (!account.SuspendIfGraceExpired(now, grace)) return 0;
                await attempt.SaveChangesAsync(token);
                return 1;
            }, ct);
        }
        return suspended;
    }
}

public sealed class ArrearsEnforcementJob(EnforceArrearsHandler handler, BillingMetrics metrics,
    IDbContextFactory<BillingDbContext> dbFactory) : IBillingJob
{
    public string Id => RecurringJobs.ArrearsEnforcement;

    public async Task<string> RunAsync(CancellationToken ct)
    {
        var suspended = await handler.HandleAsync(ct);
        metrics.Suspended(suspended);
        // Every minute: the gauges of accounts in arrears and suspended (an index-only count per status).
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var counts = await db.Accounts.AsNoTracking()
                .Where(a => a.Status == AccountStatus.Arrears || a.Status == AccountStatus.Suspended)
                .GroupBy(a => a.Status).Select(g => new { Status = g.Key, Count = g.LongCount() }).ToListAsync(ct);
            metrics.AccountStates(counts.Where(c => c.Status == AccountStatus.Arrears).Sum(c => c.Count),
                counts.Where(c => c.Status == AccountStatus.Suspended).Sum(c => c.Count));
        }
        return $"{suspended} account(s) suspended";
    }
}
