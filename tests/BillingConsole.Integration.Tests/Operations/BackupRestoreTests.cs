using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;

namespace BillingConsole.Integration.Tests.Operations;

/// <summary>
/// Issue #22: <c>backup --to</c> while the app ingests usage and runs daily billing, then <c>restore --from</c> into a
/// new folder: every event committed before the backup started is there, every account's balance equals the sum of
/// its ledger entries, and the app starts ready on the restored files.
/// </summary>
public sealed class BackupRestoreTests
{
    private sealed record Created(Guid AccountId);

    private sealed record CreatedKey(string Key);

    [Fact]
    public async Task BackupUnderIngestionAndBilling_RestoresEveryCommittedEvent_AndTheLedgerInvariant()
    {
        await using var app = await AppProcess.StartAsync();
        var admin = app.Client(AppProcess.AdminToken);
        var clients = new List<HttpClient>();
        for (var i = 0; i < 3; i++)
        {
            var created = await admin.PostAsJsonAsync("/api/v1/admin/accounts", new { name = $"Backup Co {i}", ownerEmail = $"backup{i}@example.com" });
            created.EnsureSuccessStatusCode();
            var accountId = (await created.Content.ReadFromJsonAsync<Created>())!.AccountId;
            var key = await admin.PostAsJsonAsync($"/api/v1/admin/accounts/{accountId}/api-keys", new { name = "load" });
            key.EnsureSuccessStatusCode();
            clients.Add(app.Client((await key.Content.ReadFromJsonAsync<CreatedKey>())!.Key));
        }
        var committed = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var ingestion = clients.Select((client, c) => Task.Run(async () =>
        {
            for (var batch = 0; !stop.IsCancellationRequested; batch++)
            {
                var ids = Enumerable.Range(0, 40).Select(i => $"bk-{c}-{batch}-{i}").ToList();
                var events = ids.Select((id, i) => new
                {
                    eventId = id, service = "RP", outcome = "passed",
                    occurredAt = DateTime.UtcNow.AddHours(-24 - (batch * 40 + i) % 96).ToString("O"),
                });
                var response = await client.PostAsJsonAsync("/api/v1/usage/events", new { events });
                if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"ingest: {response.StatusCode}");
                foreach (var id in ids) committed.Enqueue(id);
            }
        })).ToList();
        var billingRuns = 0;
        var billingRunsAfterEvents = 0;
        var billing = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                // Only a run that started after events were committed has something to bill: on a busy machine the
                // first run can start before any batch is in, and a backup right after it would hold no bill.
                var eventsAtStart = committed.Count;
                (await admin.PostAsync("/api/v1/admin/jobs/daily-billing/run", null)).EnsureSuccessStatusCode();
                billingRuns++;
                if (eventsAtStart > 0) billingRunsAfterEvents++;
            }
        });
        while (committed.Count < 1_200 || Volatile.Read(ref billingRunsAfterEvents) < 1)
        {
            if (ingestion.Concat([billing]).FirstOrDefault(t => t.IsFaulted) is { } failed) await failed;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        var before = committed.ToHashSet();
        var file = Path.Combine(app.DataFolder, "backups", "billing-backup.zip");
        var backup = await AppProcess.RunCommandAsync(app.DataFolder, "backup", "--to", file);
        var duringBackup = committed.Count - before.Count;
        await stop.CancelAsync();
        await Task.WhenAll(ingestion.Concat([billing]));
        await app.StopAsync();

        Assert.True(backup.ExitCode == 0, backup.Output);
        var restoredFolder = Path.Combine(Path.GetTempPath(), "billing-ops", Guid.NewGuid().ToString("N"));
        var restore = await AppProcess.RunCommandAsync(restoredFolder, "restore", "--from", file);
        Assert.True(restore.ExitCode == 0, restore.Output);
        var again = await AppProcess.RunCommandAsync(restoredFolder, "restore", "--from", file);
        Assert.NotEqual(0, again.ExitCode);

        await using (var db = new SqliteConnection($"Data Source={Path.Combine(restoredFolder, "billing.db")};Pooling=False"))
        {
            await db.OpenAsync();
            var stored = new HashSet<string>();
            await using (var read = db.CreateCommand())
            {
                read.CommandText = "SELECT EventId FROM UsageEvents";
                await using var rows = await read.ExecuteReaderAsync();
                while (await rows.ReadAsync()) stored.Add(rows.GetString(0));
            }
            var missing = before.Except(stored).ToList();
            Assert.True(missing.Count == 0, $"{missing.Count} of {before.Count} committed events missing, e.g. {missing.FirstOrDefault()}");
            await using var ledger = db.CreateCommand();
            ledger.CommandText = """
                SELECT a.Id, a.BalanceUnits, COALESCE((SELECT SUM(l.AmountUnits) FROM LedgerEntries l WHERE l.AccountId = a.Id), 0),
                       (SELECT COUNT(*) FROM LedgerEntries l WHERE l.AccountId = a.Id)
                FROM Accounts a
                """;
            await using var accounts = await ledger.ExecuteReaderAsync();
            var entries = 0L;
            while (await accounts.ReadAsync())
            {
                Assert.True(accounts.GetInt64(1) == accounts.GetInt64(2),
                    $"account {accounts.GetString(0)}: balance {accounts.GetInt64(1)} but entries sum to {accounts.GetInt64(2)}");
                entries += accounts.GetInt64(3);
            }
            Assert.True(entries > 0, "no ledger entries: daily billing issued no bills before the backup");
        }
        Assert.True(File.Exists(Path.Combine(restoredFolder, "hangfire.db")));
        await using var restored = await AppProcess.StartAsync(dataFolder: restoredFolder);
        Assert.Equal(HttpStatusCode.OK, (await restored.Client().GetAsync("/readyz")).StatusCode);
        TestContext.Current.SendDiagnosticMessage($"{before.Count} events before the backup, {duringBackup} during it, {billingRuns} billing runs");
    }
}
