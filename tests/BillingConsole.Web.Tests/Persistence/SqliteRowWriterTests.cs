using BillingConsole.Domain.Accounts;
using BillingConsole.Domain.Audit;
using BillingConsole.Domain.Ledger;
using BillingConsole.Domain.ResourcePacks;
using BillingConsole.Domain.Settlement;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.Settlement;
using BillingConsole.Web.Tests.Features.Settlement;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Tests.Persistence;

/// <summary>
/// <see cref="SqliteRowWriter"/> must store exactly what EF's SaveChanges stores: every column's storage class and
/// value, compared as SQLite's own <c>typeof()</c> and <c>quote()</c> of each column. The reference rows are written by
/// the one-account settlement (EF), read back as entities, deleted, and written again by the writer.
/// </summary>
public sealed class SqliteRowWriterTests
{
    private static DateTime Local(int day, int hour) => new(2026, 11, day, hour, 0, 0);

    [Fact]
    public async Task Insert_StoresEveryColumnOfASettlementsRowsAsSaveChangesDoes()
    {
        await using var s = await SettledAccountAsync();
        await using var db = s.Database.CreateDbContext();
        var bill = await db.Bills.AsNoTracking().Include(b => b.Lines).SingleAsync();
        var entry = await db.LedgerEntries.AsNoTracking().SingleAsync(e => e.Kind == LedgerEntryKind.DailyBill);
        var audit = await db.AuditEvents.AsNoTracking().SingleAsync(a => a.Action == "ledger.dailybill");
        var deduction = await db.PackDeductions.AsNoTracking().SingleAsync();
        var rows = new (string Table, object Key)[]
        {
            ("Bills", bill.Id.ToString().ToUpperInvariant()),
            ("BillLines", bill.Lines[0].Id.ToString().ToUpperInvariant()),
            ("LedgerEntries", entry.Id.ToString().ToUpperInvariant()),
            ("PackDeductions", deduction.Id.ToString().ToUpperInvariant()),
            ("AuditEvents", audit.Id),
        };
        Assert.Equal(2, bill.Lines.Count);
        var before = new List<Dictionary<string, string>>();
        foreach (var (table, key) in rows) before.Add(await RowAsync(s, table, key));

        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            foreach (var (table, key) in rows.Reverse()) await DeleteAsync(db, table, key);
            using var writer = new SqliteRowWriter(db);
            writer.Insert(bill);
            foreach (var line in bill.Lines) writer.Insert(line);
            writer.Insert(entry);
            writer.Insert(deduction);
            writer.Insert(audit);
            await tx.CommitAsync();
        }

