using System.Diagnostics;
using System.Globalization;
using System.Text;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Benchmarks;

/// <summary>
/// Ingestion over HTTP (batches of 1,000, several senders, one API key per sender) against raw prepared inserts of
/// the same rows into the same SQLite schema with the same durability (synchronous=FULL, one transaction per 1,000).
/// </summary>
internal static class IngestBench
{
    public static async Task<IReadOnlyList<Row>> RunAsync(bool quick)
    {
        const int batchSize = 1_000;
        const int senders = 4;
        var batchesPerSender = quick ? 10 : 50;
        var total = senders * batchesPerSender * batchSize;
        await using var app = BenchApp.Start();
        var keys = new List<string>();
        for (var s = 0; s < senders; s++) keys.Add((await app.NewAccountAsync()).Key);
        var now = DateTime.UtcNow.AddMinutes(-2);
        // Bodies are built before the clock starts: the benchmark measures the server, not the client's JSON.
        var bodies = keys.Select((_, s) => Enumerable.Range(0, batchesPerSender).Select(b => Body(s, b, batchSize, now)).ToList()).ToList();

        // Warm-up: JIT, connection pools, prepared statements.
        using (var warm = app.Http(keys[0])) await PostAsync(warm, Body(99, 0, batchSize, now));

        var watch = Stopwatch.StartNew();
        await Task.WhenAll(keys.Select(async (key, s) =>
        {
            using var client = app.Http(key);
            foreach (var body in bodies[s]) await PostAsync(client, body);
        }));
        var httpRate = total / watch.Elapsed.TotalSeconds;

        var rawRate = await RawInsertRateAsync(app.Folder, total, batchSize, now);
        var ratio = httpRate / rawRate;
        return
        [
            new Row($"ingest HTTP ({Report.N(total)} events, {senders} senders)", $"{Report.N(httpRate)} ev/s",
                $"{Report.N(rawRate)} ev/s raw", Report.N(ratio, "P0"), "≥ 33% of raw and ≥ 100,000 ev/s",
                ratio >= 1.0 / 3 && httpRate >= 100_000),
        ];
    }

    private static string Body(int sender, int batch, int size, DateTime now)
    {
        var sb = new StringBuilder("{\"events\":[");
        for (var i = 0; i < size; i++)
        {
            if (i > 0) sb.Append(',');
            var service = i % 4 == 0 ? "FV" : "RP";
            sb.Append("{\"eventId\":\"e-").Append(sender).Append('-').Append(batch).Append('-').Append(i)
              .Append("\",\"service\":\"").Append(service).Append("\",\"outcome\":\"passed\",\"occurredAt\":\"")
              .Append(now.AddMilliseconds(-i * 37).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)).Append("\"}");
        }
        return sb.Append("]}").ToString();
    }

    private static async Task PostAsync(HttpClient client, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/api/v1/usage/events", content);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<double> RawInsertRateAsync(string folder, int total, int batchSize, DateTime now)
    {
        var path = Path.Combine(folder, "raw.db");
        await using (var db = new SqliteBillingDbContext(SqliteBillingDbContext.StandaloneOptions($"Data Source={path}")))
        {
            await db.Database.MigrateAsync();
        }
        await using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;";
            pragma.ExecuteNonQuery();
        }
        using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO UsageEvents (AccountId, EventId, MeterCode, SceneId, Outcome, OccurredAtUtc, UsageDay, Quantity, Billable, ReceivedAtUtc)
            VALUES ($a, $e, $m, NULL, 'passed', $o, $d, 1, 1, $r)
            """;
        var p = new[] { "$a", "$e", "$m", "$o", "$d", "$r" }.Select(n => insert.Parameters.Add(n, SqliteType.Text)).ToArray();
        insert.Prepare();
        var account = Guid.NewGuid();
        var day = DateOnly.FromDateTime(now.AddHours(8));
        var watch = Stopwatch.StartNew();
        for (var done = 0; done < total; done += batchSize)
        {
            using var tx = connection.BeginTransaction();
            insert.Transaction = tx;
            for (var i = 0; i < batchSize; i++)
            {
                p[0].Value = account;
                p[1].Value = $"raw-{done + i}";
                p[2].Value = i % 4 == 0 ? "FV" : "RP";
                p[3].Value = now.AddMilliseconds(-i * 37);
                p[4].Value = day;
                p[5].Value = now;
                insert.ExecuteNonQuery();
            }
            tx.Commit();
        }
        return total / watch.Elapsed.TotalSeconds;
    }
}
