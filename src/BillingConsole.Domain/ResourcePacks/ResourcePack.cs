using BillingConsole.Domain.Common;
using BillingConsole.Domain.Pricing;

namespace BillingConsole.Domain.ResourcePacks;

/// <summary>
/// A resource pack instance held by an account (SPEC P1). For non-cyclic packs <see cref="Total"/> and
/// <see cref="Remaining"/> cover the whole validity. For monthly- and hourly-cycle packs (SPEC P6, P7)
/// <see cref="Allowance"/> is the quantity per period, <see cref="Total"/> equals it, and <see cref="Remaining"/> is
/// what is left of the period starting at <see cref="PeriodStartUtc"/>; earlier periods live in the deduction records.
/// </summary>
/// <remarks>
/// An expired pack keeps its <see cref="Remaining"/> as the quantity that lapsed: it can no longer cover usage at or
/// after expiry, but usage that occurred before expiry is still deducted when its day is settled (SPEC P11).
/// </remarks>
public sealed partial class ResourcePack
{
    /// <summary>How long after purchase an unused pack may still be unsubscribed (SPEC P10).</summary>
    public static readonly TimeSpan UnsubscribeWindow = TimeSpan.FromDays(5);

    private ResourcePack()
    {
        PackTypeCode = string.Empty;
        SpecId = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    public string PackTypeCode { get; private set; }
    public string SpecId { get; private set; }
    public PackCycle Cycle { get; private set; }
    public long Total { get; private set; }
    public long Remaining { get; private set; }
    /// <summary>Quantity per cycle period; 0 for non-cyclic packs.</summary>
    public long Allowance { get; private set; }
    /// <summary>The cycle period <see cref="Remaining"/> belongs to; null for non-cyclic packs.</summary>
    public DateTime? PeriodStartUtc { get; private set; }
    /// <summary>Everything ever deducted, across all periods; an unsubscribe needs it to be zero (SPEC P10).</summary>
    public long ConsumedTotal { get; private set; }
    /// <summary>The spec's quantity as sold, the base for an upgrade's difference (SPEC P8).</summary>
    public long SpecQuantity { get; private set; }
    /// <summary>The spec's price as sold, so a later catalog price change does not distort an upgrade.</summary>
    public long SpecPriceUnits { get; private set; }
    public DateTime EffectiveAtUtc { get; private set; }
    public DateTime ExpiresAtUtc { get; private set; }
    public DateTime PurchasedAtUtc { get; private set; }
    public DateTime? UnsubscribedAtUtc { get; private set; }
    public PackStatus Status { get; private set; }
    public PackOrigin Origin { get; private set; }
    /// <summary>Cash paid for the pack, its upgrades and renewals, in <see cref="Money"/> units; refunded by P10.</summary>
    public long PaidUnits { get; private set; }
    public string? GrantReason { get; private set; }
    /// <summary>The staff user (or "admin-api") who granted the pack (SPEC P12 audit); null for bought packs.</summary>
    public string? GrantedBy { get; private set; }
    /// <summary>App-managed optimistic concurrency token, replaced on every change (STYLE §5).</summary>
    public Guid Version { get; private set; }

    public bool IsCyclic => Cycle != PackCycle.None;
    public Money Paid => Money.FromUnits(PaidUnits);

    /// <summary>
    /// Creates a pack that takes effect at once (purchase or trial: <paramref name="nowUtc"/> until the spec's validity
    /// in months, SPEC P3) or, for a staff grant, between the given times (SPEC P12).
    /// </summary>
    public static Result<ResourcePack> Create(
        Guid accountId, PackType type, PackSpec spec, PackOrigin origin, DateTime nowUtc, BillingCalendar calendar,
        DateTime? grantEffectiveAtUtc = null, DateTime? grantExpiresAtUtc = null, string? grantReason = null,
        string? grantedBy = null)
    {
        if (spec.PackTypeCode != type.Code)
        {
            throw new ArgumentException($"Spec {spec.SpecId} does not belong to pack type {type.Code}.", nameof(spec));
        }
        if (spec.Quantity <= 0 || spec.ValidityMonths <= 0)
        {
            throw new ArgumentException($"Spec {spec.SpecId} has no quantity or validity.", nameof(spec));
        }
        if (origin == PackOrigin.Trial && !spec.Trial) return Result<ResourcePack>.Invalid("This pack is not a trial pack.");
        if (origin == PackOrigin.Purchased && spec.Trial) return Result<ResourcePack>.Invalid("A trial pack cannot be bought.");

        var effective = nowUtc;
        var expires = PackPeriods.AddMonthsUtc(nowUtc, spec.ValidityMonths, calendar);
        if (origin == PackOrigin.Granted)
        {
            if (string.IsNullOrWhiteSpace(grantReason))
                return Result<ResourcePack>.Invalid("reason", "Give a reason for the grant.");
            if (grantEffectiveAtUtc is null || grantExpiresAtUtc is null)
                return Result<ResourcePack>.Invalid("A grant needs an effective time and an expiry time.");
            if (grantExpiresAtUtc <= grantEffectiveAtUtc)
                return Result<ResourcePack>.Invalid("expiresAt", "The expiry must be after the effective time.");
            effective = grantEffectiveAtUtc.Value;
            expires = grantExpiresAtUtc.Value;
        }

        var pack = new ResourcePack
        {
            Id = Guid.NewGuid(),
            AccountId = accountId,
            PackTypeCode = type.Code,
            SpecId = spec.SpecId,
            Cycle = type.Cycle,
            Total = spec.Quantity,
            Remaining = spec.Quantity,
            Allowance = type.Cycle == PackCycle.None ? 0 : spec.Quantity,
            PeriodStartUtc = type.Cycle == PackCycle.None ? null : PackPeriods.PeriodStartUtc(type.Cycle, effective, calendar),
            SpecQuantity = spec.Quantity,
            SpecPriceUnits = spec.PriceUnits,
            EffectiveAtUtc = effective,
            ExpiresAtUtc = expires,
            PurchasedAtUtc = nowUtc,
            Status = PackStatus.Active,
            Origin = origin,
            PaidUnits = origin == PackOrigin.Purchased ? spec.PriceUnits : 0,
            GrantReason = origin == PackOrigin.Granted ? grantReason!.Trim() : null,
            GrantedBy = origin == PackOrigin.Granted ? grantedBy : null,
            Version = RandomId.New(),
        };
        return Result<ResourcePack>.Ok(pack);
    }

    /// <summary>True when usage at <paramref name="usageAtUtc"/> lies in [effective, expiry) and before any unsubscribe (SPEC P4).</summary>
    public bool Covers(DateTime usageAtUtc) =>
        usageAtUtc >= EffectiveAtUtc && usageAtUtc < ExpiresAtUtc
        && (UnsubscribedAtUtc is null || usageAtUtc < UnsubscribedAtUtc);

    private void Touch() => Version = RandomId.New();
}
