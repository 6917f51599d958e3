using BillingConsole.Domain.Common;
using BillingConsole.Domain.Pricing;
using BillingConsole.Domain.ResourcePacks;

namespace BillingConsole.Web.Features.ResourcePacks;

/// <summary>A pack instance as pages and the API show it (SPEC P1).</summary>
public sealed record PackRow(Guid PackId, string PackType, string PackTypeName, string SpecId, PackCycle Cycle,
    PackOrigin Origin, long Total, long Remaining, DateTime EffectiveAtUtc, DateTime ExpiresAtUtc, DateTime PurchasedAtUtc,
    PackStatus Status, Money Paid, Money SpecPrice, string? PackTypeNameEn = null);

/// <summary>Turns stored packs into what a person sees at a given moment.</summary>
public static class PackViews
{
    /// <summary>
    /// A pack past its expiry reads as expired even before the lifecycle job has marked it, so nobody sees a
    /// lapsed pack as active for up to an hour.
    /// </summary>
    public static PackStatus StatusAt(ResourcePack pack, DateTime nowUtc) =>
        pack.Status is PackStatus.Active or PackStatus.Exhausted && nowUtc >= pack.ExpiresAtUtc
            ? PackStatus.Expired
            : pack.Status;

    /// <summary>
    /// A cyclic pack's stored remaining belongs to its last period; in a newer period the full allowance is
    /// available (the reset is applied lazily by deductions and the lifecycle job), so show that.
    /// </summary>
    public static long RemainingAt(ResourcePack pack, DateTime nowUtc, BillingCalendar calendar)
    {
        if (!pack.IsCyclic || pack.PeriodStartUtc is not { } period) return pack.Remaining;
        var current = pack.Cycle == PackCycle.Monthly
            ? calendar.MonthStartUtc(calendar.MonthOf(nowUtc))
            : calendar.HourStartUtc(nowUtc);
        return current > period && nowUtc < pack.ExpiresAtUtc ? pack.Allowance : pack.Remaining;
    }

    public static PackRow ToRow(ResourcePack pack, string typeName, DateTime nowUtc, BillingCalendar calendar,
        string? typeNameEn = null) =>
        new(pack.Id, pack.PackTypeCode, typeName, pack.SpecId, pack.Cycle, pack.Origin, pack.Total,
            RemainingAt(pack, nowUtc, calendar), pack.EffectiveAtUtc, pack.ExpiresAtUtc, pack.PurchasedAtUtc,
            StatusAt(pack, nowUtc), pack.Paid, Money.FromUnits(pack.SpecPriceUnits), typeNameEn);

    public static string StatusName(PackStatus status) => status.ToString().ToLowerInvariant();

    public static string CycleName(PackCycle cycle) => cycle.ToString().ToLowerInvariant();

    /// <summary>English with the billing center's Chinese term, as the console labels things.</summary>
}
