using System.Diagnostics;
using BillingConsole.Domain.Accounts;
using BillingConsole.Web.Features.Settlement;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace BillingConsole.Benchmarks;

/// <summary>
/// Daily billing of N accounts with 100 events each on yesterday (billing time zone), generated straight into the
/// database (events and their hourly roll-ups, as ingestion would leave them), against the plain SQL aggregate
/// <c>SELECT … SUM(Quantity) … GROUP BY AccountId, MeterCode, UsageDay</c> over the same events.
/// <para>
/// Two rounds in one process and database, each with its own N accounts and events: the <b>first run</b> after the app
/// starts (code still being compiled by the JIT, EF's queries compiled for the first time) and the <b>next day's run</b>
/// (the daily job in a server that has run it before; the first round's bills and billed roll-ups are now history).
/// After each round its events are deleted, so each aggregate reads exactly its own round's events.
/// </para>
/// </summary>
internal static class BillingBench
{
    public static async Task<IReadOnlyList<Row>> RunAsync(bool quick)
    {
        var accounts = quick ? 1_000 : 10_000;
        const int eventsPerAccount = 100;
        await using var app = BenchApp.Start();
        var first = await RoundAsync(app, "first run after start", "F", accounts, eventsPerAccount);
        var next = await RoundAsync(app, "next run (steady state)", "N", accounts, eventsPerAccount);
        return [first, next];
    }

    private static async Task<Row> RoundAsync(BenchApp app, string name, string prefix, int accounts, int eventsPerAccount)
    {
        var ids = await SeedAsync(app, prefix, accounts, eventsPerAccount);

        var aggregate = Stopwatch.StartNew();
        long groups;
        await using (var connection = new SqliteConnection($"Data Source={app.BillingDb}"))
        {
            connection.Open();
            using var sum = connection.CreateCommand();
            sum.CommandText = """
                SELECT count(*) FROM (SELECT AccountId, MeterCode, UsageDay, SUM(Quantity) FROM UsageEvents
                WHERE Billable = 1 GROUP BY AccountId, MeterCode, UsageDay)
                """;
            groups = (long)sum.ExecuteScalar()!;
        }
        var aggregateSeconds = aggregate.Elapsed.TotalSeconds;

        using var scope = app.Services.CreateScope();
        var run = scope.ServiceProvider.GetRequiredService<RunDailyBillingHandler>();
        var billing = Stopwatch.StartNew();
        var summary = await run.HandleAsync(CancellationToken.None);
        var billingSeconds = billing.Elapsed.TotalSeconds;
        if (summary.Issued != ids.Count) throw new InvalidOperationException($"Expected {ids.Count} bills: {summary}");

        await using (var connection = new SqliteConnection($"Data Source={app.BillingDb}"))
        {
            connection.Open();
            using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM UsageEvents";
            delete.ExecuteNonQuery();
        }

        var ratio = billingSeconds / aggregateSeconds;
        return new Row($"daily billing, {name} ({Report.N(accounts)} accounts, {Report.N(accounts * eventsPerAccount)} events)",
            $"{Report.N(billingSeconds, "F2")} s ({Report.N(accounts / billingSeconds)} bills/s)",
            $"{Report.N(aggregateSeconds, "F2")} s SQL aggregate ({groups} groups)", Report.N(ratio, "F1") + "×",
            "≤ 2× the aggregate", ratio <= 2);
    }

    private static async Task<List<Guid>> SeedAsync(BenchApp app, string prefix, int accounts, int eventsPerAccount)
    {
        var now = DateTime.UtcNow;
        var list = new List<Account>();
        await using (var db = app.Db())
        {
            for (var i = 0; i < accounts; i++) list.Add(Account.Open($"Bench {prefix}{i}", $"BENCH{prefix}{i:D7}", now));
            db.Accounts.AddRange(list);
            await db.SaveChangesAsync();
        }
        // Yesterday in Asia/Shanghai (UTC+8): an ended day, so the run bills it.
        var day = DateOnly.FromDateTime(now.AddHours(8)).AddDays(-1);
        var dayStartUtc = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-8);
        await using var connection = new SqliteConnection($"Data Source={app.BillingDb}");
        connection.Open();
        using var tx = connection.BeginTransaction();
        using var ev = Command(connection, tx, """
            INSERT INTO UsageEvents (AccountId, EventId, MeterCode, SceneId, Outcome, OccurredAtUtc, UsageDay, Quantity, Billable, ReceivedAtUtc)
            VALUES ($a, $e, $m, NULL, 'passed', $o, $d, 1, 1, $o)
            """, "$a", "$e", "$m", "$o", "$d");
        using var roll = Command(connection, tx, """
            INSERT INTO UsageHourlyRollups (AccountId, MeterCode, HourStartUtc, UsageDay, BillableQuantity, NonBillableQuantity, BilledQuantity)
            VALUES ($a, $m, $h, $d, $q, 0, 0)
            """, "$a", "$m", "$h", "$d", "$q");
        foreach (var account in list)
        {
            // Ten hours, two meters: 20 roll-up rows and 100 events per account.
            var perHour = new Dictionary<(string, DateTime), long>();
            for (var n = 0; n < eventsPerAccount; n++)
            {
                var meter = n % 2 == 0 ? "RP" : "FV";
                var hour = dayStartUtc.AddHours(n % 10);
                Set(ev, account.Id, $"b-{n}", meter, hour.AddSeconds(n), day);
                ev.ExecuteNonQuery();
                perHour[(meter, hour)] = perHour.GetValueOrDefault((meter, hour)) + 1;
            }
            foreach (var ((meter, hour), quantity) in perHour)
            {
                Set(roll, account.Id, meter, hour, day, quantity);
                roll.ExecuteNonQuery();
            }
        }
        tx.Commit();
        return list.Select(a => a.Id).ToList();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction tx, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var name in names) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        command.Prepare();
        return command;
    }

    private static void Set(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
    }
}
