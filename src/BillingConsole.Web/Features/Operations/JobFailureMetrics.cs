using Hangfire.Common;
using Hangfire.States;

namespace BillingConsole.Web.Features.Operations;

/// <summary>
/// Counts every Hangfire job attempt that fails (<c>billing.hangfire.job_failures</c>, tag <c>job</c> =
/// <c>Type.Method</c>), including the jobs that do not go through <c>JobRunner</c> (the quota alert jobs). Hangfire
/// retries a failed job (its automatic retry turns the failure into a schedule); each failed attempt counts.
/// Registered as the server's <see cref="IJobFilterProvider"/> (Hangfire.AspNetCore takes it from the container), on
/// top of Hangfire's global filters, so each host counts into its own meter.
/// </summary>
internal sealed class JobFailureMetrics(BillingMetrics metrics) : IElectStateFilter
{
    public void OnStateElection(ElectStateContext context)
    {
        if (context.CandidateState is not FailedState) return;
        var job = context.BackgroundJob?.Job;
        metrics.HangfireJobFailed(job is null ? "unknown" : $"{job.Type.Name}.{job.Method.Name}");
    }

    /// <summary>Hangfire's global filters plus this one.</summary>
    public static IJobFilterProvider Provider(BillingMetrics metrics)
    {
        var own = new JobFilterCollection { new JobFailureMetrics(metrics) };
        return new JobFilterProviderCollection(JobFilterProviders.Providers, own);
    }
}
