using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BillingConsole.Web.Tests.Persistence;

/// <summary>
/// Storage choices EF Core's model cannot express, made by hand in SQLite migrations; these fail if a later migration
/// (an EF table rebuild, say) silently undoes one.
/// </summary>
public sealed class SqliteSchemaTests
{
    [Fact]
    public async Task UsageHourlyRollups_IsStoredInKeyOrder_WithoutRowId()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var connection = new SqliteConnection(database.ConnectionString);
        connection.Open();

        var sql = Scalar(connection, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'UsageHourlyRollups'");

        Assert.EndsWith("WITHOUT ROWID", sql.TrimEnd().TrimEnd(';'));
        Assert.Contains("PRIMARY KEY (\"AccountId\", \"MeterCode\", \"HourStartUtc\")", sql);
        // Its one secondary index: the unbilled roll-ups (migration UnbilledRollupsIndex).
        Assert.Equal("CREATE INDEX \"IX_UsageHourlyRollups_Unbilled\" ON \"UsageHourlyRollups\" (\"UsageDay\", \"AccountId\", " +
                     "\"BillableQuantity\", \"BilledQuantity\") WHERE \"BillableQuantity\" > \"BilledQuantity\"",
            Scalar(connection, "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'UsageHourlyRollups' AND sql IS NOT NULL"));
    }

    [Fact]
    public async Task RollupsClusteredByAccount_KeepsEveryRow_UpAndDown()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        var clustered = migrations.Single(m => m.EndsWith("_RollupsClusteredByAccount", StringComparison.Ordinal));
        var before = migrations[migrations.IndexOf(clustered) - 1];
        const string rows = """
            INSERT INTO UsageHourlyRollups (AccountId, MeterCode, HourStartUtc, UsageDay, BillableQuantity, NonBillableQuantity, BilledQuantity)
            VALUES ('B0000000-0000-0000-0000-000000000001', 'RP', '2026-11-27 16:00:00', '2026-11-28', 7, 2, 5),
                   ('A0000000-0000-0000-0000-000000000002', 'FV', '2026-11-27 17:00:00', '2026-11-28', 3, 0, 0)
            """;
        const string read = "SELECT group_concat(AccountId || MeterCode || HourStartUtc || UsageDay || BillableQuantity || NonBillableQuantity || BilledQuantity, '|') AS Value FROM (SELECT * FROM UsageHourlyRollups ORDER BY AccountId)";

        await migrator.MigrateAsync(before);
        await db.Database.ExecuteSqlRawAsync(rows);
        await migrator.MigrateAsync(clustered);
        var up = await db.Database.SqlQueryRaw<string>(read).SingleAsync();
        await migrator.MigrateAsync(before);
        var down = await db.Database.SqlQueryRaw<string>(read).SingleAsync();

        const string expected = "A0000000-0000-0000-0000-000000000002FV2026-11-27 17:00:002026-11-28300|" +
                                "B0000000-0000-0000-0000-000000000001RP2026-11-27 16:00:002026-11-28725";
        Assert.Equal(expected, up);
        Assert.Equal(expected, down);
    }

    private static string Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)command.ExecuteScalar()!;
    }
}
