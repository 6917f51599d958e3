using BillingConsole.Web.Jobs;

namespace BillingConsole.Web.Features.QuotaAlerts;

public static class QuotaAlertsRegistration
{
    public static IServiceCollection AddQuotaAlerts(this IServiceCollection services)
    {
        services.AddScoped<IBillingJob, AlertEvaluationJob>();
        return services;
    }
}
