using BillingConsole.Infrastructure.Notifications;
using BillingConsole.Web.Features.Notifications;
using BillingConsole.Web.Jobs;

namespace BillingConsole.Web.Features.QuotaAlerts;

public static class QuotaAlertsRegistration
{
    /// <summary>Quota and low-balance alerts, the message center and e-mail delivery (issue #10).</summary>
    public static IServiceCollection AddQuotaAlerts(this IServiceCollection services)
    {
        services.AddBillingEmail();
        services.AddSingleton<EvaluateQuotaAlertsHandler>();
        services.AddSingleton<ObserveLowBalanceHandler>();
        services.AddSingleton<GetQuotaAlertSettingsHandler>();
        services.AddSingleton<SaveQuotaAlertSettingsHandler>();
        services.AddSingleton<LowBalanceSettingsHandler>();
        services.AddSingleton<SendNotificationsHandler>();
        services.AddSingleton<GetNotificationsHandler>();
        services.AddSingleton<MarkNotificationsReadHandler>();
        services.AddSingleton<AlertContactsHandler>();
        services.AddScoped<MessageCenterState>();
        services.AddSingleton<AlertTriggers>();
        services.AddScoped<QuotaAlertJobs>();
        services.AddScoped<IBillingJob, AlertEvaluationJob>();
        return services;
    }
}
