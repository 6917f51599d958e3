using BillingConsole.Domain.Audit;
using BillingConsole.Infrastructure.Audit;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using BillingConsole.Web.Features.Operations;

namespace BillingConsole.Web.Jobs;

/// <summary>
/// Runs a registered <see cref="IBillingJob"/> by id, for Hangfire and the admin API alike, and records each run
/// (start, finish, summary or error) for the staff console's job runs page (SPEC I4).
/// </summary>
public sealed class JobRunner(IEnumerable<IBillingJob> jobs, ILogger<JobRunner> logger,
    IDbContextFactory<BillingDbContext> dbFactory, TimeProvider clock, BillingMetrics metrics)
{
    public bool Exists(string id) => jobs.Any(j => j.Id == id);

    public async Task<string> RunAsync(string id, CancellationToken ct)
    {
        var job = jobs.SingleOrDefault(j => j.Id == id)
                  ?? throw new InvalidOperationException($"No job is registered as '{id}'.");
        var run = JobRun.Start(id, ActorContext.Current?.Email ?? "schedule", clock.GetUtcNow().UtcDateTime);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            db.JobRuns.Add(run);
            await db.SaveChangesAsync(ct);
        }
        try
        {
            var summary = await job.RunAsync(ct);
            run.Finish(clock.GetUtcNow().UtcDateTime, summary);
            logger.LogInformation("JobRunner: {Job} finished: {Summary}", id, summary);
            metrics.JobRun(id, "succeeded");
            return summary;
        }
        catch (Exception e)
        {
            run.Fail(clock.GetUtcNow().UtcDateTime, e.GetType().Name + ": " + e.Message);
            logger.LogError(e, "JobRunner: {Job} failed", id);
            metrics.JobRun(id, "failed");
            throw;
        }
        finally
        {
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            db.JobRuns.Update(run);
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }
}