        for (var i = 0; i < rows.Length; i++)
        {
            // The audit row's key is SQLite's rowid: the writer leaves it to SQLite, which gives the next one.
            var key = rows[i].Table == "AuditEvents" ? await MaxAuditIdAsync(s) : rows[i].Key;
            var after = await RowAsync(s, rows[i].Table, key);
            Assert.Equal(Without(before[i], "Id"), Without(after, "Id"));
        }
        Assert.Equal(before[1], await RowAsync(s, "BillLines", rows[1].Key));
    }

    [Fact]
    public async Task Update_StoresEveryColumnAsSaveChangesDid_UnderTheReadVersion()
    {
        await using var s = await SettledAccountAsync();
        await using var db = s.Database.CreateDbContext();
        var account = await db.Accounts.AsNoTracking().SingleAsync();
        var pack = await db.ResourcePacks.AsNoTracking().SingleAsync();
        var accountKey = account.Id.ToString().ToUpperInvariant();
        var packKey = pack.Id.ToString().ToUpperInvariant();
        var accountBefore = await RowAsync(s, "Accounts", accountKey);
        var packBefore = await RowAsync(s, "ResourcePacks", packKey);

        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            using var writer = new SqliteRowWriter(db);
            writer.Update(account, account.Version);
            writer.Update(pack, pack.Version);
            await tx.CommitAsync();
        }

        Assert.Equal(accountBefore, await RowAsync(s, "Accounts", accountKey));
        Assert.Equal(packBefore, await RowAsync(s, "ResourcePacks", packKey));
    }

    [Fact]
    public async Task Update_WithAStaleVersion_ThrowsAndChangesNothing()
    {
        await using var s = await SettledAccountAsync();
        await using var db = s.Database.CreateDbContext();
        var account = await db.Accounts.AsNoTracking().SingleAsync();
        var key = account.Id.ToString().ToUpperInvariant();
        var before = await RowAsync(s, "Accounts", key);
        var read = account.Version;
        Assert.True(account.Post(LedgerEntryKind.Adjustment, Domain.Common.Money.Yuan(-1m), "test", "stale-test",
            DateTime.UtcNow).IsOk);

        await using var tx = await db.Database.BeginTransactionAsync();
        using var writer = new SqliteRowWriter(db);
        Assert.Throws<DbUpdateConcurrencyException>(() => writer.Update(account, Guid.NewGuid()));
        await tx.CommitAsync();

        Assert.Equal(before, await RowAsync(s, "Accounts", key));
        Assert.NotEqual(read, account.Version);
    }

    [Fact]
    public async Task Insert_OfADuplicateKey_ThrowsDbUpdateException()
    {
        await using var s = await SettledAccountAsync();
        await using var db = s.Database.CreateDbContext();
        var bill = await db.Bills.AsNoTracking().SingleAsync();

        await using var tx = await db.Database.BeginTransactionAsync();
        using var writer = new SqliteRowWriter(db);
        var e = Assert.Throws<DbUpdateException>(() => writer.Insert(bill));
        Assert.Contains("UNIQUE", e.Message);
    }

    /// <summary>One account with a 5-call RP pack and 7 calls: a bill with two lines, a deduction, a charge and its audit.</summary>
    private static async Task<SettlementScenario> SettledAccountAsync()
    {
        var s = await SettlementScenario.CreateAsync();
        var account = await s.OpenAccountAsync(50m);
        await s.AddPackAsync(account, "RP_CALLS", 5, SettlementScenario.Calendar.ToUtc(Local(20, 0)));
        await s.UsageAsync(account, "RP", Local(26, 9), 7);
        await s.UsageAsync(account, "FV", Local(26, 10), 3);
        Assert.Equal(SettleOutcome.Issued,
            await s.SettleHandler().HandleAsync(new SettleAccountDayCommand(account, new DateOnly(2026, 11, 26), true), default));
        return s;
    }

    private static async Task<Dictionary<string, string>> RowAsync(SettlementScenario s, string table, object key)
    {
        await using var connection = new SqliteConnection(s.Database.ConnectionString);
        await connection.OpenAsync();
        var columns = new List<string>();
        await using (var info = connection.CreateCommand())
        {
            info.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync()) columns.Add(reader.GetString(0));
        }
        await using var select = connection.CreateCommand();
        select.CommandText = $"SELECT {string.Join(", ", columns.Select(c => $"typeof(\"{c}\") || ':' || quote(\"{c}\")"))} " +
                             $"FROM \"{table}\" WHERE \"Id\" = $key";
        select.Parameters.AddWithValue("$key", key);
        await using var row = await select.ExecuteReaderAsync();
        Assert.True(await row.ReadAsync(), $"{table} {key} not found");
        return columns.Select((c, i) => (c, row.GetString(i))).ToDictionary(x => x.c, x => x.Item2);
    }

    private static async Task<long> MaxAuditIdAsync(SettlementScenario s)
    {
        await using var db = s.Database.CreateDbContext();
        return await db.AuditEvents.MaxAsync(a => a.Id);
    }

    // The table names are this test's constants; the key is a parameter.
#pragma warning disable EF1003
    private static Task DeleteAsync(BillingDbContext db, string table, object key) =>
        db.Database.ExecuteSqlRawAsync("DELETE FROM \"" + table + "\" WHERE \"Id\" = {0}", key);
#pragma warning restore EF1003

    private static Dictionary<string, string> Without(Dictionary<string, string> row, string column) =>
        row.Where(kv => kv.Key != column).ToDictionary();
}
