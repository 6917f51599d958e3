using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Infrastructure.Persistence;

/// <summary>The SQLite flavour: owns Migrations/Sqlite.</summary>
public sealed class SqliteBillingDbContext(DbContextOptions<SqliteBillingDbContext> options) : BillingDbContext(options)
{
    /// <summary>Options for a context made outside the app's container (design time, tests).</summary>
    public static DbContextOptions<SqliteBillingDbContext> StandaloneOptions(string connectionString) =>
        new DbContextOptionsBuilder<SqliteBillingDbContext>()
            .UseSqlite(connectionString)
            .UseApplicationServiceProvider(IdentityModelServices.Provider)
            .AddInterceptors(new Interceptors.ReadOnlyImpersonationInterceptor(TimeProvider.System))
            .Options;
}
