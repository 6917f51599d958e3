using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Infrastructure.Persistence.Interceptors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BillingConsole.Infrastructure;

public static class InfrastructureRegistration
{
    /// <summary>EF Core on the configured provider: a context factory for features, a scoped context for Identity.</summary>
    public static IServiceCollection AddBillingPersistence(this IServiceCollection services,
        IConfiguration configuration, IHostEnvironment environment)
    {
        var options = DatabaseOptions.From(configuration, environment);
        services.AddSingleton(options);
        services.AddSingleton<ReadOnlyImpersonationInterceptor>();
        services.AddDbContextFactory<SqliteBillingDbContext>((sp, o) => o.UseSqlite(options.BillingConnectionString,
            sqlite => sqlite.MigrationsAssembly(typeof(SqliteBillingDbContext).Assembly.FullName))
            .AddInterceptors(sp.GetRequiredService<ReadOnlyImpersonationInterceptor>()));
        services.AddSingleton<IDbContextFactory<BillingDbContext>>(sp =>
            new ForwardingDbContextFactory<SqliteBillingDbContext>(
                sp.GetRequiredService<IDbContextFactory<SqliteBillingDbContext>>()));
        services.AddScoped<BillingDbContext>(sp =>
            sp.GetRequiredService<IDbContextFactory<BillingDbContext>>().CreateDbContext());
        return services;
    }
}
