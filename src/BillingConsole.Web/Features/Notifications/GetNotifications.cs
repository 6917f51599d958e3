using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Notifications;

/// <summary>Filters of the message center: a kind (<c>quota_alert</c>, <c>low_balance</c>) and unread only.</summary>
public sealed record GetNotificationsQuery(Guid AccountId, string? Kind = null, bool UnreadOnly = false, int Take = 200);

public sealed record NotificationRow(Guid NotificationId, string Kind, DateTime CreatedAtUtc, DateTime? ReadAtUtc,
    string Title, string Body, string? PackType, int? ThresholdPercent, long? Remaining, long? Total,
    decimal? RatioPercent, string? Trigger)
{
    public bool IsRead => ReadAtUtc is not null;

    /// <summary>What the alert saw, from its occurrence: the console writes the message from it in the reader's language.</summary>
    public AlertFacts? Facts { get; init; }
}

/// <summary>The occurrence behind a message: its kind (<c>ratio</c>, <c>exhausted</c>, <c>low_balance</c>) and the amounts a low-balance alert saw.</summary>
public sealed record AlertFacts(string Kind, long? BalanceUnits, long? ThresholdUnits);

/// <summary>The message center (消息中心, SPEC A5), newest first, and its unread count for the app bar.</summary>
public sealed class GetNotificationsHandler(IDbContextFactory<BillingDbContext> dbFactory)
{
    public async Task<IReadOnlyList<NotificationRow>> HandleAsync(GetNotificationsQuery query, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.Notifications.AsNoTracking().Where(n => n.AccountId == query.AccountId);
        if (!string.IsNullOrEmpty(query.Kind)) q = q.Where(n => n.Kind == query.Kind);
        if (query.UnreadOnly) q = q.Where(n => n.ReadAtUtc == null);
        var rows = await q.OrderByDescending(n => n.CreatedAtUtc).Take(query.Take).ToListAsync(ct);
        var occurrenceIds = rows.Where(n => n.OccurrenceId is not null).Select(n => n.OccurrenceId!.Value).ToList();
        var facts = occurrenceIds.Count == 0 ? [] : await db.AlertOccurrences.AsNoTracking()
            .Where(o => occurrenceIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => new AlertFacts(o.Kind, o.BalanceUnits, o.ThresholdUnits), ct);
        return rows.Select(n => new NotificationRow(n.Id, n.Kind, n.CreatedAtUtc, n.ReadAtUtc, n.Title, n.Body,
            n.PackTypeCode, n.ThresholdPercent, n.Remaining, n.Total, n.RatioPercent, n.Trigger)
        {
            Facts = n.OccurrenceId is { } id ? facts.GetValueOrDefault(id) : null,
        }).ToList();
    }

    public async Task<int> CountUnreadAsync(Guid accountId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Notifications.CountAsync(n => n.AccountId == accountId && n.ReadAtUtc == null, ct);
    }
}
