using System.Diagnostics;
using System.Diagnostics.Metrics;
using BillingConsole.Domain.Accounts;
using BillingConsole.Web.Features.Accounts;

namespace BillingConsole.Web.Features.Operations;

/// <summary>
/// The console's own meters and traces (issue #22; docs/operations.md lists each instrument and the alert to set on
/// it). One singleton: features call a method after the fact, never build instruments themselves, so names and tags
/// stay in one place. Every method is cheap and never throws. Exported with OpenTelemetry (<see cref="MeterName"/>,
/// <see cref="ActivitySourceName"/>): Prometheus text at <c>/metrics</c>, OTLP when <c>OpenTelemetry:Endpoint</c> is set.
/// Tag values are small fixed sets (outcomes, statuses, job ids): never an account, key, user or amount.
/// </summary>
public sealed class BillingMetrics
{
    public const string MeterName = "BillingConsole";
    public const string ActivitySourceName = "BillingConsole";

    /// <summary>Spans around ingestion batches, settlement chunks and payment notifications.</summary>
    public static readonly ActivitySource Tracing = new(ActivitySourceName);

    private readonly Meter meter;
    private readonly Counter<long> usageEvents;
    private readonly Histogram<double> ingestDuration;
    private readonly Counter<long> entitlementAnswers;
    private readonly Histogram<double> dailyRunDuration;
    private readonly Counter<long> billsIssued;
    private readonly Counter<long> dailyRunFailures;
    private readonly Counter<long> suspensions;
    private readonly Counter<long> paymentNotifications;
    private readonly Counter<long> alerts;
    private readonly Counter<long> webhookDeliveries;
    private readonly Counter<long> jobRuns;
    private readonly Counter<long> retentionDeleted;
    private readonly Counter<long> hangfireFailures;
    private long accountsInArrears;
    private long accountsSuspended;

    public BillingMetrics(IMeterFactory meters)
    {
        meter = meters.Create(MeterName);
        usageEvents = meter.CreateCounter<long>("billing.usage.events", "{event}",
            "Usage events received through the API, by outcome (accepted, duplicate, rejected).");
        ingestDuration = meter.CreateHistogram<double>("billing.usage.ingest.duration", "s",
            "Time to validate and store one usage batch.");
        entitlementAnswers = meter.CreateCounter<long>("billing.entitlement.answers", "{answer}",
            "Entitlement checks answered, by the status answered (fast path and endpoint alike).");
        dailyRunDuration = meter.CreateHistogram<double>("billing.daily_run.duration", "s",
            "Duration of one daily billing run.");
        billsIssued = meter.CreateCounter<long>("billing.bills.issued", "{bill}", "Daily bills issued.");
        dailyRunFailures = meter.CreateCounter<long>("billing.daily_run.failed_account_days", "{day}",
            "Account-days a daily billing run could not settle (retried by the next run).");
        suspensions = meter.CreateCounter<long>("billing.accounts.suspended", "{account}",
            "Accounts suspended after their arrears grace period.");
        paymentNotifications = meter.CreateCounter<long>("billing.payment.notifications", "{notification}",
            "Payment gateway notifications, by gateway and outcome.");
        alerts = meter.CreateCounter<long>("billing.alerts", "{alert}", "Alert messages, by outcome (sent, failed).");
        webhookDeliveries = meter.CreateCounter<long>("billing.webhook.deliveries", "{delivery}",
            "Webhook delivery attempts, by outcome.");
        jobRuns = meter.CreateCounter<long>("billing.job.runs", "{run}", "Background job runs, by job and outcome.");
        hangfireFailures = meter.CreateCounter<long>("billing.hangfire.job_failures", "{attempt}",
            "Failed Hangfire job attempts, by job (Type.Method); Hangfire retries them.");
        retentionDeleted = meter.CreateCounter<long>("billing.retention.deleted_events", "{event}",
            "Raw usage events deleted by the retention job.");
        meter.CreateObservableGauge("billing.accounts.in_arrears", () => Interlocked.Read(ref accountsInArrears),
            "{account}", "Accounts in arrears, as of the last arrears enforcement run.");
        meter.CreateObservableGauge("billing.accounts.suspended_now", () => Interlocked.Read(ref accountsSuspended),
            "{account}", "Suspended accounts, as of the last arrears enforcement run.");
    }

    public void UsageBatch(int accepted, int duplicates, int rejected, TimeSpan elapsed)
    {
        if (accepted > 0) usageEvents.Add(accepted, new KeyValuePair<string, object?>("outcome", "accepted"));
        if (duplicates > 0) usageEvents.Add(duplicates, new KeyValuePair<string, object?>("outcome", "duplicate"));
        if (rejected > 0) usageEvents.Add(rejected, new KeyValuePair<string, object?>("outcome", "rejected"));
        ingestDuration.Record(elapsed.TotalSeconds);
    }

    /// <summary>One entitlement answer, tagged with the status as the API spells it (<c>active</c>, <c>arrears</c>…).</summary>
    public void EntitlementAnswer(AccountStatus status)
    {
        var index = (int)status;
        var name = (uint)index < (uint)StatusNames.Length ? StatusNames[index] : AccountEndpoints.StatusName(status);
        entitlementAnswers.Add(1, new KeyValuePair<string, object?>("status", name));
    }

    /// <summary>The hot path's tag values, spelled once (the fast path allocates nothing per answer).</summary>
    private static readonly string[] StatusNames =
        Enum.GetValues<AccountStatus>().OrderBy(s => (int)s).Select(AccountEndpoints.StatusName).ToArray();

    public void DailyRun(TimeSpan elapsed, int issued, int failed)
    {
        dailyRunDuration.Record(elapsed.TotalSeconds);
        if (issued > 0) billsIssued.Add(issued);
        if (failed > 0) dailyRunFailures.Add(failed);
    }

    public void Suspended(int accounts)
    {
        if (accounts > 0) suspensions.Add(accounts);
    }

    /// <summary>The current number of accounts in arrears and suspended (the arrears enforcement job counts them).</summary>
    public void AccountStates(long inArrears, long suspended)
    {
        Interlocked.Exchange(ref accountsInArrears, inArrears);
        Interlocked.Exchange(ref accountsSuspended, suspended);
    }

    /// <param name="gateway">sandbox, alipay…</param>
    /// <param name="outcome">completed, duplicate, rejected (bad signature or amount), failed…</param>
    public void PaymentNotification(string gateway, string outcome) =>
        paymentNotifications.Add(1, new KeyValuePair<string, object?>("gateway", gateway),
            new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>The outcome tag of a notification from the gateway's HTTP reply to it.</summary>
    public static string NotificationOutcome(int statusCode, bool credited) => statusCode switch
    {
        200 => credited ? "credited" : "acknowledged",
        401 => "bad_signature",
        404 => "unknown_order",
        409 => "not_payable",
        >= 500 => "failed",
        _ => "rejected",
    };

    /// <param name="outcome">sent or failed.</param>
    public void Alert(string outcome) => alerts.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    /// <param name="outcome">delivered, failed, gave_up…</param>
    public void WebhookDelivery(string outcome) =>
        webhookDeliveries.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    /// <param name="outcome">succeeded or failed.</param>
    public void JobRun(string job, string outcome) =>
        jobRuns.Add(1, new KeyValuePair<string, object?>("job", job), new KeyValuePair<string, object?>("outcome", outcome));

    public void HangfireJobFailed(string job) =>
        hangfireFailures.Add(1, new KeyValuePair<string, object?>("job", job));

    public void RetentionDeleted(long events)
    {
        if (events > 0) retentionDeleted.Add(events);
    }
}
