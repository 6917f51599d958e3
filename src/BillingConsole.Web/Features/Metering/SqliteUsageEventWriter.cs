using System.Data;
using BillingConsole.Domain.Metering;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace BillingConsole.Web.Features.Metering;

/// <summary>
/// The ingestion write path on SQLite (SPEC M4, M9): one <c>BEGIN IMMEDIATE</c> transaction per request on one long-lived
/// connection with statements prepared once. Duplicates are found by the unique key (<c>ON CONFLICT DO NOTHING</c>,
/// one changed row = accepted), so concurrent copies of an id count once; the hourly roll-ups grow by the rows actually
/// inserted, in the same transaction; the caller answers only after the commit. SQLite has one writer anyway, so the
/// lock costs nothing and lets the prepared statements be reused. Values are bound as their .NET types, which
/// Microsoft.Data.Sqlite formats exactly as EF Core does (uppercase Guid text, "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd").
/// </summary>
public sealed class SqliteUsageEventWriter(DatabaseOptions options) : IUsageEventWriter, IDisposable
{
    // Numbered parameters: the per-event statement is bound by position through SQLitePCL (see Insert below).
    private const string InsertSql = """
        INSERT INTO UsageEvents (AccountId, EventId, MeterCode, SceneId, Outcome, OccurredAtUtc, UsageDay, Quantity, Billable, ReceivedAtUtc)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
        ON CONFLICT (AccountId, EventId) DO NOTHING
        """;

    private const string UpsertSql = """
        INSERT INTO UsageHourlyRollups (AccountId, MeterCode, HourStartUtc, UsageDay, BillableQuantity, NonBillableQuantity, BilledQuantity)
        VALUES ($account, $meter, $hour, $day, $billable, $nonBillable, 0)
        ON CONFLICT (AccountId, MeterCode, HourStartUtc) DO UPDATE SET
            BillableQuantity = BillableQuantity + excluded.BillableQuantity,
            NonBillableQuantity = NonBillableQuantity + excluded.NonBillableQuantity
        """;

    private readonly SemaphoreSlim gate = new(1, 1);
    private SqliteConnection? connection;
    private sqlite3_stmt? insert;
    private SqliteCommand? upsert;

    /// <summary>Stores the events that are new for the account; returns how many were (the rest are duplicates).</summary>
    public async Task<int> WriteAsync(Guid accountId, IReadOnlyList<PendingUsageEvent> events, DateTime receivedAtUtc,
        CancellationToken ct)
    {
        var rollups = new Dictionary<(string Meter, DateTime Hour), (DateOnly Day, long Billable, long NonBillable)>();
        await gate.WaitAsync(ct);
        try
        {
            var (db, ins, ups) = Open();
            using var tx = db.BeginTransaction(IsolationLevel.Serializable, deferred: false);
            ups.Transaction = tx;
            // In the text formats EF Core's SQLite provider stores (SqliteText); the read-back test pins them.
            Check(db, SqliteText.Bind(ins, 1, accountId));
            Check(db, SqliteText.Bind(ins, 10, receivedAtUtc));
            var inserted = 0;
            foreach (var pending in events)
            {
                var e = pending.Event;
                Bind(db, ins, 2, e.EventId);
                Bind(db, ins, 3, e.MeterCode);
                if (e.SceneId is null) Check(db, raw.sqlite3_bind_null(ins, 4));
                else Bind(db, ins, 4, e.SceneId);
                Bind(db, ins, 5, e.Outcome);
                Check(db, SqliteText.Bind(ins, 6, e.OccurredAtUtc));
                Check(db, SqliteText.Bind(ins, 7, e.UsageDay));
                Check(db, raw.sqlite3_bind_int64(ins, 8, e.Quantity));
                Check(db, raw.sqlite3_bind_int64(ins, 9, e.Billable ? 1 : 0));
                var step = raw.sqlite3_step(ins);
                raw.sqlite3_reset(ins);
                if (step != raw.SQLITE_DONE) Check(db, step);
                // One changed row = stored; none = the unique key already had it (a duplicate, M4).
                if (raw.sqlite3_changes(db.Handle) == 0) continue;
                inserted++;
                var key = (e.MeterCode, pending.HourStartUtc);
                var sum = rollups.GetValueOrDefault(key, (e.UsageDay, 0, 0));
                rollups[key] = e.Billable ? sum with { Billable = sum.Billable + e.Quantity }
                    : sum with { NonBillable = sum.NonBillable + e.Quantity };
            }
            ups.Parameters[0].Value = accountId;
            foreach (var ((meter, hour), (day, billable, nonBillable)) in rollups)
            {
                ups.Parameters[1].Value = meter;
                ups.Parameters[2].Value = hour;
                ups.Parameters[3].Value = day;
                ups.Parameters[4].Value = billable;
                ups.Parameters[5].Value = nonBillable;
                ups.ExecuteNonQuery();
            }
            tx.Commit();
            return inserted;
        }
        catch
        {
            // A broken connection or statement must not poison the next request: start clean.
            Close();
            throw;
        }
        finally
        {
            gate.Release();
        }
    }

    private (SqliteConnection, sqlite3_stmt, SqliteCommand) Open()
    {
        if (connection is not null) return (connection, insert!, upsert!);
        var db = new SqliteConnection(options.BillingConnectionString);
        // Held at once, so that a failure below is cleaned up by the caller's Close() rather than leaking the connection.
        connection = db;
        db.Open();
        using (var pragma = db.CreateCommand())
        {
            // M9: an acknowledged event survives a power cut, not only a crash (WAL's NORMAL would not promise that).
            pragma.CommandText = "PRAGMA synchronous=FULL;";
            pragma.ExecuteNonQuery();
        }
        // The per-event INSERT goes straight to SQLite (prepare once, bind by position, step, reset): through
        // SqliteCommand the driver's per-execution work cost about as much as SQLite's insert itself
        // (docs/benchmarks.md). It runs inside the SqliteTransaction opened on the same connection.
        Check(db, raw.sqlite3_prepare_v2(db.Handle, InsertSql, out var statement));
        insert = statement;
        upsert = Prepare(db, UpsertSql, ("$account", SqliteType.Text), ("$meter", SqliteType.Text), ("$hour", SqliteType.Text),
            ("$day", SqliteType.Text), ("$billable", SqliteType.Integer), ("$nonBillable", SqliteType.Integer));
        return (db, insert, upsert);
    }

    private static void Bind(SqliteConnection db, sqlite3_stmt statement, int index, string value) =>
        Check(db, raw.sqlite3_bind_text(statement, index, value));

    private static void Check(SqliteConnection db, int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE))
        {
            throw new SqliteException($"SQLite error {rc}: {raw.sqlite3_errmsg(db.Handle).utf8_to_string()}", rc);
        }
    }

    private static SqliteCommand Prepare(SqliteConnection db, string sql, params (string Name, SqliteType Type)[] parameters)
    {
        var command = db.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, type) in parameters) command.Parameters.Add(name, type);
        command.Prepare();
        return command;
    }

    private void Close()
    {
        insert?.Dispose(); // finalizes the statement, so the connection can close
        upsert?.Dispose();
        connection?.Dispose();
        (insert, upsert, connection) = (null, null, null);
    }

    public void Dispose()
    {
        Close();
        gate.Dispose();
    }
}
