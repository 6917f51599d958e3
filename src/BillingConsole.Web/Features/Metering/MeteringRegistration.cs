using BillingConsole.Infrastructure.Persistence;

namespace BillingConsole.Web.Features.Metering;

public static class MeteringRegistration
{
    public static IServiceCollection AddMetering(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MeteringOptions>(configuration.GetSection("Metering"));
        services.AddSingleton<MeterCatalog>();
        services.AddSingleton<IUsageEventWriter>(sp => sp.GetRequiredService<DatabaseOptions>().IsSqlite
            ? new SqliteUsageEventWriter(sp.GetRequiredService<DatabaseOptions>())
            : new PostgresUsageEventWriter(sp.GetRequiredService<DatabaseOptions>()));
        services.AddSingleton<RecordUsageHandler>();
        services.AddSingleton<GetEntitlementHandler>();
        services.AddSingleton<EntitlementFastPathCount>();
        services.AddSingleton<GetUsageReportHandler>();
        return services;
    }
}
