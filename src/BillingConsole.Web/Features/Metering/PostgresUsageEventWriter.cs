using BillingConsole.Infrastructure.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace BillingConsole.Web.Features.Metering;

/// <summary>
/// The ingestion write path on PostgreSQL: one transaction per request with two set-based statements over arrays
/// (<c>unnest</c>): the events with <c>ON CONFLICT DO NOTHING RETURNING</c> (what comes back was new; concurrent copies
/// of an id wait on the unique key and then count once), then one upsert of the hourly roll-ups of exactly those rows.
/// Rows are sorted by key so concurrent requests take row locks in the same order and cannot deadlock.
/// </summary>
public sealed class PostgresUsageEventWriter(DatabaseOptions options) : IUsageEventWriter
{
    private const string InsertSql = """
        INSERT INTO "UsageEvents" ("AccountId", "EventId", "MeterCode", "SceneId", "Outcome", "OccurredAtUtc", "UsageDay",
                                   "Quantity", "Billable", "ReceivedAtUtc")
        SELECT @account, e.id, e.meter, e.scene, e.outcome, e.occurred, e.day, e.quantity, e.billable, @received
        FROM unnest(@ids, @meters, @scenes, @outcomes, @occurred, @days, @quantities, @billables)
             AS e(id, meter, scene, outcome, occurred, day, quantity, billable)
        ON CONFLICT ("AccountId", "EventId") DO NOTHING
        RETURNING "EventId"
        """;

    private const string UpsertSql = """
        INSERT INTO "UsageHourlyRollups" ("AccountId", "MeterCode", "HourStartUtc", "UsageDay", "BillableQuantity",
                                          "NonBillableQuantity", "BilledQuantity")
        SELECT @account, r.meter, r.hour, r.day, r.billable, r.nonbillable, 0
        FROM unnest(@meters, @hours, @days, @billable, @nonbillable) AS r(meter, hour, day, billable, nonbillable)
        ON CONFLICT ("AccountId", "MeterCode", "HourStartUtc") DO UPDATE SET
            "BillableQuantity" = "UsageHourlyRollups"."BillableQuantity" + EXCLUDED."BillableQuantity",
            "NonBillableQuantity" = "UsageHourlyRollups"."NonBillableQuantity" + EXCLUDED."NonBillableQuantity"
        """;

    public async Task<int> WriteAsync(Guid accountId, IReadOnlyList<PendingUsageEvent> events, DateTime receivedAtUtc,
        CancellationToken ct)
    {
        var sorted = events.OrderBy(p => p.Event.EventId, StringComparer.Ordinal).ToArray();
        await using var db = new NpgsqlConnection(options.BillingConnectionString);
        await db.OpenAsync(ct);
        await using var tx = await db.BeginTransactionAsync(ct);

        var inserted = new HashSet<string>(StringComparer.Ordinal);
        await using (var insert = new NpgsqlCommand(InsertSql, db, tx))
        {
            insert.Parameters.AddWithValue("account", accountId);
            insert.Parameters.AddWithValue("received", receivedAtUtc);
            insert.Parameters.AddWithValue("ids", sorted.Select(p => p.Event.EventId).ToArray());
            insert.Parameters.AddWithValue("meters", sorted.Select(p => p.Event.MeterCode).ToArray());
            insert.Parameters.Add(new NpgsqlParameter("scenes", NpgsqlDbType.Array | NpgsqlDbType.Text)
                { Value = sorted.Select(p => (object?)p.Event.SceneId ?? DBNull.Value).ToArray() });
            insert.Parameters.AddWithValue("outcomes", sorted.Select(p => p.Event.Outcome).ToArray());
            insert.Parameters.Add(new NpgsqlParameter("occurred", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)
                { Value = sorted.Select(p => p.Event.OccurredAtUtc).ToArray() });
            insert.Parameters.AddWithValue("days", sorted.Select(p => p.Event.UsageDay).ToArray());
            insert.Parameters.AddWithValue("quantities", sorted.Select(p => p.Event.Quantity).ToArray());
            insert.Parameters.AddWithValue("billables", sorted.Select(p => p.Event.Billable).ToArray());
            await using var reader = await insert.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) inserted.Add(reader.GetString(0));
        }

        var rollups = sorted.Where(p => inserted.Contains(p.Event.EventId))
            .GroupBy(p => (p.Event.MeterCode, p.HourStartUtc))
            .OrderBy(g => g.Key.MeterCode, StringComparer.Ordinal).ThenBy(g => g.Key.HourStartUtc)
            .Select(g => (g.Key.MeterCode, g.Key.HourStartUtc, g.First().Event.UsageDay,
                Billable: g.Where(p => p.Event.Billable).Sum(p => p.Event.Quantity),
                NonBillable: g.Where(p => !p.Event.Billable).Sum(p => p.Event.Quantity)))
            .ToArray();
        if (rollups.Length > 0)
        {
            await using var upsert = new NpgsqlCommand(UpsertSql, db, tx);
            upsert.Parameters.AddWithValue("account", accountId);
            upsert.Parameters.AddWithValue("meters", rollups.Select(r => r.MeterCode).ToArray());
            upsert.Parameters.Add(new NpgsqlParameter("hours", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)
                { Value = rollups.Select(r => r.HourStartUtc).ToArray() });
            upsert.Parameters.AddWithValue("days", rollups.Select(r => r.UsageDay).ToArray());
            upsert.Parameters.AddWithValue("billable", rollups.Select(r => r.Billable).ToArray());
            upsert.Parameters.AddWithValue("nonbillable", rollups.Select(r => r.NonBillable).ToArray());
            await upsert.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return inserted.Count;
    }
}
