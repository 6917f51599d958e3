using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace BillingConsole.Infrastructure.Persistence;

/// <summary>The database settings of SPEC "Configuration keys", with relative SQLite paths resolved.</summary>
public sealed record DatabaseOptions(string Provider, string BillingConnectionString, string HangfireConnectionString)
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public bool IsSqlite => string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase);

    public static DatabaseOptions From(IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = configuration["Database:Provider"] ?? Sqlite;
        if (string.Equals(provider, Postgres, StringComparison.OrdinalIgnoreCase))
        {
            var app = configuration.GetConnectionString("Billing")
                      ?? throw new InvalidOperationException("Database:Provider is Postgres: set ConnectionStrings:Billing.");
            // Hangfire keeps its own schema on the same server; its own database or the app's both work.
            return new DatabaseOptions(Postgres, app, configuration.GetConnectionString("Hangfire") ?? app);
        }
        if (!string.Equals(provider, Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Database:Provider '{provider}' is unknown: use '{Sqlite}' or '{Postgres}'.");
        }
        var billing = configuration.GetConnectionString("Billing") ?? "Data Source=data/billing.db";
        var hangfire = configuration.GetConnectionString("Hangfire") ?? "Data Source=data/hangfire.db";
        return new DatabaseOptions(Sqlite,
            ResolveSqlitePath(billing, environment.ContentRootPath),
            ResolveSqlitePath(hangfire, environment.ContentRootPath));
    }

    /// <summary>The file behind a SQLite connection string (Hangfire.Storage.SQLite takes a path, not a string).</summary>
    public static string SqliteFilePath(string connectionString) =>
        new SqliteConnectionStringBuilder(connectionString).DataSource;

    private static string ResolveSqlitePath(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var source = builder.DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            return connectionString;
        }
        if (!Path.IsPathRooted(source))
        {
            source = Path.GetFullPath(Path.Combine(contentRoot, source));
        }
        Directory.CreateDirectory(Path.GetDirectoryName(source)!);
        builder.DataSource = source;
        if (builder.DefaultTimeout < 30) builder.DefaultTimeout = 30;
        return builder.ToString();
    }
}
