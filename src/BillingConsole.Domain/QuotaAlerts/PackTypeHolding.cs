using BillingConsole.Domain.Pricing;

namespace BillingConsole.Domain.QuotaAlerts;

/// <summary>
/// What an account holds of one pack type right now (SPEC A3): Σ remaining and Σ total over the type's packs now in
/// validity; for monthly-cycle types this month's allowance.
/// </summary>
/// <param name="ArmEpoch">
/// Any whole number that changes whenever the type's total grows by purchase, grant, upgrade or renewal (A2), and never
/// returns to an earlier value. Recommended: the lifetime Σ total over the account's packs of the type that have taken
/// effect (effective ≤ now), in any status (active, exhausted, expired, unsubscribed). It only grows (purchases and
/// grants add packs, P8/P9 grow a pack's total, a future-dated grant counts from its effective time), needs no extra
/// column and is the same on every node. Ignored for monthly-cycle types, whose thresholds re-arm by month instead.
/// </param>
public sealed record PackTypeHolding(string PackTypeCode, PackCycle Cycle, long Remaining, long Total, long ArmEpoch);
