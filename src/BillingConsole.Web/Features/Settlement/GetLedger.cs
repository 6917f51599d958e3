using System.Text.RegularExpressions;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.Ledger;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Settlement;

/// <summary>Ledger entries (收支明细) of one account created on the range's billing days.</summary>
public sealed record GetLedgerQuery(Guid AccountId, DayRange Range);

public sealed record LedgerRow(Guid EntryId, DateTime TimeUtc, LedgerEntryKind Kind, Money Amount, Money BalanceAfter,
    string Reference, string? Description)
{
    /// <summary>What the entry is about, as data: the console writes its description from it in the reader's language.</summary>
    public LedgerSubject Subject { get; init; } = LedgerSubject.Other;

    /// <summary>The API's kind: lower-case snake case ("daily_bill", "pack_purchase").</summary>
    public string KindName => KindNames.Of(Kind);
}

public static partial class KindNames
{
    public static string Of(LedgerEntryKind kind) => Words().Replace(kind.ToString(), "$1_$2").ToLowerInvariant();

    [GeneratedRegex("([a-z])([A-Z])")]
    private static partial Regex Words();
}

public sealed class GetLedgerHandler(IDbContextFactory<BillingDbContext> dbFactory, BillingCalendar calendar)
{
    /// <summary>Oldest first (API.md); each row's balance after it is the running balance.</summary>
    public async Task<IReadOnlyList<LedgerRow>> HandleAsync(GetLedgerQuery query, CancellationToken ct)
    {
        var start = calendar.DayStartUtc(query.Range.From);
        var end = calendar.DayEndUtc(query.Range.To);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = await db.LedgerEntries.AsNoTracking()
            .Where(e => e.AccountId == query.AccountId && e.CreatedAtUtc >= start && e.CreatedAtUtc < end)
            .OrderBy(e => e.Sequence)
            .ToListAsync(ct);
        var subjects = await LedgerSubjects.ReadAsync(db, entries, ct);
        return entries.Select(e => new LedgerRow(e.Id, e.CreatedAtUtc, e.Kind, e.Amount, e.BalanceAfter, e.Reference,
            e.Description) { Subject = subjects[e.Id] }).ToList();
    }
}
