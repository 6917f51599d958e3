namespace BillingConsole.Web.Jobs;

/// <summary>Runs a registered <see cref="IBillingJob"/> by id, for Hangfire and the admin API alike.</summary>
public sealed class JobRunner(IEnumerable<IBillingJob> jobs, ILogger<JobRunner> logger)
{
    public bool Exists(string id) => jobs.Any(j => j.Id == id);

    public async Task<string> RunAsync(string id, CancellationToken ct)
    {
        var job = jobs.SingleOrDefault(j => j.Id == id)
                  ?? throw new InvalidOperationException($"No job is registered as '{id}'.");
        var summary = await job.RunAsync(ct);
        logger.LogInformation("JobRunner: {Job} finished: {Summary}", id, summary);
        return summary;
    }
}
