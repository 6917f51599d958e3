using BillingConsole.Web.Jobs;

namespace BillingConsole.Web.Features.Settlement;

/// <summary>SPEC B1: the daily billing run. Its body arrives with the daily billing issue (#5).</summary>
public sealed class DailyBillingJob : IBillingJob
{
    public string Id => RecurringJobs.DailyBilling;

    public Task<string> RunAsync(CancellationToken ct) => Task.FromResult("daily billing is not built yet (issue #5)");
}
