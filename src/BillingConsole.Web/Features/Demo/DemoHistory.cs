using BillingConsole.Domain.Common;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.Accounts;
using BillingConsole.Web.Features.Metering;
using BillingConsole.Web.Features.QuotaAlerts;
using BillingConsole.Web.Features.ResourcePacks;
using BillingConsole.Web.Features.Settlement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BillingConsole.Web.Features.Demo;

/// <summary>
/// A month of demo history through the real use cases (SPEC "Running"): packs bought on the first day, each day's
/// usage ingested on that day, and the daily billing run the morning after, so the bills, deductions, ledger and
/// alerts the console shows are what the rules produce. The handlers run on a <see cref="DemoClock"/>. The account
/// opens at <see cref="StartUtc"/> (07:00 on the first day), the packs are bought five minutes later, and each
/// morning's run happens at <c>Billing:DailyRunAt</c>, as the recurring job would.
/// </summary>
public sealed class DemoHistory(IServiceProvider services, TimeProvider clock, BillingCalendar calendar,
    ILoggerFactory loggers, IOptions<BillingOptions> billing)
{
    /// <summary>When the demo story begins: 07:00 billing time on the first day of the history (now without one).</summary>
    public static DateTime StartUtc(BillingCalendar calendar, DateTime nowUtc, int days) =>
        days <= 0 ? nowUtc : calendar.DayStartUtc(calendar.DayOf(nowUtc).AddDays(-days)).AddHours(7);

    private static readonly string[] PacksBoughtFirst = ["FV_CALLS_1K", "RP_CALLS_TRIAL", "IOT_MESSAGING_1M"];

    public async Task SeedAsync(Guid accountId, int days, CancellationToken ct)
    {
        if (days <= 0) return;
        var realNow = clock.GetUtcNow().UtcDateTime;
        var demo = new DemoClock(clock.GetUtcNow());
        var dbFactory = services.GetRequiredService<IDbContextFactory<BillingDbContext>>();
        // Alerts are evaluated here, on the demo clock, right after the purchase and after each morning's deductions,
        // so each records its real trigger and time (SPEC A5); the background jobs would run them all at start-up.
        var alerts = new AlertTriggers(new DiscardedJobs(), loggers.CreateLogger<AlertTriggers>());
        var evaluate = new EvaluateQuotaAlertsHandler(dbFactory, demo, calendar, loggers.CreateLogger<EvaluateQuotaAlertsHandler>());
        var observe = new ObserveLowBalanceHandler(dbFactory, demo, loggers.CreateLogger<ObserveLowBalanceHandler>());
        var record = new RecordUsageHandler(services.GetRequiredService<MeterCatalog>(), calendar,
            services.GetRequiredService<IOptions<MeteringOptions>>(), services.GetRequiredService<IUsageEventWriter>(), demo);
        var runAt = billing.Value.DailyRunAt.ToTimeSpan();
        var billingRun = new RunDailyBillingHandler(dbFactory, new SettleAccountDayHandler(dbFactory, demo, calendar),
            new SettleAccountDaysHandler(dbFactory, demo, calendar), demo, calendar, alerts,
            loggers.CreateLogger<RunDailyBillingHandler>());
        var purchase = new PurchasePackHandler(dbFactory, demo, calendar, alerts, loggers.CreateLogger<PurchasePackHandler>());

        var today = calendar.DayOf(realNow);
        var first = today.AddDays(-days);
        demo.Set(StartUtc(calendar, realNow, days).AddMinutes(5));
        foreach (var spec in PacksBoughtFirst)
        {
            var bought = await purchase.HandleAsync(new PurchasePackCommand(accountId, spec), ct);
            if (!bought.IsOk) throw new InvalidOperationException($"Demo history: buying {spec}: {bought.Error}");
            await evaluate.HandleAsync(accountId, Domain.QuotaAlerts.QuotaAlertTrigger.Purchase, ct);
            await observe.HandleAsync(accountId, Domain.QuotaAlerts.BalanceMovement.Purchase, ct);
        }
        for (var day = first; day <= today; day = day.AddDays(1))
        {
            var start = calendar.DayStartUtc(day);
            var until = day == today ? realNow : calendar.DayEndUtc(day);
            demo.Set(day == today ? realNow : start.AddHours(21));
            await IngestAsync(record, accountId, DemoUsage.Day(day, start, until), ct);
            if (day == today) break; // today's usage waits for tomorrow's run, as it would
            // The morning run bills the day that just ended (or runs now, if that morning has not come yet).
            demo.Set(Min(calendar.DayEndUtc(day).Add(runAt), realNow));
            await billingRun.HandleAsync(ct);
            await evaluate.HandleAsync(accountId, Domain.QuotaAlerts.QuotaAlertTrigger.Deduction, ct);
            await observe.HandleAsync(accountId, Domain.QuotaAlerts.BalanceMovement.Bill, ct);
        }
        // The alerts' e-mails go out as the jobs would have sent them.
        await services.GetRequiredService<Notifications.SendNotificationsHandler>().HandleAsync(ct);
    }

    private static async Task IngestAsync(RecordUsageHandler record, Guid accountId,
        IReadOnlyList<Domain.Metering.UsageEventInput> events, CancellationToken ct)
    {
        foreach (var chunk in events.Chunk(1000))
        {
            var result = await record.HandleAsync(new RecordUsageCommand(accountId,
                chunk.Select(e => new ParsedUsageEvent(e, e.EventId, null)).ToList()), ct);
            if (result.Rejected.Count > 0)
            {
                throw new InvalidOperationException($"Demo history: event rejected: {result.Rejected[0].Reason}");
            }
        }
    }

    /// <summary>The background jobs the handlers would enqueue; the demo runs their work itself, above.</summary>
    private sealed class DiscardedJobs : Hangfire.IBackgroundJobClient
    {
        public string Create(Hangfire.Common.Job job, Hangfire.States.IState state) => Guid.NewGuid().ToString("N");

        public bool ChangeState(string jobId, Hangfire.States.IState state, string expectedState) => true;
    }

    private static DateTime Min(DateTime a, DateTime b) => a <= b ? a : b;
}
