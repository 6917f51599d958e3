using BillingConsole.Domain.Pricing;
using BillingConsole.Domain.ResourcePacks;

namespace BillingConsole.Web.Features.ResourcePacks;

/// <summary>One summary row of the overview (资源包概览): a pack type's packs now in validity, added up.</summary>
public sealed record PackTypeSummary(string PackType, string PackTypeName, PackCycle Cycle, long Total, long Used,
    long Remaining, decimal RemainingPercent, IReadOnlyList<PackRow> Instances)
{
    /// <summary>The English name of the type, when the catalog has one (the console shows the name of its culture).</summary>
    public string? PackTypeNameEn => Instances.Select(p => p.PackTypeNameEn).FirstOrDefault(n => n is not null);

    /// <summary>
    /// Totals count only packs in validity (active or exhausted), as the billing center does: an expired or
    /// unsubscribed pack is listed under its type but adds nothing. Cyclic packs count this period's allowance.
    /// The percentage is rounded down to one decimal so "nearly empty" never shows as more than it is.
    /// </summary>
    public static IReadOnlyList<PackTypeSummary> Summarize(IEnumerable<PackRow> packs) =>
        packs.GroupBy(p => p.PackType)
            .Select(g =>
            {
                var live = g.Where(p => p.Status is PackStatus.Active or PackStatus.Exhausted).ToList();
                var total = live.Sum(p => p.Total);
                var remaining = live.Sum(p => p.Remaining);
                var percent = total == 0 ? 0m : decimal.Round(remaining * 100m / total, 1, MidpointRounding.ToZero);
                return new PackTypeSummary(g.Key, g.First().PackTypeName, g.First().Cycle, total, total - remaining,
                    remaining, percent, g.OrderBy(p => p.ExpiresAtUtc).ToList());
            })
            .OrderBy(s => s.PackType, StringComparer.Ordinal)
            .ToList();
}
