using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Infrastructure.Persistence.Interceptors;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BillingConsole.Infrastructure;

public static class InfrastructureRegistration
{
    /// <summary>
    /// EF Core on the configured provider (ADR-002): a context factory for features, a scoped context for Identity,
    /// and data protection keys in the database so several nodes share cookies and antiforgery tokens.
    /// </summary>
    public static IServiceCollection AddBillingPersistence(this IServiceCollection services,
        IConfiguration configuration, IHostEnvironment environment)
    {
        var options = DatabaseOptions.From(configuration, environment);
        services.AddSingleton(options);
        // Read-only impersonation is refused at the database (SPEC I3), for every feature's writes alike.
        services.AddSingleton<ReadOnlyImpersonationInterceptor>();
        // Tells in-process caches of account status and API keys that a change was committed (docs/metering.md).
        services.AddSingleton<AccountStateVersion>();
        services.AddSingleton<AccountStateChangeInterceptor>();
        if (options.IsSqlite)
        {
            services.AddDbContextFactory<SqliteBillingDbContext>((sp, o) => o.UseSqlite(options.BillingConnectionString)
                .AddInterceptors(sp.GetRequiredService<ReadOnlyImpersonationInterceptor>(),
                    sp.GetRequiredService<AccountStateChangeInterceptor>()));
            services.AddSingleton<IDbContextFactory<BillingDbContext>>(sp =>
                new ForwardingDbContextFactory<SqliteBillingDbContext>(
                    sp.GetRequiredService<IDbContextFactory<SqliteBillingDbContext>>()));
        }
        else
        {
            services.AddDbContextFactory<PostgresBillingDbContext>((sp, o) => o.UseNpgsql(options.BillingConnectionString)
                .AddInterceptors(sp.GetRequiredService<ReadOnlyImpersonationInterceptor>(),
                    sp.GetRequiredService<AccountStateChangeInterceptor>()));
            services.AddSingleton<IDbContextFactory<BillingDbContext>>(sp =>
                new ForwardingDbContextFactory<PostgresBillingDbContext>(
                    sp.GetRequiredService<IDbContextFactory<PostgresBillingDbContext>>()));
        }
        services.AddScoped<BillingDbContext>(sp =>
            sp.GetRequiredService<IDbContextFactory<BillingDbContext>>().CreateDbContext());
        services.AddDataProtection()
            .SetApplicationName("BillingConsole")
            .PersistKeysToDbContext<BillingDbContext>();
        return services;
    }
}
