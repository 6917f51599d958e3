using BillingConsole.Web.Jobs;

namespace BillingConsole.Web.Features.ResourcePacks;

public static class ResourcePacksRegistration
{
    public static IServiceCollection AddResourcePacks(this IServiceCollection services)
    {
        services.AddScoped<IBillingJob, PackLifecycleJob>();
        services.AddSingleton<PurchasePackHandler>();
        services.AddSingleton<GrantPackHandler>();
        services.AddSingleton<UpgradePackHandler>();
        services.AddSingleton<RenewPackHandler>();
        services.AddSingleton<UnsubscribePackHandler>();
        services.AddSingleton<GetPacksHandler>();
        services.AddSingleton<GetPackCatalogHandler>();
        services.AddSingleton<GetPackDeductionsHandler>();
        services.AddSingleton<DeviceLicencesHandler>();
        return services;
    }
}
