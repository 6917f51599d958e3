using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.Ledger;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Integration.Tests.Infrastructure;
using BillingConsole.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Integration.Tests.ScaleOut;

/// <summary>
/// SPEC "Running", J2, B4, M4, R2 on several nodes: two app processes on one PostgreSQL database receive the same
/// work at the same moment; the database's unique keys must make every effect happen once.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class TwoNodeTests : IAsyncLifetime
{
    private string database = "";
    private AppNode nodeA = null!;
    private AppNode nodeB = null!;

    public async ValueTask InitializeAsync()
    {
        database = TestPostgres.CreateDatabase(TestPostgres.RequireServer());
        // One after the other: the first applies the migrations, the second finds them applied.
        nodeA = await AppNode.StartAsync(database, "A");
        nodeB = await AppNode.StartAsync(database, "B");
    }

    public async ValueTask DisposeAsync()
    {
        if (nodeA is not null) await nodeA.DisposeAsync();
        if (nodeB is not null) await nodeB.DisposeAsync();
        if (database.Length > 0) TestPostgres.DropDatabase(database);
    }

    private PostgresBillingDbContext Db() => new(PostgresBillingDbContext.StandaloneOptions(database));

    [Fact]
    public async Task M4_DuplicateEventsSentToBothNodesAtOnce_CountOnce()
    {
        var (accountId, key) = await TwoNodeWorld.NewAccountWithKeyAsync(nodeA);
        var now = DateTime.UtcNow.AddMinutes(-1);
        var batch = new
        {
            events = Enumerable.Range(0, 300).Select(i => new
            {
                eventId = $"dup-{i}",
                service = i % 3 == 0 ? "FV" : "RP",
                outcome = "passed",
                occurredAt = now.AddSeconds(-i).ToString("O", CultureInfo.InvariantCulture),
            }).ToList(),
        };

        // Three copies to each node, all in flight together.
        var clients = new[] { nodeA.Client(key), nodeB.Client(key) };
        var replies = await Task.WhenAll(Enumerable.Range(0, 6)
            .Select(i => clients[i % 2].PostAsJsonAsync("/api/v1/usage/events", batch)));

        var answers = new List<JsonElement>();
        foreach (var reply in replies)
        {
            Assert.True(reply.IsSuccessStatusCode, await reply.Content.ReadAsStringAsync());
            answers.Add(JsonDocument.Parse(await reply.Content.ReadAsStringAsync()).RootElement.Clone());
        }
        Assert.Equal(300, answers.Sum(a => a.GetProperty("accepted").GetInt32()));
        Assert.Equal(5 * 300, answers.Sum(a => a.GetProperty("duplicates").GetInt32()));
        await using var db = Db();
        Assert.Equal(300, await db.UsageEvents.CountAsync(e => e.AccountId == accountId));
        var rollups = await db.UsageHourlyRollups.Where(r => r.AccountId == accountId)
            .GroupBy(r => r.MeterCode).Select(g => new { g.Key, Sum = g.Sum(r => r.BillableQuantity) })
            .ToDictionaryAsync(g => g.Key, g => g.Sum);
        Assert.Equal(200, rollups["RP"]);
        Assert.Equal(100, rollups["FV"]);
    }

    [Fact]
    public async Task B4_J2_DailyBillingOnBothNodesAtOnce_BillsEachAccountDayOnce()
    {
        var yesterdayNoon = TwoNodeWorld.YesterdayNoonShanghaiUtc();
        var accounts = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            var (accountId, key) = await TwoNodeWorld.NewAccountWithKeyAsync(nodeA);
            accounts.Add(accountId);
            // A granted RP pack covers the RP calls; FV is pay-as-you-go: 7 × 0.182 = 1.274 → 1.27 (B2).
            var grant = await nodeA.Admin().PostAsJsonAsync($"/api/v1/admin/accounts/{accountId}/pack-grants", new
            {
                specId = "RP_CALLS_1K",
                effectiveAt = yesterdayNoon.AddDays(-2),
                expiresAt = yesterdayNoon.AddDays(300),
                reason = "two-node test",
            });
            Assert.Equal(HttpStatusCode.Created, grant.StatusCode);
            var events = Enumerable.Range(0, 12).Select(n => new
            {
                eventId = $"b4-{n}",
                service = n < 5 ? "RP" : "FV",
                outcome = "passed",
                occurredAt = yesterdayNoon.AddMinutes(n).ToString("O", CultureInfo.InvariantCulture),
            }).ToList();
            var sent = await nodeB.Client(key).PostAsJsonAsync("/api/v1/usage/events", new { events });
            Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());
        }

        var runs = await Task.WhenAll(
            nodeA.Admin().PostAsync("/api/v1/admin/jobs/daily-billing/run", null),
            nodeB.Admin().PostAsync("/api/v1/admin/jobs/daily-billing/run", null),
            nodeA.Admin().PostAsync("/api/v1/admin/jobs/daily-billing/run", null),
            nodeB.Admin().PostAsync("/api/v1/admin/jobs/daily-billing/run", null));
        foreach (var run in runs) Assert.True(run.IsSuccessStatusCode, await run.Content.ReadAsStringAsync());
        var summaries = string.Join(" | ", await Task.WhenAll(runs.Select(r => r.Content.ReadAsStringAsync())));
        // A lost race is "skipped" (the unique key decided), never "failed".
        Assert.False(summaries.Contains("failed", StringComparison.Ordinal), summaries + "\n" + nodeA.Output + nodeB.Output);

        await using var db = Db();
        var day = DateOnly.FromDateTime(yesterdayNoon.AddHours(8));
        foreach (var accountId in accounts)
        {
            var bills = await db.Bills.Where(b => b.AccountId == accountId).ToListAsync();
            var bill = Assert.Single(bills);
            Assert.Equal(day, bill.UsageDay);
            Assert.Equal(12_700, bill.PayableUnits);
            var charges = await db.LedgerEntries.Where(e => e.AccountId == accountId && e.Kind == LedgerEntryKind.DailyBill).ToListAsync();
            Assert.Equal(-12_700, Assert.Single(charges).AmountUnits);
            var account = await db.Accounts.SingleAsync(a => a.Id == accountId);
            Assert.Equal(-12_700, account.BalanceUnits);
            var pack = await db.ResourcePacks.SingleAsync(p => p.AccountId == accountId);
            Assert.Equal(995, pack.Remaining);
            Assert.Equal(5, await db.PackDeductions.Where(d => d.AccountId == accountId).SumAsync(d => d.Quantity));
            var rollups = await db.UsageHourlyRollups.Where(r => r.AccountId == accountId).ToListAsync();
            Assert.All(rollups, r => Assert.Equal(r.BillableQuantity, r.BilledQuantity));
        }
        // Between them, the four runs issued each bill exactly once.
        var issued = System.Text.RegularExpressions.Regex.Matches(summaries, @"(\d+) bills issued")
            .Sum(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.Equal(accounts.Count, issued);
    }

    [Fact]
    public async Task R2_SignedNotificationDeliveredToBothNodes_CreditsOnce()
    {
        var (accountId, key) = await TwoNodeWorld.NewAccountWithKeyAsync(nodeA);
        var created = await nodeA.Client(key).PostAsJsonAsync("/api/v1/recharges",
            new { amount = "100.00", method = "alipay", acknowledgeOriginalRoute = true });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var rechargeId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("rechargeId").GetGuid();

        var nodes = new[] { nodeA, nodeB };
        var replies = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Notify(nodes[i % 2], rechargeId, "100.00")));

        Assert.All(replies, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var account = JsonDocument.Parse(await nodeB.Client(key).GetStringAsync("/api/v1/account")).RootElement;
        Assert.Equal("100.00", account.GetProperty("cashBalance").GetString());
        await using var db = Db();
        var credit = Assert.Single(await db.LedgerEntries.Where(e => e.AccountId == accountId).ToListAsync());
        Assert.Equal(LedgerEntryKind.Recharge, credit.Kind);
        Assert.Equal(1_000_000, credit.AmountUnits);
    }

    /// <summary>
    /// B7, B8, I5 across nodes: a suspension run on node A, a restoring credit confirmed on node A and a revocation
    /// written to the database by neither node are all seen by node B's very next entitlement call, however often B
    /// answered for that key before (docs/scale-out.md: no per-node cache on PostgreSQL).
    /// </summary>
    [Fact]
    public async Task B7_B8_I5_ChangesMadeThroughNodeA_AreSeenByNodeBsVeryNextCall()
    {
        var (accountId, key) = await TwoNodeWorld.NewAccountWithKeyAsync(nodeA);
        var onB = nodeB.Client(key);
        async Task<(string?, bool)> AskBAsync()
        {
            var first = JsonDocument.Parse(await onB.GetStringAsync("/api/v1/entitlement?service=RP")).RootElement;
            var second = JsonDocument.Parse(await onB.GetStringAsync("/api/v1/entitlement?service=RP")).RootElement;
            Assert.Equal(first.GetProperty("status").GetString(), second.GetProperty("status").GetString());
            return (second.GetProperty("status").GetString(), second.GetProperty("allowed").GetBoolean());
        }
        await using (var db = Db())
        {
            // A bill two days ago: past the default 24-hour grace period.
            var bill = await db.PostAsync(new PostLedgerEntryCommand(accountId, LedgerEntryKind.DailyBill, Money.Yuan(-3m), "two-node",
                "two-node-bill-" + accountId), DateTime.UtcNow.AddDays(-2), default);
            Assert.True(bill.IsOk, bill.Error);
            await db.SaveChangesAsync();
        }

        var arrears = await AskBAsync();
        (await nodeA.Admin().PostAsync("/api/v1/admin/jobs/arrears-enforcement/run", null)).EnsureSuccessStatusCode();
        var suspended = await AskBAsync();
        var created = await nodeA.Client(key).PostAsJsonAsync("/api/v1/recharges", new { amount = "3.00", method = "offline" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var rechargeId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("rechargeId").GetGuid();
        (await nodeA.Admin().PostAsJsonAsync($"/api/v1/admin/recharges/{rechargeId}/confirm", new { amountReceived = "3.00" }))
            .EnsureSuccessStatusCode();
        var restored = await AskBAsync();
        await using (var db = Db())
        {
            var stored = await db.ApiKeys.SingleAsync(k => k.AccountId == accountId);
            stored.Revoke(DateTime.UtcNow);
            await db.SaveChangesAsync();
        }
        var afterRevocation = await onB.GetAsync("/api/v1/entitlement?service=RP");

        Assert.Equal(("arrears", true), arrears);
        Assert.Equal(("suspended", false), suspended);
        Assert.Equal(("active", true), restored);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevocation.StatusCode);
    }

    private static Task<HttpResponseMessage> Notify(AppNode node, Guid rechargeId, string amount)
    {
        var body = $"{{\"notificationId\":\"n-{rechargeId:N}\",\"rechargeId\":\"{rechargeId}\",\"tradeNo\":\"T-{rechargeId:N}\",\"amount\":\"{amount}\",\"status\":\"paid\"}}";
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(AppNode.SigningKey), Encoding.UTF8.GetBytes(ts + "." + body));
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payments/notify/sandbox")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Sandbox-Timestamp", ts);
        request.Headers.Add("X-Sandbox-Signature", Convert.ToHexStringLower(mac));
        return node.Client().SendAsync(request);
    }
}
