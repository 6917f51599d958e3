namespace BillingConsole.Web.Jobs;

/// <summary>
/// A recurring job that Hangfire fires on its schedule and the admin API runs on demand (API.md
/// <c>POST /api/v1/admin/jobs/{job}/run</c>). Implementations are thin: the logic lives in a handler, and running
/// twice or on two nodes at once is safe because the handler's writes are keyed (SPEC J2).
/// </summary>
public interface IBillingJob
{
    /// <summary>The stable kebab-case id (<c>daily-billing</c>…).</summary>
    string Id { get; }

    /// <summary>Runs the job now and returns a one-line summary of what it did.</summary>
    Task<string> RunAsync(CancellationToken ct);
}
