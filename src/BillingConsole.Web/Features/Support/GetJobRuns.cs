using BillingConsole.Domain.Audit;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Support;

/// <summary>The newest job runs, optionally of one job and only failures (SPEC I4).</summary>
public sealed class GetJobRunsHandler(IDbContextFactory<BillingDbContext> dbFactory)
{
    public async Task<IReadOnlyList<JobRun>> HandleAsync(string? job, bool failedOnly, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = db.JobRuns.AsNoTracking();
        if (!string.IsNullOrEmpty(job)) rows = rows.Where(r => r.Job == job);
        if (failedOnly) rows = rows.Where(r => r.Succeeded == false);
        return await rows.OrderByDescending(r => r.StartedAtUtc).Take(200).ToListAsync(ct);
    }
}
