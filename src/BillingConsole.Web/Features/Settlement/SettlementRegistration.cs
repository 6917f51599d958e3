using BillingConsole.Web.Jobs;

namespace BillingConsole.Web.Features.Settlement;

public static class SettlementRegistration
{
    public static IServiceCollection AddSettlement(this IServiceCollection services)
    {
        services.AddSingleton<EnforceArrearsHandler>();
        services.AddScoped<IBillingJob, ArrearsEnforcementJob>();
        services.AddScoped<IBillingJob, DailyBillingJob>();
        return services;
    }
}
