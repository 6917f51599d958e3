using System.Diagnostics;
using BillingConsole.Web.Jobs;
using BillingConsole.Web.Features.Operations;

namespace BillingConsole.Web.Features.Settlement;

/// <summary>SPEC B1, J1: the daily billing run (10:00 billing time zone, or on demand through the admin API).</summary>
public sealed class DailyBillingJob(RunDailyBillingHandler handler, BillingMetrics metrics) : IBillingJob
{
    public string Id => RecurringJobs.DailyBilling;

    public async Task<string> RunAsync(CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = BillingMetrics.Tracing.StartActivity("billing.daily_run");
        var summary = await handler.HandleAsync(ct);
        metrics.DailyRun(Stopwatch.GetElapsedTime(started), summary.Issued, summary.Failed);
        return summary.ToString();
    }
}
