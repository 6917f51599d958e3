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
