using BillingConsole.Domain.QuotaAlerts;
using BillingConsole.Web.Features.Notifications;

namespace BillingConsole.Web.Features.QuotaAlerts;

/// <summary>Thin Hangfire entry points enqueued by <see cref="AlertTriggers"/>: evaluate, then send what fired.</summary>
public sealed class QuotaAlertJobs(EvaluateQuotaAlertsHandler evaluate, ObserveLowBalanceHandler observe,
    SendNotificationsHandler send, Forecasts.EvaluateForecastAlertsHandler? forecasts = null,
    Forecasts.QuotaAlertRecoveryHandler? recovery = null)
{
    public async Task EvaluateAsync(Guid accountId, QuotaAlertTrigger trigger, CancellationToken ct)
    {
        var fired = await evaluate.HandleAsync(accountId, trigger, ct) > 0;
        // SPEC F4: a total that grew may end an alert ("recovered").
        if (recovery is not null && trigger is QuotaAlertTrigger.Purchase or QuotaAlertTrigger.Upgrade or QuotaAlertTrigger.Renewal)
        {
            fired |= await recovery.HandleAsync(accountId, ct) > 0;
        }
        if (fired) await send.HandleAsync(ct);
    }

    public async Task ObserveBalanceAsync(Guid accountId, BalanceMovement movement, CancellationToken ct)
    {
        var fired = await observe.HandleAsync(accountId, movement, ct);
        // SPEC F2: a recharge or purchase may end a forecast alert's condition ("recovered").
        if (forecasts is not null) fired |= await forecasts.HandleAsync(accountId, mayAlert: false, ct) > 0;
        if (fired) await send.HandleAsync(ct);
    }

    /// <summary>
    /// SPEC A2, A6 after a daily billing run: the same two evaluations a single bill triggers (pack deduction, then
    /// the bill's charge), for every account the run billed, with one outbox send at the end instead of one per bill.
    /// </summary>
    public async Task AfterBillingRunAsync(Guid[] accountIds, CancellationToken ct)
    {
        var fired = false;
        foreach (var accountId in accountIds)
        {
            ct.ThrowIfCancellationRequested();
            fired |= await evaluate.HandleAsync(accountId, QuotaAlertTrigger.Deduction, ct) > 0;
            fired |= await observe.HandleAsync(accountId, BalanceMovement.Bill, ct);
            if (forecasts is not null) fired |= await forecasts.HandleAsync(accountId, mayAlert: true, ct) > 0; // SPEC F2, F3
        }
        if (fired) await send.HandleAsync(ct);
    }
}
