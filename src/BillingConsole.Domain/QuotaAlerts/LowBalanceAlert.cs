using BillingConsole.Domain.Common;

namespace BillingConsole.Domain.QuotaAlerts;

/// <summary>A low-balance alert to send (SPEC A6) and what it saw. Store it with a unique index on
/// <see cref="OccurrenceKey"/>, like <see cref="QuotaAlert"/>.</summary>
public sealed record LowBalanceAlert
{
    /// <summary><c>{accountId}:lowbalance:arm{armCount}</c>; see <see cref="QuotaAlertOccurrenceKeys"/>.</summary>
    public required string OccurrenceKey { get; init; }
    public required Guid AccountId { get; init; }
    public required Money Balance { get; init; }
    public required Money Threshold { get; init; }
    public required BalanceMovement Cause { get; init; }
    public required DateTime AtUtc { get; init; }
}
