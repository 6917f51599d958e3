namespace BillingConsole.Web.Features.Metering;

public static class MeteringRegistration
{
    public static IServiceCollection AddMetering(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MeteringOptions>(configuration.GetSection("Metering"));
        services.AddSingleton<MeterCatalog>();
        services.AddSingleton<UsageEventWriter>();
        services.AddSingleton<RecordUsageHandler>();
        services.AddSingleton<GetEntitlementHandler>();
        services.AddSingleton<GetUsageReportHandler>();
        return services;
    }
}
