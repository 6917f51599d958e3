using BillingConsole.Domain.QuotaAlerts;
using Hangfire;

namespace BillingConsole.Web.Features.QuotaAlerts;

/// <summary>
/// The entry points other features call after they commit (SPEC A2, A6): settlement after a bill, the pack handlers
/// after a purchase, upgrade, renewal, unsubscribe or deduction, the pack-lifecycle job after an expiry. Each enqueues
/// a job on the <c>notifications</c> queue and returns at once; enqueueing never throws, because an alert must not
/// fail the bill or purchase that caused it. What a lost enqueue misses, the alert-evaluation sweep (every 15 minutes)
/// catches for quota alerts.
/// </summary>
public sealed class AlertTriggers(IBackgroundJobClient jobs, ILogger<AlertTriggers> logger)
{
    /// <summary>Call after a pack change has been saved.</summary>
    public void AfterPackChange(Guid accountId, QuotaAlertTrigger trigger) =>
        Enqueue(accountId, trigger.ToString(), () => jobs.Enqueue<QuotaAlertJobs>("notifications",
            j => j.EvaluateAsync(accountId, trigger, CancellationToken.None)));

    /// <summary>Call after a ledger movement (bill, purchase, recharge…) has been saved.</summary>
    public void AfterBalanceChange(Guid accountId, BalanceMovement movement) =>
        Enqueue(accountId, movement.ToString(), () => jobs.Enqueue<QuotaAlertJobs>("notifications",
            j => j.ObserveBalanceAsync(accountId, movement, CancellationToken.None)));

    /// <summary>
    /// Call after a daily billing run with the accounts it billed: one job per chunk instead of two per bill, since
    /// every enqueue is a write transaction in the Hangfire storage (docs/benchmarks.md).
    /// </summary>
    public void AfterBillingRun(IReadOnlyCollection<Guid> accountIds)
    {
        foreach (var chunk in accountIds.Distinct().Chunk(BillingRunChunk))
        {
            Enqueue(chunk[0], $"a billing run ({chunk.Length} accounts)", () => jobs.Enqueue<QuotaAlertJobs>(
                "notifications", j => j.AfterBillingRunAsync(chunk, CancellationToken.None)));
        }
    }

    /// <summary>Accounts per enqueued job: small enough for a job's arguments, large enough to matter.</summary>
    public const int BillingRunChunk = 500;

    private void Enqueue(Guid accountId, string cause, Func<string> enqueue)
    {
        try
        {
            enqueue();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "AlertTriggers: could not enqueue alert evaluation for {AccountId} after {Cause}",
                accountId, cause);
        }
    }
}
