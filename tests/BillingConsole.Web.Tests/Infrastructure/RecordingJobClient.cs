using BillingConsole.Web.Features.QuotaAlerts;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.Logging.Abstractions;

namespace BillingConsole.Web.Tests.Infrastructure;

/// <summary>A Hangfire client seam (STYLE §9) that records what would have been enqueued.</summary>
public sealed class RecordingJobClient : IBackgroundJobClient
{
    public List<Job> Jobs { get; } = [];

    public string Create(Job job, IState state)
    {
        lock (Jobs) Jobs.Add(job);
        return Guid.NewGuid().ToString("N");
    }

    public bool ChangeState(string jobId, IState state, string expectedState) => true;

    /// <summary>Alert triggers whose enqueued evaluations are recorded, not run.</summary>
    public static AlertTriggers Triggers(RecordingJobClient? client = null) =>
        new(client ?? new RecordingJobClient(), NullLogger<AlertTriggers>.Instance);
}
