using BillingConsole.Domain.Notifications;
using BillingConsole.Domain.QuotaAlerts;
using BillingConsole.Domain.ResourcePacks;
using BillingConsole.Domain.Webhooks;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.QuotaAlerts;
using BillingConsole.Web.Features.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Forecasts;

/// <summary>
/// SPEC F4: after a purchase, upgrade or renewal, the latest quota alert of each pack type and kind that is no longer
/// true because the total grew (ratio now above the threshold, or something left after exhaustion) sends one
/// "recovered" message (message center, e-mail) and a <c>quota_alert.recovered</c> event. The event's unique key
/// (<c>quota_alert.recovered:{occurrenceId}</c>) is what makes it once, on any number of nodes.
/// </summary>
public sealed class QuotaAlertRecoveryHandler(IDbContextFactory<BillingDbContext> dbFactory, WebhookEventData data,
    TimeProvider clock)
{
    public async Task<int> HandleAsync(Guid accountId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var occurrences = (await db.AlertOccurrences.AsNoTracking()
                .Where(o => o.AccountId == accountId && o.Kind != AlertOccurrence.KindLowBalance && o.PackTypeCode != null)
                .ToListAsync(ct))
            .GroupBy(o => (o.PackTypeCode, o.Kind)).Select(g => g.OrderByDescending(o => o.AtUtc).First()).ToList();
        if (occurrences.Count == 0) return 0;
        var holdings = await db.ResourcePacks.AsNoTracking()
            .Where(p => p.AccountId == accountId && (p.Status == PackStatus.Active || p.Status == PackStatus.Exhausted))
            .GroupBy(p => p.PackTypeCode)
            .Select(g => new { Code = g.Key, Remaining = g.Sum(p => p.Remaining), Total = g.Sum(p => p.Total) })
            .ToDictionaryAsync(h => h.Code, ct);
        var keys = occurrences.Select(o => $"quota_alert.recovered:{o.Id}").ToList();
        var done = (await db.WebhookEvents.AsNoTracking().Where(e => e.AccountId == accountId && keys.Contains(e.EventKey))
            .Select(e => e.EventKey).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var names = await db.PackTypes.AsNoTracking().ToDictionaryAsync(t => t.Code, t => (t.Name, t.NameEn), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var recipients = await AlertRecipients.ResolveAsync(db, accountId, ct);
        var sent = 0;
        foreach (var o in occurrences.Where(o => !done.Contains($"quota_alert.recovered:{o.Id}")))
        {
            if (!holdings.TryGetValue(o.PackTypeCode!, out var h) || h.Total <= (o.Total ?? 0)) continue; // the total did not grow
            var recovered = o.Kind == AlertOccurrence.KindExhausted
                ? h.Remaining > 0
                : h.Remaining * 100 > h.Total * (o.ThresholdPercent ?? 0);
            if (!recovered) continue;
            var (zh, en) = names.TryGetValue(o.PackTypeCode!, out var n) ? n : (o.PackTypeCode!, o.PackTypeCode!);
            var title = $"{zh}额度预警已解除 · {en} quota alert recovered";
            var body = $"资源包类型 {zh}（{o.PackTypeCode}）总量增加后剩余 {h.Remaining:N0} / {h.Total:N0}，" +
                       $"已不再低于预警阈值。\n\nPack type {en} ({o.PackTypeCode}) now has {h.Remaining:N0} of {h.Total:N0} left " +
                       "after its total grew: the alert no longer holds.";
            var notification = Notification.Create(accountId, Notification.KindQuotaAlert, title, body, now);
            db.Notifications.Add(notification);
            foreach (var to in recipients)
            {
                db.OutboundEmails.Add(OutboundEmail.Create(notification.Id, to, "[费用中心 BillingConsole] " + title, body, now));
            }
            db.WebhookEvents.Add(WebhookEvent.Create(accountId, WebhookEventTypes.QuotaAlertRecovered,
                $"quota_alert.recovered:{o.Id}", data.Data(accountId, "/packs", new
                {
                    occurrenceId = o.Id.ToString(), packType = o.PackTypeCode, kind = o.Kind, thresholdPercent = o.ThresholdPercent,
                    remaining = h.Remaining.ToString(), total = h.Total.ToString(),
                }), now));
            sent++;
        }
        if (sent == 0) return 0;
        try
        {
            await db.SaveChangesAsync(ct);
            return sent;
        }
        catch (DbUpdateException)
        {
            return 0; // another node recorded the recovery
        }
    }
}
