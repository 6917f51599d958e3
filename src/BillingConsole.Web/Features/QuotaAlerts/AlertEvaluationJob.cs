using BillingConsole.Web.Jobs;

namespace BillingConsole.Web.Features.QuotaAlerts;

/// <summary>SPEC J1 alert evaluation sweep. Its body arrives with the quota alerts issue (#10).</summary>
public sealed class AlertEvaluationJob : IBillingJob
{
    public string Id => RecurringJobs.AlertEvaluation;

    public Task<string> RunAsync(CancellationToken ct) => Task.FromResult("alert evaluation is not built yet (issue #10)");
}
