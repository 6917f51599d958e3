using BillingConsole.Infrastructure.Persistence;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BillingConsole.Infrastructure.Jobs;

public static class HangfireRegistration
{
    /// <summary>The queues of STYLE §8, most urgent first.</summary>
    public static readonly string[] Queues = ["billing", "notifications", "default"];

    /// <summary>
    /// Hangfire storage follows the app's provider (SPEC J3): on SQLite its own file, on PostgreSQL its own schema. One server runs in the app
    /// unless <c>Hangfire:Server</c> is false (tests that drive jobs by hand).
    /// </summary>
    public static IServiceCollection AddBillingHangfire(this IServiceCollection services, DatabaseOptions database,
        IConfiguration configuration)
    {
        services.AddHangfire(c =>
        {
            c.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (database.IsSqlite)
            {
                c.UseSQLiteStorage(DatabaseOptions.SqliteFilePath(database.HangfireConnectionString),
                    new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(5) });
            }
            else
            {
                c.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(database.HangfireConnectionString),
                    new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = true, QueuePollInterval = TimeSpan.FromSeconds(5) });
            }
        });
        if (configuration.GetValue("Hangfire:Server", true))
        {
            services.AddHangfireServer(o =>
            {
                o.Queues = Queues;
                o.WorkerCount = Math.Max(2, Environment.ProcessorCount);
            });
        }
        return services;
    }
}
