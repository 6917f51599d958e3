using System.Data.Common;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.Settlement;
using BillingConsole.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;

namespace BillingConsole.Web.Tests.Features.Settlement;

/// <summary>
/// A daily run must not read an account's billed history: every statement it runs against the hourly roll-ups (the
/// candidate query, the chunk's usage read, the marking) has to go through the index of unbilled roll-ups, never a walk
/// of the table by account (a year of hours per account). SQLite has no statistics here, so its choice depends on the
/// SQL's shape; these tests record every statement of a real run and ask SQLite for its plan.
/// </summary>
public sealed class SqliteQueryPlanTests
{
    private static DateTime Local(int day, int hour) => new(2026, 11, day, hour, 0, 0);

    [Fact]
    public async Task B1_DailyRun_ReadsAndMarksRollupsThroughTheUnbilledIndex_NotTheAccountsHistory()
    {
        await using var s = await SettlementScenario.CreateAsync();
        var accounts = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var account = await s.OpenAccountAsync(100m);
            await s.UsageAsync(account, "RP", Local(20, 9), 1); // history: billed by the first run
            accounts.Add(account);
        }
        await s.JobHandler().HandleAsync(default);
        s.Clock.Advance(TimeSpan.FromDays(6));
        foreach (var account in accounts)
        {
            await s.UsageAsync(account, "FV", Local(26, 9), 2);
            await s.UsageAsync(account, "FV", Local(26, 10), 3);
        }
        await s.UsageAsync(accounts[0], "RP", Local(20, 11), 4); // late usage of a billed day (SPEC B6)
        var recorder = new StatementRecorder();
        var factory = new RecordingFactory(s.Database.ConnectionString, recorder);
        var run = new RunDailyBillingHandler(factory, new SettleAccountDayHandler(factory, s.Clock, SettlementScenario.Calendar),
            new SettleAccountDaysHandler(factory, s.Clock, SettlementScenario.Calendar), s.Clock, SettlementScenario.Calendar,
            RecordingJobClient.Triggers(), NullLogger<RunDailyBillingHandler>.Instance);

        var summary = await run.HandleAsync(default);

        Assert.Equal("4 bills issued, 0 skipped", summary.ToString()); // the late usage goes on account 0's bill of 2 Dec
        var rollupStatements = recorder.Statements.Where(st => st.Sql.Contains("\"UsageHourlyRollups\"")).ToList();
        Assert.Equal(5, rollupStatements.Count); // candidates, the chunk's day sums, the check under the write lock, the marking of each usage day
        await using var connection = new SqliteConnection(s.Database.ConnectionString);
        connection.Open();
        foreach (var statement in rollupStatements)
        {
            var plan = await PlanAsync(connection, statement);
            var rollupLines = plan.Where(line => line.Contains("SEARCH u ") || line.Contains("SCAN u")).ToList();
            Assert.True(rollupLines.Count > 0, $"No plan line for the roll-ups:\n{string.Join('\n', plan)}\n{statement.Sql}");
            Assert.All(rollupLines, line => Assert.Contains("INDEX IX_UsageHourlyRollups_Unbilled", line));
        }
    }

    private static async Task<List<string>> PlanAsync(SqliteConnection connection, Statement statement)
    {
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + statement.Sql;
        foreach (var (name, value) in statement.Parameters) explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(3));
        return lines;
    }

    private sealed record Statement(string Sql, List<(string Name, object? Value)> Parameters);

    private sealed class StatementRecorder : DbCommandInterceptor
    {
        public List<Statement> Statements { get; } = [];

        private void Record(DbCommand command) => Statements.Add(new Statement(command.CommandText,
            command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList()));

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command,
            CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command,
            CommandEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }
    }

    private sealed class RecordingFactory(string connectionString, StatementRecorder recorder) : IDbContextFactory<BillingDbContext>
    {
        public BillingDbContext CreateDbContext() => new SqliteBillingDbContext(
            new DbContextOptionsBuilder<SqliteBillingDbContext>(SqliteBillingDbContext.StandaloneOptions(connectionString))
                .AddInterceptors(recorder).Options);
    }
}
