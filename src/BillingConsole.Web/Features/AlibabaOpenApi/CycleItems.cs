using BillingConsole.Domain.Common;
using BillingConsole.Domain.Ledger;
using BillingConsole.Web.Features.Accounts;
using BillingConsole.Web.Features.ResourcePacks;
using BillingConsole.Web.Features.Settlement;

namespace BillingConsole.Web.Features.AlibabaOpenApi;

/// <summary>One daily bill line with its share of the bill's outstanding amount.</summary>
public sealed record CycleLine(BillRow Bill, BillLineRow Line, string Product, Money Outstanding);

/// <summary>
/// One row of <c>QueryBill</c>: a daily bill's part for one product (<c>PayAsYouGoBill</c>), a pack or licence order
/// (<c>SubscriptionOrder</c>), a pack refund (<c>Refund</c>, negative) or a charge by staff (<c>Adjustment</c>).
/// </summary>
public sealed record CycleItem(string Item, string Product, string SubscriptionType, string RecordId, DateTime TimeUtc,
    DateOnly? UsageDay, Money Gross, Money RoundDown, Money Pretax, Money Outstanding, string? TransactionId);

/// <summary>Everything billed in one billing cycle.</summary>
public sealed record CycleData(AccountSummary Account, DateOnly Cycle, BssCatalogView Catalog, IReadOnlyList<CycleLine> Lines,
    IReadOnlyList<CycleItem> Items);

/// <summary>
/// The bills and ledger of a billing cycle, from the console's own handlers (<see cref="GetBillsHandler"/>,
/// <see cref="GetLedgerHandler"/>, <see cref="GetPacksHandler"/>). Decisions (docs/alibaba-openapi.md): a bill belongs to the
/// month of its usage day; orders, refunds and adjustments to the month of their ledger entry, in the billing time zone.
/// A bill's outstanding part is assigned to its lines in service order, each taking up to its payable.
/// </summary>
public sealed class CycleItems(GetBillsHandler bills, GetLedgerHandler ledger, GetPacksHandler packs,
    GetAccountSummaryHandler accounts, BssCatalog catalog)
{
    public async Task<CycleData> LoadAsync(Guid accountId, DateOnly cycle, CancellationToken ct)
    {
        var account = await accounts.HandleAsync(accountId, ct) ?? throw new OpenApiException(OpenApiErrors.Forbidden);
        var view = await catalog.LoadAsync(ct);
        var range = new DayRange(cycle, cycle.AddMonths(1).AddDays(-1));
        var billRows = await bills.HandleAsync(new GetBillsQuery(accountId, range), ct);
        var entries = await ledger.HandleAsync(new GetLedgerQuery(accountId, range), ct);
        var billEntries = entries.Where(e => e.Kind == LedgerEntryKind.DailyBill)
            .GroupBy(e => e.Reference).ToDictionary(g => g.Key, g => g.First().EntryId.ToString());

        var lines = new List<CycleLine>();
        var items = new List<CycleItem>();
        foreach (var bill in billRows.OrderBy(b => b.UsageDay))
        {
            var left = bill.Outstanding;
            var billLines = bill.Lines.OrderBy(l => l.Service, StringComparer.Ordinal).ThenBy(l => l.UsageDay).Select(l =>
            {
                var share = Money.Min(left, Money.Max(Money.Zero, l.Payable));
                left -= share;
                return new CycleLine(bill, l, view.ProductOfMeter(l.Service), share);
            }).ToList();
            lines.AddRange(billLines);
            items.AddRange(billLines.GroupBy(l => l.Product).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new CycleItem(
                "PayAsYouGoBill", g.Key, "PayAsYouGo", bill.BillId.ToString(), bill.IssuedAtUtc, bill.UsageDay,
                Sum(g, l => l.Line.Gross), Sum(g, l => l.Line.RoundDownDiscount), Sum(g, l => l.Line.Payable),
                Sum(g, l => l.Outstanding), billEntries.GetValueOrDefault(bill.BillId.ToString()))));
        }

        var packTypes = (await packs.HandleAsync(accountId, ct)).ToDictionary(p => p.PackId.ToString(), p => p.PackType,
            StringComparer.OrdinalIgnoreCase);
        foreach (var e in entries)
        {
            var item = e.Kind switch
            {
                LedgerEntryKind.PackPurchase or LedgerEntryKind.LicencePurchase => "SubscriptionOrder",
                LedgerEntryKind.Refund when packTypes.ContainsKey(e.Reference) => "Refund",
                LedgerEntryKind.Adjustment when e.Amount.IsNegative => "Adjustment",
                _ => null,
            };
            if (item is null) continue;
            var product = packTypes.TryGetValue(e.Reference, out var type) ? view.ProductOfPackType(type)
                : e.Kind == LedgerEntryKind.LicencePurchase ? view.ProductOfMeter("OFFLINE_SDK") : view.MainProduct;
            var amount = -e.Amount;
            items.Add(new CycleItem(item, product, item == "Adjustment" ? "PayAsYouGo" : "Subscription", e.Reference, e.TimeUtc,
                null, amount, Money.Zero, amount, Money.Zero, e.EntryId.ToString()));
        }
        return new CycleData(account, cycle, view, lines,
            items.OrderBy(i => i.TimeUtc).ThenBy(i => i.RecordId, StringComparer.Ordinal).ThenBy(i => i.Product, StringComparer.Ordinal)
                .ToList());
    }

    public static Money Sum<T>(IEnumerable<T> rows, Func<T, Money> amount) => rows.Aggregate(Money.Zero, (s, r) => s + amount(r));
}
