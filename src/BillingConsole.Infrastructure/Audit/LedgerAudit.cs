using BillingConsole.Domain.Audit;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.Ledger;

namespace BillingConsole.Infrastructure.Audit;

/// <summary>The audit row every ledger entry gets (written by the save interceptor, or by a bulk writer itself).</summary>
public static class LedgerAudit
{
    public static AuditEvent For(LedgerEntry e, BillingActor actor, DateTime atUtc) => AuditEvent.Create(
        atUtc, actor.UserId, actor.Email, e.AccountId,
        "ledger." + e.Kind.ToString().ToLowerInvariant(), e.Reference,
        $"amount {Money.FromUnits(e.AmountUnits).ToFenString()}, balance after " +
        $"{Money.FromUnits(e.BalanceAfterUnits).ToFenString()}, key {e.IdempotencyKey}",
        actor.IpAddress, actor.UserAgent);
}
