using System.Data;
using BillingConsole.Domain.Metering;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;

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
    private const string InsertSql = """
        INSERT INTO UsageEvents (AccountId, EventId, MeterCode, SceneId, Outcome, OccurredAtUtc, UsageDay, Quantity, Billable, ReceivedAtUtc)
        VALUES ($account, $eventId, $meter, $scene, $outcome, $occurredAt, $day, $quantity, $billable, $receivedAt)
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
    private SqliteCommand? insert;
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
            ins.Transaction = tx;
            ups.Transaction = tx;
            ins.Parameters[0].Value = accountId;
            ins.Parameters[9].Value = receivedAtUtc;
            var inserted = 0;
            foreach (var pending in events)
            {
                var e = pending.Event;
                ins.Parameters[1].Value = e.EventId;
                ins.Parameters[2].Value = e.MeterCode;
                ins.Parameters[3].Value = (object?)e.SceneId ?? DBNull.Value;
                ins.Parameters[4].Value = e.Outcome;
                ins.Parameters[5].Value = e.OccurredAtUtc;
                ins.Parameters[6].Value = e.UsageDay;
                ins.Parameters[7].Value = e.Quantity;
                ins.Parameters[8].Value = e.Billable;
                if (ins.ExecuteNonQuery() == 0) continue;
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

    private (SqliteConnection, SqliteCommand, SqliteCommand) Open()
    {
        if (connection is not null) return (connection, insert!, upsert!);
        var db = new SqliteConnection(options.BillingConnectionString);
        db.Open();
        using (var pragma = db.CreateCommand())
        {
            // M9: an acknowledged event survives a power cut, not only a crash (WAL's NORMAL would not promise that).
            pragma.CommandText = "PRAGMA synchronous=FULL;";
            pragma.ExecuteNonQuery();
        }
        insert = Prepare(db, InsertSql, ("$account", SqliteType.Text), ("$eventId", SqliteType.Text), ("$meter", SqliteType.Text),
            ("$scene", SqliteType.Text), ("$outcome", SqliteType.Text), ("$occurredAt", SqliteType.Text), ("$day", SqliteType.Text),
            ("$quantity", SqliteType.Integer), ("$billable", SqliteType.Integer), ("$receivedAt", SqliteType.Text));
        upsert = Prepare(db, UpsertSql, ("$account", SqliteType.Text), ("$meter", SqliteType.Text), ("$hour", SqliteType.Text),
            ("$day", SqliteType.Text), ("$billable", SqliteType.Integer), ("$nonBillable", SqliteType.Integer));
        connection = db;
        return (db, insert, upsert);
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
        insert?.Dispose();
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
