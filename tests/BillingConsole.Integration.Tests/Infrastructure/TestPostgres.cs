using Npgsql;

namespace BillingConsole.Integration.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server for tests: <c>BILLING_TEST_POSTGRES</c> holds its connection string (no database);
/// <c>.ci/postgres-start</c> starts one. <c>BILLING_TEST_PROVIDER=Postgres</c> runs every app host on it.
/// </summary>
public static class TestPostgres
{
    public static string? ServerConnectionString => Environment.GetEnvironmentVariable("BILLING_TEST_POSTGRES") is { Length: > 0 } cs ? cs : null;

    public static bool SelectedForAllHosts =>
        string.Equals(Environment.GetEnvironmentVariable("BILLING_TEST_PROVIDER"), "Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>Skips (locally) or fails (CI) when no server is configured.</summary>
    public static string RequireServer()
    {
        if (ServerConnectionString is { } cs) return cs;
        const string message = "PostgreSQL not configured: run .ci/postgres-start and set BILLING_TEST_POSTGRES to its output; PostgreSQL tests skipped.";
        if (Environment.GetEnvironmentVariable("CI") == "true") throw new InvalidOperationException(message);
        Assert.Skip(message);
        return "";
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static string CreateDatabase(string server)
    {
        var name = "billing_" + Guid.NewGuid().ToString("N")[..16];
        using var connection = new NpgsqlConnection(server + ";Database=postgres");
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        command.ExecuteNonQuery();
        return new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 50 }.ConnectionString;
    }

    public static void DropDatabase(string connectionString)
    {
        if (!connectionString.Contains("billing_", StringComparison.Ordinal)) return;
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{builder.Database}\" WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }
}
