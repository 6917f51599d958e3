using BillingConsole.Domain.QuotaAlerts;
using BillingConsole.Web.Features.Notifications;

namespace BillingConsole.Web.Features.QuotaAlerts;

/// <summary>Thin Hangfire entry points enqueued by <see cref="AlertTriggers"/>: evaluate, then send what fired.</summary>
public sealed class QuotaAlertJobs(EvaluateQuotaAlertsHandler evaluate, ObserveLowBalanceHandler observe,
    SendNotificationsHandler send)
{
    public async Task EvaluateAsync(Guid accountId, QuotaAlertTrigger trigger, CancellationToken ct)
    {
        if (await evaluate.HandleAsync(accountId, trigger, ct) > 0) await send.HandleAsync(ct);
    }

    public async Task ObserveBalanceAsync(Guid accountId, BalanceMovement movement, CancellationToken ct)
    {
        if (await observe.HandleAsync(accountId, movement, ct)) await send.HandleAsync(ct);
    }
}
