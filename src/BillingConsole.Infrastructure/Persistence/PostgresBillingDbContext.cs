using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Infrastructure.Persistence;

/// <summary>The PostgreSQL flavour: owns Migrations/Postgres (ADR-002).</summary>
public sealed class PostgresBillingDbContext(DbContextOptions<PostgresBillingDbContext> options) : BillingDbContext(options)
{
    /// <summary>Options for a context made outside the app's container (design time, tests).</summary>
    public static DbContextOptions<PostgresBillingDbContext> StandaloneOptions(string connectionString) =>
        new DbContextOptionsBuilder<PostgresBillingDbContext>()
            .UseNpgsql(connectionString)
            .UseApplicationServiceProvider(IdentityModelServices.Provider)
            .AddInterceptors(new Interceptors.ReadOnlyImpersonationInterceptor(TimeProvider.System))
            .Options;
}
