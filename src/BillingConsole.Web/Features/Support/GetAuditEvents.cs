using System.Globalization;
using System.Text;
using BillingConsole.Domain.Audit;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Support;

/// <summary>Filters of the audit log page and its CSV export; dates are UTC instants, <c>To</c> exclusive.</summary>
public sealed record AuditQuery(string? Actor = null, Guid? AccountId = null, string? Action = null,
    DateTime? FromUtc = null, DateTime? ToUtc = null, int Take = 200);

public sealed class GetAuditEventsHandler(IDbContextFactory<BillingDbContext> dbFactory)
{
    public const int MaxExport = 100_000;

    public async Task<IReadOnlyList<AuditEvent>> HandleAsync(AuditQuery query, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            var actor = "%" + query.Actor.Trim() + "%";
            rows = rows.Where(e => EF.Functions.Like(e.ActorEmail, actor) || e.ActorUserId == query.Actor.Trim());
        }
        if (query.AccountId is { } account) rows = rows.Where(e => e.ActingForAccountId == account);
        if (!string.IsNullOrWhiteSpace(query.Action)) rows = rows.Where(e => e.Action.StartsWith(query.Action.Trim()));
        if (query.FromUtc is { } from) rows = rows.Where(e => e.AtUtc >= from);
        if (query.ToUtc is { } to) rows = rows.Where(e => e.AtUtc < to);
        return await rows.OrderByDescending(e => e.Id).Take(Math.Clamp(query.Take, 1, MaxExport)).ToListAsync(ct);
    }

    /// <summary>The same rows as CSV (RFC 4180), oldest first, for spreadsheets and auditors.</summary>
    public async Task<string> ExportCsvAsync(AuditQuery query, CancellationToken ct)
    {
        var rows = await HandleAsync(query with { Take = MaxExport }, ct);
        var csv = new StringBuilder("Id,AtUtc,ActorEmail,ActorUserId,ActingForAccountId,Action,Subject,Details,IpAddress,UserAgent\r\n");
        foreach (var e in rows.Reverse())
        {
            string?[] fields = [e.Id.ToString(CultureInfo.InvariantCulture), e.AtUtc.ToString("O", CultureInfo.InvariantCulture),
                e.ActorEmail, e.ActorUserId, e.ActingForAccountId?.ToString(), e.Action, e.Subject, e.Details, e.IpAddress, e.UserAgent];
            csv.AppendJoin(',', fields.Select(Escape)).Append("\r\n");
        }
        return csv.ToString();
    }

    // Quotes every field that needs it; a leading = + - @ is prefixed so spreadsheets never run it as a formula.
    private static string Escape(string? field)
    {
        if (string.IsNullOrEmpty(field)) return "";
        if (field[0] is '=' or '+' or '-' or '@') field = "'" + field;
        return field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
    }
}
