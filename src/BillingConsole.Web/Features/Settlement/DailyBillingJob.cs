using BillingConsole.Web.Jobs;

namespace BillingConsole.Web.Features.Settlement;

/// <summary>SPEC B1, J1: the daily billing run (10:00 billing time zone, or on demand through the admin API).</summary>
public sealed class DailyBillingJob(RunDailyBillingHandler handler) : IBillingJob
{
    public string Id => RecurringJobs.DailyBilling;

    public async Task<string> RunAsync(CancellationToken ct) => (await handler.HandleAsync(ct)).ToString();
}
