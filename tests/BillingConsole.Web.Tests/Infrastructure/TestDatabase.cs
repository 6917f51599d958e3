using BillingConsole.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Tests.Infrastructure;

/// <summary>
/// A real SQLite database in memory, migrated like production, alive while this object is (STYLE §9: handler tests
/// run against real SQLite, one open connection per test).
/// </summary>
public sealed class TestDatabase : IDbContextFactory<BillingDbContext>, IAsyncDisposable
{
    private readonly SqliteConnection keepAlive;
    private readonly string connectionString;

    private TestDatabase(string name)
    {
        connectionString = $"Data Source={name};Mode=Memory;Cache=Shared;Default Timeout=30";
        keepAlive = new SqliteConnection(connectionString);
        keepAlive.Open();
    }

    public static async Task<TestDatabase> CreateAsync()
    {
        var db = new TestDatabase("test-" + Guid.NewGuid().ToString("N"));
        await using var context = db.CreateDbContext();
        await context.Database.MigrateAsync();
        return db;
    }

    /// <summary>For code that talks to SQLite directly (the ingestion write path).</summary>
    public string ConnectionString => connectionString;

    public BillingDbContext CreateDbContext() =>
        new SqliteBillingDbContext(SqliteBillingDbContext.StandaloneOptions(connectionString));

    public async ValueTask DisposeAsync() => await keepAlive.DisposeAsync();
}
