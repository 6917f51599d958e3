using BillingConsole.Domain.Accounts;
using BillingConsole.Domain.Payments;
using BillingConsole.Domain.QuotaAlerts;
using BillingConsole.Domain.ResourcePacks;
using BillingConsole.Domain.Webhooks;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Webhooks;

/// <summary>
/// The one hook point of the webhook events: it reads what the existing code paths already wrote (bills, recharges,
/// alert occurrences, account status, pack expiries) for the accounts that have an enabled endpoint, and turns each
/// fact into an event under its unique key (<c>bill.issued:{billId}</c>…), so the same fact seen twice, or by two
/// nodes, is one event. Facts older than a day, or than the account's first endpoint, are not replayed. Nothing is
/// written for accounts without endpoints (a daily run's million bills cost no outbox rows). Forecast, budget and
/// recovered events are added by their own evaluators with <see cref="WebhookOutbox"/>.
/// </summary>
public sealed class EmitWebhookEventsHandler(IDbContextFactory<BillingDbContext> dbFactory, WebhookEventData data,
    TimeProvider clock)
{
    public static readonly TimeSpan Lookback = TimeSpan.FromDays(1);
    public static readonly TimeSpan PackNotice = TimeSpan.FromDays(7);

    public async Task<int> HandleAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<(Guid AccountId, DateTime Since)> accounts;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            accounts = (await db.WebhookEndpoints.AsNoTracking().Where(e => e.Enabled)
                    .GroupBy(e => e.AccountId)
                    .Select(g => new { g.Key, First = g.Min(e => e.CreatedAtUtc) })
                    .ToListAsync(ct))
                .Select(a => (a.Key, a.First > now - Lookback ? a.First : now - Lookback))
                .ToList();
        }
        var added = 0;
        foreach (var (accountId, since) in accounts)
        {
            added += await EmitAsync(accountId, since, now, ct);
        }
        return added;
    }

    private async Task<int> EmitAsync(Guid accountId, DateTime since, DateTime now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var facts = new List<WebhookEvent>();
        void Add(string type, string key, string path, object fields, DateTime at) =>
            facts.Add(WebhookEvent.Create(accountId, type, key, data.Data(accountId, path, fields), at));

        foreach (var b in await db.Bills.AsNoTracking()
                     .Where(b => b.AccountId == accountId && b.IssuedAtUtc >= since).ToListAsync(ct))
        {
            Add(WebhookEventTypes.BillIssued, $"bill.issued:{b.Id}", $"/bills?day={b.UsageDay:yyyy-MM-dd}",
                new { billId = b.Id.ToString(), usageDay = b.UsageDay.ToString("yyyy-MM-dd"),
                    payable = WebhookEventData.Amount(b.PayableUnits), outstanding = WebhookEventData.Amount(b.OutstandingUnits),
                    status = b.Status.ToString().ToLowerInvariant() }, b.IssuedAtUtc);
        }
        foreach (var r in await db.Recharges.AsNoTracking()
                     .Where(r => r.AccountId == accountId && r.Status == RechargeStatus.Succeeded && r.CompletedAtUtc >= since)
                     .ToListAsync(ct))
        {
            Add(WebhookEventTypes.RechargeSucceeded, $"recharge.succeeded:{r.Id}", "/recharge/history",
                new { rechargeId = r.Id.ToString(), amount = WebhookEventData.Amount(r.AmountReceivedUnits ?? r.AmountUnits),
                    method = r.Method.ToString().ToLowerInvariant(), completedAt = WebhookEventData.Time(r.CompletedAtUtc!.Value) },
                r.CompletedAtUtc!.Value);
        }
        foreach (var o in await db.AlertOccurrences.AsNoTracking()
                     .Where(o => o.AccountId == accountId && o.AtUtc >= since).ToListAsync(ct))
        {
            if (o.Kind == AlertOccurrence.KindLowBalance)
            {
                Add(WebhookEventTypes.BalanceLow, $"balance.low:{o.Id}", "/recharge",
                    new { occurrenceId = o.Id.ToString(), balance = WebhookEventData.Amount(o.BalanceUnits ?? 0),
                        threshold = WebhookEventData.Amount(o.ThresholdUnits ?? 0) }, o.AtUtc);
            }
            else
            {
                Add(WebhookEventTypes.QuotaAlertTriggered, $"quota_alert.triggered:{o.Id}", "/packs",
                    new { occurrenceId = o.Id.ToString(), packType = o.PackTypeCode, kind = o.Kind,
                        thresholdPercent = o.ThresholdPercent, remaining = o.Remaining?.ToString(), total = o.Total?.ToString(),
                        ratioPercent = o.RatioPercent?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
                        trigger = o.Trigger }, o.AtUtc);
            }
        }
        var horizon = now + PackNotice;
        foreach (var p in await db.ResourcePacks.AsNoTracking()
                     .Where(p => p.AccountId == accountId && p.Status == PackStatus.Active
                         && p.ExpiresAtUtc > now && p.ExpiresAtUtc <= horizon).ToListAsync(ct))
        {
            Add(WebhookEventTypes.PackExpiring, $"pack.expiring:{p.Id}:{p.ExpiresAtUtc.Ticks}", "/packs",
                new { packId = p.Id.ToString(), packType = p.PackTypeCode, specId = p.SpecId,
                    expiresAt = WebhookEventData.Time(p.ExpiresAtUtc), remaining = p.Remaining.ToString() }, now);
        }
        var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == accountId, ct);
        await AccountFactsAsync(db, account, since, now, Add, ct);
        return await WebhookOutbox.AddNewAsync(dbFactory, facts, ct);
    }

    private static async Task AccountFactsAsync(BillingDbContext db, Account account, DateTime since, DateTime now,
        Action<string, string, string, object, DateTime> add, CancellationToken ct)
    {
        var balance = WebhookEventData.Amount(account.BalanceUnits);
        if (account.ArrearsSinceUtc is { } arrears && arrears >= since)
        {
            add(WebhookEventTypes.AccountArrears, $"account.arrears:{arrears.Ticks}", "/recharge",
                new { balance, arrearsSince = WebhookEventData.Time(arrears) }, now);
        }
        if (account is { Status: AccountStatus.Suspended, SuspendedAtUtc: { } suspended } && suspended >= since)
        {
            add(WebhookEventTypes.AccountSuspended, $"account.suspended:{suspended.Ticks}", "/recharge",
                new { balance, suspendedAt = WebhookEventData.Time(suspended) }, now);
        }
        if (account is { Status: AccountStatus.Active, ArrearsSinceUtc: null })
        {
            // Restored: the last arrears or suspension event has no restored event yet.
            var last = await db.WebhookEvents.AsNoTracking()
                .Where(e => e.AccountId == account.Id
                    && (e.Type == WebhookEventTypes.AccountArrears || e.Type == WebhookEventTypes.AccountSuspended))
                .OrderByDescending(e => e.CreatedAtUtc).ThenByDescending(e => e.Type).Select(e => e.EventKey).FirstOrDefaultAsync(ct);
            if (last is not null)
            {
                var episode = last[(last.IndexOf(':') + 1)..];
                add(WebhookEventTypes.AccountRestored, $"account.restored:{episode}", "/", new { balance }, now);
            }
        }
    }
}
