using BillingConsole.Web.Jobs;

namespace BillingConsole.Web.Features.Settlement;

public static class SettlementRegistration
{
    public static IServiceCollection AddSettlement(this IServiceCollection services)
    {
        services.AddSingleton<EnforceArrearsHandler>();
        services.AddSingleton<SettleAccountDayHandler>();
        services.AddSingleton<SettleAccountDaysHandler>();
        services.AddSingleton<RunDailyBillingHandler>();
        services.AddSingleton<GetBillsHandler>();
        services.AddSingleton<GetLedgerHandler>();
        services.AddSingleton<GetSpendOverviewHandler>();
        services.AddScoped<IBillingJob, ArrearsEnforcementJob>();
        services.AddScoped<IBillingJob, DailyBillingJob>();
        return services;
    }
}
