using BillingConsole.Domain.Pricing;

namespace BillingConsole.Domain.QuotaAlerts;

/// <summary>
/// A quota alert to send (message center and e-mail, SPEC A5) and what it saw. Store it with a unique index on
/// <see cref="OccurrenceKey"/>: a second insert of the same key means another run already sent it.
/// </summary>
public sealed record QuotaAlert
{
    /// <summary>Deterministic once-only key; see <see cref="QuotaAlertOccurrenceKeys"/>.</summary>
    public required string OccurrenceKey { get; init; }
    public required Guid AccountId { get; init; }
    public required string PackTypeCode { get; init; }
    public required PackCycle Cycle { get; init; }
    public required QuotaAlertKind Kind { get; init; }
    public required long Remaining { get; init; }
    public required long Total { get; init; }
    /// <summary>Remaining / total in percent, rounded up to 2 decimals so that it never shows more than the threshold
    /// it crossed and never shows 0.00 while something remains.</summary>
    public required decimal RatioPercent { get; init; }
    public required int ThresholdPercent { get; init; }
    public required DateTime AtUtc { get; init; }
    public required QuotaAlertTrigger Trigger { get; init; }
    /// <summary>The natural month (first day, billing time zone) for monthly-cycle types; null otherwise.</summary>
    public DateOnly? Month { get; init; }
}
