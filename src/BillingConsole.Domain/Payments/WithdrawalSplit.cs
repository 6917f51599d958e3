using BillingConsole.Domain.Common;

namespace BillingConsole.Domain.Payments;

/// <summary>
/// SPEC R5: money from Alipay / online-banking recharges younger than 3 months goes back by the original route, the
/// rest by bank transfer. The balance does not remember which recharge its money came from, so we take the newest
/// eligible recharges first (the money most recently paid in is the money still there) and never refund a recharge
/// beyond what it credited minus what earlier withdrawals already refunded from it.
/// </summary>
public static class WithdrawalSplit
{
    public const int OriginalRouteMonths = 3;

    public static IReadOnlyList<WithdrawalLine> Compute(Money amount, IEnumerable<RefundableRecharge> recharges, DateTime nowUtc)
    {
        var cutoff = nowUtc.AddMonths(-OriginalRouteMonths);
        var lines = new List<WithdrawalLine>();
        var left = amount;
        foreach (var r in recharges.Where(r => r.Method.IsGateway() && r.CompletedAtUtc > cutoff)
                     .OrderByDescending(r => r.CompletedAtUtc).ThenBy(r => r.RechargeId))
        {
            if (!left.IsPositive) break;
            var refundable = r.Credited - r.AlreadyRefunded;
            if (!refundable.IsPositive) continue;
            var part = Money.Min(refundable, left);
            lines.Add(new WithdrawalLine(WithdrawalRoute.OriginalRoute, r.RechargeId, part));
            left -= part;
        }
        if (left.IsPositive) lines.Add(new WithdrawalLine(WithdrawalRoute.BankTransfer, null, left));
        return lines;
    }
}
