using BillingConsole.Web.Features.Demo;
using BillingConsole.Web.Features.Pricing;
using BillingConsole.Web.Jobs;

namespace BillingConsole.Web.Features.Operations;

public static class OperationsRegistration
{
    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<CatalogSeeder>();
        services.AddSingleton<DemoSeeder>();
        services.AddSingleton<DemoHistory>();
        services.AddProblemDetails();
        services.AddOpenApi();
        services.AddReadinessChecks();
        services.AddTelemetry(configuration);
        services.AddSingleton<RawEventRetentionHandler>();
        services.AddScoped<IBillingJob, RawEventRetentionJob>();
        return services;
    }
}
