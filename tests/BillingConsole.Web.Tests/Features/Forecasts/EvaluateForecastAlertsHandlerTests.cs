using BillingConsole.Domain.Common;
using BillingConsole.Domain.Webhooks;
using BillingConsole.Web.Features.Forecasts;
using BillingConsole.Web.Features.Support;
using BillingConsole.Web.Features.Webhooks;
using BillingConsole.Web.Tests.Features.Settlement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace BillingConsole.Web.Tests.Features.Forecasts;

/// <summary>SPEC F2/F3 end to end on real bills: the message, the e-mail, the webhook event; once; recovered once.</summary>
public sealed class EvaluateForecastAlertsHandlerTests
{
    [Fact]
    public async Task Balance_forecast_alerts_once_after_billing_and_recovers_once_after_a_recharge()
    {
        await using var s = await SettlementScenario.CreateAsync();
        var account = await s.OpenAccountAsync(50m);
        var settings = new ForecastAlertSettingsHandler(s.Database, new AuditLog(s.Database, s.Clock), s.Clock);
        Assert.True((await settings.SaveAsync(account, new ForecastAlertSettings(true, 7, false, 7, Money.Yuan(100m), [50, 80, 100]), default)).IsOk);
        foreach (var day in new[] { 24, 25, 26 }) await s.UsageAsync(account, "RP", new DateTime(2026, 11, day, 12, 0, 0), 10);
        await s.JobHandler().HandleAsync(default);
        var handler = new EvaluateForecastAlertsHandler(s.Database, new GetForecastHandler(s.Database, s.Clock, SettlementScenario.Calendar),
            new WebhookEventData(new ConfigurationBuilder().Build()), s.Clock, SettlementScenario.Calendar);

        // ¥30 billed in November (¥10 a day over 3 days), ¥20 left → 2 days ≤ 7; budget ¥100: 30 % and a month-end
        // forecast of ¥30 + ¥10 × 4 days (27th–30th) = ¥70, under the budget.
        Assert.Equal(1, await handler.HandleAsync(account, mayAlert: true, default));
        Assert.Equal(0, await handler.HandleAsync(account, mayAlert: true, default));
        await s.CreditAsync(account, 500m, "topup");
        Assert.Equal(1, await handler.HandleAsync(account, mayAlert: false, default));
        Assert.Equal(0, await handler.HandleAsync(account, mayAlert: true, default));

        await using var db = s.Database.CreateDbContext();
        var messages = await db.Notifications.Where(n => n.AccountId == account).OrderBy(n => n.CreatedAtUtc).ToListAsync();
        Assert.Equal(2, messages.Count);
        Assert.Contains("2 天内用完", messages[0].Title);
        Assert.Contains("2026-11-29", messages[0].Body);
        Assert.Contains("recovered", messages[1].Title);
        Assert.Equal(2, await db.WebhookEvents.CountAsync(e => e.Type == WebhookEventTypes.BalanceForecast));
    }

    [Fact]
    public async Task Budget_percentage_alerts_once_a_month()
    {
        await using var s = await SettlementScenario.CreateAsync();
        var account = await s.OpenAccountAsync(1000m);
        var settings = new ForecastAlertSettingsHandler(s.Database, new AuditLog(s.Database, s.Clock), s.Clock);
        await settings.SaveAsync(account, new ForecastAlertSettings(false, 7, false, 7, Money.Yuan(100m), [50, 80, 100]), default);
        await s.UsageAsync(account, "RP", new DateTime(2026, 11, 26, 12, 0, 0), 60);
        await s.JobHandler().HandleAsync(default);
        var handler = new EvaluateForecastAlertsHandler(s.Database, new GetForecastHandler(s.Database, s.Clock, SettlementScenario.Calendar),
            new WebhookEventData(new ConfigurationBuilder().Build()), s.Clock, SettlementScenario.Calendar);

        // ¥60 of ¥100: 50 %; at ¥60 a day the month ends far over the budget.
        Assert.Equal(2, await handler.HandleAsync(account, mayAlert: true, default));
        Assert.Equal(0, await handler.HandleAsync(account, mayAlert: true, default));

        await using var db = s.Database.CreateDbContext();
        var titles = await db.Notifications.Where(n => n.Kind == "budget").Select(n => n.Title).ToListAsync();
        Assert.Contains(titles, t => t.Contains("50%"));
        Assert.Contains(titles, t => t.Contains("超出预算"));
    }
}
