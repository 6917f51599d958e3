using BillingConsole.Domain.Common;
using BillingConsole.Domain.Settlement;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Settlement;

/// <summary>Bills of one account whose day lies in the range, optionally only those with a service or a status.</summary>
public sealed record GetBillsQuery(Guid AccountId, DayRange Range, string? Service = null, BillStatus? Status = null);

public sealed record BillLineRow(string Service, DateOnly UsageDay, long Quantity, long PackDeductedQuantity,
    long BillableQuantity, Money UnitPrice, Money Gross, Money RoundDownDiscount, Money Payable);

public sealed record BillRow(Guid BillId, DateOnly UsageDay, DateTime IssuedAtUtc, Money Gross, Money RoundDownDiscount,
    Money Payable, Money Outstanding, BillStatus Status, IReadOnlyList<BillLineRow> Lines);

public sealed class GetBillsHandler(IDbContextFactory<BillingDbContext> dbFactory)
{
    /// <summary>Newest day first (the page and the export); the API reverses nothing, it lists as stored here.</summary>
    public async Task<IReadOnlyList<BillRow>> HandleAsync(GetBillsQuery query, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var bills = db.Bills.AsNoTracking().Include(b => b.Lines)
            .Where(b => b.AccountId == query.AccountId && b.UsageDay >= query.Range.From && b.UsageDay <= query.Range.To);
        if (query.Status is { } status) bills = bills.Where(b => b.Status == status);
        if (!string.IsNullOrWhiteSpace(query.Service))
        {
            bills = bills.Where(b => b.Lines.Any(l => l.MeterCode == query.Service));
        }
        var list = await bills.OrderByDescending(b => b.UsageDay).AsSplitQuery().ToListAsync(ct);
        return list.Select(ToRow).ToList();
    }

    private static BillRow ToRow(Bill b) => new(b.Id, b.UsageDay, b.IssuedAtUtc, b.Gross, b.RoundDownDiscount, b.Payable,
        b.Outstanding, b.Status, b.Lines.OrderBy(l => l.UsageDay).ThenBy(l => l.MeterCode, StringComparer.Ordinal)
            .Select(l => new BillLineRow(l.MeterCode, l.UsageDay, l.Quantity, l.PackDeductedQuantity, l.BillableQuantity,
                l.UnitPrice, l.Gross, l.RoundDownDiscount, l.Payable)).ToList());
}
