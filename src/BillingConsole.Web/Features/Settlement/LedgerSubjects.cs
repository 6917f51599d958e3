using System.Globalization;
using BillingConsole.Domain.Ledger;
using BillingConsole.Domain.Payments;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.Localization;
using BillingConsole.Web.Features.Pricing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace BillingConsole.Web.Features.Settlement;

/// <summary>The business event behind a ledger entry, recognised by its idempotency key (<c>bill:</c>, <c>pack-purchase:</c>…).</summary>
public enum LedgerTopic
{
    Other, DailyBill, PackPurchase, PackRenewal, PackUpgrade, PackRefund, LicencePurchase, LicenceRenewal, Recharge,
    Withdrawal, WithdrawalReturned, OpeningBalance,
}

/// <summary>
/// What a ledger entry is about, as data (the bill's day, the pack's spec, the recharge's method): descriptions are
/// written from it in the reader's language rather than shown as the text stored at posting time (issue #15).
/// </summary>
public sealed record LedgerSubject(LedgerTopic Topic, DateOnly? Day = null, string? SpecId = null, RechargeMethod? Method = null)
{
    public static LedgerSubject Other { get; } = new(LedgerTopic.Other);

    /// <summary>The description in the current culture; an entry of no known kind keeps its stored text.</summary>
    public string Describe(IStringLocalizer l, CatalogNameBook names, string? stored, string reference)
    {
        var spec = SpecId is null ? "" : names.Spec(l, SpecId);
        return Topic switch
        {
            LedgerTopic.DailyBill => l["Ledger.DailyBill", Day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""],
            LedgerTopic.PackPurchase => l["Ledger.PackPurchase", spec],
            LedgerTopic.PackRenewal => l["Ledger.PackRenewal", spec],
            LedgerTopic.PackUpgrade => l["Ledger.PackUpgrade", spec],
            LedgerTopic.PackRefund => l["Ledger.PackRefund", spec],
            LedgerTopic.LicencePurchase => l["Ledger.LicencePurchase"],
            LedgerTopic.LicenceRenewal => l["Ledger.LicenceRenewal"],
            LedgerTopic.Recharge => l["Ledger.Recharge", Method is { } m ? l.Label(m) : ""],
            LedgerTopic.Withdrawal => l["Ledger.Withdrawal"],
            LedgerTopic.WithdrawalReturned => l["Ledger.WithdrawalReturned"],
            LedgerTopic.OpeningBalance => l["Ledger.OpeningBalance"],
            _ => stored ?? reference,
        };
    }
}

internal static class LedgerSubjects
{
    public static async Task<Dictionary<Guid, LedgerSubject>> ReadAsync(BillingDbContext db, IReadOnlyList<LedgerEntry> entries,
        CancellationToken ct)
    {
        var ids = entries.Select(e => Guid.TryParse(e.Reference, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty)
            .Distinct().ToList();
        var specs = ids.Count == 0 ? [] : await db.ResourcePacks.AsNoTracking().Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.SpecId, ct);
        var methods = ids.Count == 0 ? [] : await db.Recharges.AsNoTracking().Where(r => ids.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => r.Method, ct);
        return entries.ToDictionary(e => e.Id, e => Of(e, specs, methods));
    }

    private static LedgerSubject Of(LedgerEntry e, Dictionary<Guid, string> specs, Dictionary<Guid, RechargeMethod> methods)
    {
        var key = e.IdempotencyKey;
        var prefix = key.Split(':')[0];
        Guid.TryParse(e.Reference, out var reference);
        var spec = specs.GetValueOrDefault(reference);
        return prefix switch
        {
            "bill" when DateOnly.TryParseExact(key[(key.LastIndexOf(':') + 1)..], "yyyy-MM-dd", CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var day) => new LedgerSubject(LedgerTopic.DailyBill, Day: day),
            "pack-purchase" => new LedgerSubject(LedgerTopic.PackPurchase, SpecId: spec),
            "pack-renewal" => new LedgerSubject(LedgerTopic.PackRenewal, SpecId: spec),
            "pack-upgrade" => new LedgerSubject(LedgerTopic.PackUpgrade, SpecId: spec),
            "pack-refund" => new LedgerSubject(LedgerTopic.PackRefund, SpecId: spec),
            "licence-purchase" => new LedgerSubject(LedgerTopic.LicencePurchase),
            "licence-renewal" => new LedgerSubject(LedgerTopic.LicenceRenewal),
            "recharge" => new LedgerSubject(LedgerTopic.Recharge,
                Method: methods.TryGetValue(reference, out var method) ? method : null),
            "withdrawal" => new LedgerSubject(LedgerTopic.Withdrawal),
            "withdrawal-rejected" => new LedgerSubject(LedgerTopic.WithdrawalReturned),
            _ when key.StartsWith("demo-opening-", StringComparison.Ordinal) => new LedgerSubject(LedgerTopic.OpeningBalance),
            _ => LedgerSubject.Other,
        };
    }
}
