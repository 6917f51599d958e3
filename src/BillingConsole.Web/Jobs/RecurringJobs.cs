using BillingConsole.Web.Features.Accounts;
using Hangfire;
using Microsoft.Extensions.Options;

namespace BillingConsole.Web.Jobs;

/// <summary>The only place recurring jobs are declared (SPEC J1, STYLE §8).</summary>
public static class RecurringJobs
{
    public const string DailyBilling = "daily-billing";
    public const string ArrearsEnforcement = "arrears-enforcement";
    public const string PackLifecycle = "pack-lifecycle";
    public const string AlertEvaluation = "alert-evaluation";
    public const string WebhookDelivery = "webhook-delivery";
    public const string RawEventRetention = "raw-event-retention";
    public const string PaymentReconciliation = "payment-reconciliation";

    public static readonly string[] All =
        [DailyBilling, ArrearsEnforcement, PackLifecycle, AlertEvaluation, RawEventRetention, PaymentReconciliation,
            WebhookDelivery];

    public static void Register(IServiceProvider services)
    {
        var manager = services.GetRequiredService<IRecurringJobManager>();
        var billing = services.GetRequiredService<IOptions<BillingOptions>>().Value;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(billing.TimeZone);
        var inZone = new RecurringJobOptions { TimeZone = zone };

        manager.AddOrUpdate<JobRunner>(DailyBilling, "billing", r => r.RunAsync(DailyBilling, CancellationToken.None),
            Cron.Daily(billing.DailyRunAt.Hour, billing.DailyRunAt.Minute), inZone);
        manager.AddOrUpdate<JobRunner>(ArrearsEnforcement, "billing",
            r => r.RunAsync(ArrearsEnforcement, CancellationToken.None), Cron.Minutely(), inZone);
        // Monthly allowances reset at local midnight; hourly runs also catch expiries within the hour.
        manager.AddOrUpdate<JobRunner>(PackLifecycle, "billing", r => r.RunAsync(PackLifecycle, CancellationToken.None),
            Cron.Hourly(), inZone);
        manager.AddOrUpdate<JobRunner>(AlertEvaluation, "notifications",
            r => r.RunAsync(AlertEvaluation, CancellationToken.None), "*/15 * * * *", inZone);
        manager.AddOrUpdate<JobRunner>(WebhookDelivery, "notifications",
            r => r.RunAsync(WebhookDelivery, CancellationToken.None), Cron.Minutely(), inZone);
        // Issue #22: old raw events of billed days, at night (docs/operations.md "Retention").
        manager.AddOrUpdate<JobRunner>(RawEventRetention, "default",
            r => r.RunAsync(RawEventRetention, CancellationToken.None), Cron.Daily(4, 30), inZone);
        manager.AddOrUpdate<JobRunner>(PaymentReconciliation, "billing",
            r => r.RunAsync(PaymentReconciliation, CancellationToken.None), "*/5 * * * *", inZone);
    }
}
