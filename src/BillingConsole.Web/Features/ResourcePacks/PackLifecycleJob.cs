using BillingConsole.Web.Jobs;

namespace BillingConsole.Web.Features.ResourcePacks;

/// <summary>SPEC J1 pack lifecycle (expiry, monthly resets). Its body arrives with the resource packs issue (#4).</summary>
public sealed class PackLifecycleJob : IBillingJob
{
    public string Id => RecurringJobs.PackLifecycle;

    public Task<string> RunAsync(CancellationToken ct) => Task.FromResult("pack lifecycle is not built yet (issue #4)");
}
