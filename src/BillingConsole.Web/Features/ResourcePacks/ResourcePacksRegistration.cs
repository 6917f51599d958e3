using BillingConsole.Web.Jobs;

namespace BillingConsole.Web.Features.ResourcePacks;

public static class ResourcePacksRegistration
{
    public static IServiceCollection AddResourcePacks(this IServiceCollection services)
    {
        services.AddScoped<IBillingJob, PackLifecycleJob>();
        return services;
    }
}
