using BillingConsole.Domain.Common;
using BillingConsole.Domain.Forecasts;
using BillingConsole.Domain.Notifications;
using BillingConsole.Domain.Webhooks;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.QuotaAlerts;
using BillingConsole.Web.Features.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Forecasts;

/// <summary>
/// SPEC F2/F3 for one account: after a daily bill (<c>mayAlert</c>), or after a recharge or purchase (recoveries only).
/// The rule's state, the messages (message center + e-mail, as A5) and the <c>balance.forecast</c> webhook events
/// commit together; the rule's version token makes two nodes evaluating at once send once.
/// </summary>
public sealed class EvaluateForecastAlertsHandler(IDbContextFactory<BillingDbContext> dbFactory, GetForecastHandler forecasts,
    WebhookEventData webhookData, TimeProvider clock, BillingCalendar calendar)
{
    public async Task<int> HandleAsync(Guid accountId, bool mayAlert, CancellationToken ct)
    {
        try
        {
            return await ConcurrencyRetry.ExecuteAsync(token => EvaluateAsync(accountId, mayAlert, token), ct);
        }
        catch (DbUpdateException)
        {
            return 0; // another node sent them
        }
    }

    private async Task<int> EvaluateAsync(Guid accountId, bool mayAlert, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rule = await db.ForecastAlertRules.SingleOrDefaultAsync(r => r.AccountId == accountId, ct);
        if (rule is null) return 0;
        var view = await forecasts.HandleAsync(accountId, ct);
        if (view is null) return 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = calendar.DayOf(now);
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var mtd = Money.FromUnits(await db.Bills.Where(b => b.AccountId == accountId && b.UsageDay >= monthStart)
            .SumAsync(b => b.PayableUnits, ct));
        var daysLeft = DateTime.DaysInMonth(today.Year, today.Month) - today.Day + 1;
        var alerts = ForecastAlertEvaluator.Evaluate(rule, view.Forecast, mtd, $"{today:yyyy-MM}", daysLeft, mayAlert);
        if (alerts.Count == 0) return 0;
        var recipients = await AlertRecipients.ResolveAsync(db, accountId, ct);
        foreach (var alert in alerts)
        {
            var names = view.Packs.FirstOrDefault(p => p.Forecast.PackTypeCode == alert.PackTypeCode);
            var (title, body) = ForecastAlertText.For(alert, names?.Name ?? alert.PackTypeCode ?? "", names?.NameEn ?? alert.PackTypeCode ?? "");
            var kind = alert.Kind is ForecastAlertKind.BudgetPercent or ForecastAlertKind.BudgetForecast ? "budget" : "forecast";
            var notification = Notification.Create(accountId, kind, title, body, now);
            db.Notifications.Add(notification);
            foreach (var to in recipients)
            {
                db.OutboundEmails.Add(OutboundEmail.Create(notification.Id, to, "[费用中心 BillingConsole] " + notification.Title,
                    notification.Body, now));
            }
            if (kind == "forecast")
            {
                db.WebhookEvents.Add(WebhookEvent.Create(accountId, WebhookEventTypes.BalanceForecast,
                    $"balance.forecast:{notification.Id}", webhookData.Data(accountId, alert.PackTypeCode is null ? "/" : "/packs", new
                    {
                        state = alert.Kind is ForecastAlertKind.BalanceRecovered or ForecastAlertKind.PackRecovered ? "recovered" : "triggered",
                        packType = alert.PackTypeCode,
                        daysLeft = alert.Days,
                        runsOutOn = alert.RunsOutOn?.ToString("yyyy-MM-dd"),
                        averageDailySpend = WebhookEventData.Amount(view.Forecast.AverageDailySpend.Units),
                        balance = WebhookEventData.Amount(view.Forecast.CashBalance.Units),
                    }), now));
            }
        }
        await db.SaveChangesAsync(ct);
        return alerts.Count;
    }
}
