using BillingConsole.Domain.Common;
using BillingConsole.Domain.Payments;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.Recharge;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Alipay;

/// <summary>
/// The <c>payment-reconciliation</c> job (API.md): asks <c>alipay.trade.query</c> about every Alipay / online-banking
/// recharge pending longer than QueryAfter, credits a paid one through the same code as a notification (so a racing
/// notification and the query credit once), closes and fails an unpaid one past OrderTimeout, then retries refunds
/// that have not succeeded yet. A lost notification never means lost money.
/// </summary>
public sealed class AlipayReconciliation(IDbContextFactory<BillingDbContext> dbFactory, AlipayCredentials credentials,
    AlipayClient client, CompleteRechargeHandler complete, GatewayEvents events, AlipayRefunds refunds, TimeProvider clock)
{
    public async Task<string> RunAsync(CancellationToken ct)
    {
        if (!credentials.Enabled) return "Alipay is not configured; nothing to reconcile.";
        var now = clock.GetUtcNow().UtcDateTime;
        var queryBefore = now - credentials.Options.QueryAfter;
        List<(Guid Id, long Units, DateTime CreatedAtUtc)> pending;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            pending = (await db.Recharges.AsNoTracking()
                    .Where(r => r.Status == RechargeStatus.Pending
                                && (r.Method == RechargeMethod.Alipay || r.Method == RechargeMethod.Bank)
                                && r.CreatedAtUtc <= queryBefore)
                    .OrderBy(r => r.CreatedAtUtc).Take(500)
                    .Select(r => new { r.Id, r.AmountUnits, r.CreatedAtUtc }).ToListAsync(ct))
                .Select(r => (r.Id, r.AmountUnits, r.CreatedAtUtc)).ToList();
        }
        int credited = 0, failed = 0, errors = 0;
        foreach (var (id, units, createdAt) in pending)
        {
            var outcome = await ReconcileAsync(id, Money.FromUnits(units), now - createdAt > credentials.Options.OrderTimeout, ct);
            if (outcome == Outcome.Credited) credited++;
            else if (outcome == Outcome.Failed) failed++;
            else if (outcome == Outcome.Error) errors++;
        }
        var refunded = await refunds.RetryPendingAsync(ct);
        return $"{pending.Count} pending Alipay orders queried: {credited} credited, {failed} closed as failed, {errors} gateway errors; {refunded}";
    }

    private enum Outcome { Unchanged, Credited, Failed, Error }

    private async Task<Outcome> ReconcileAsync(Guid rechargeId, Money amount, bool timedOut, CancellationToken ct)
    {
        var outTradeNo = AlipayBizContent.OutTradeNo(rechargeId);
        var (answer, error, raw) = await client.CallAsync("alipay.trade.query",
            AlipayBizContent.Write(("out_trade_no", outTradeNo)), ct);
        if (answer is null)
        {
            await events.RecordAsync("query", rechargeId, null, "error", error!, raw, ct);
            return Outcome.Error;
        }
        var status = answer.Text("trade_status");
        if (answer.IsSuccess && status is "TRADE_SUCCESS" or "TRADE_FINISHED")
        {
            if (answer.Text("out_trade_no") != outTradeNo)
            {
                await events.RecordAsync("query", rechargeId, null, "refused", "the answer is about another order", raw, ct);
                return Outcome.Error;
            }
            if (!Money.TryParse(answer.Text("total_amount"), 2, out var paid) || paid != amount)
            {
                await events.RecordAsync("query", rechargeId, null, "refused",
                    $"total_amount {answer.Text("total_amount")} does not match the order ({amount.ToFenString()})", raw, ct);
                return Outcome.Error;
            }
            var result = await complete.PayByGatewayAsync(rechargeId, paid, answer.Text("trade_no") ?? "?", ct, "alipay");
            await events.RecordAsync("query", rechargeId, null, result.IsOk ? "accepted" : "refused",
                result.IsOk ? $"{status}: credited (once)" : result.Error ?? "not payable", raw, ct);
            return result.IsOk ? Outcome.Credited : Outcome.Error;
        }
        if (answer.IsSuccess && status == "TRADE_CLOSED")
        {
            await complete.FailAsync(rechargeId, ct);
            await events.RecordAsync("query", rechargeId, null, "accepted", "TRADE_CLOSED: marked failed", raw, ct);
            return Outcome.Failed;
        }
        var notExist = answer.SubCode == "ACQ.TRADE_NOT_EXIST";
        if (!answer.IsSuccess && !notExist)
        {
            await events.RecordAsync("query", rechargeId, null, "error", answer.Summary, raw, ct);
            return Outcome.Error;
        }
        return timedOut ? await CloseAsync(rechargeId, outTradeNo, ct) : Outcome.Unchanged;
    }

    private async Task<Outcome> CloseAsync(Guid rechargeId, string outTradeNo, CancellationToken ct)
    {
        var (answer, error, raw) = await client.CallAsync("alipay.trade.close",
            AlipayBizContent.Write(("out_trade_no", outTradeNo)), ct);
        // Closed now, or never created at Alipay (the payer never opened the cashier): either way it can no longer be paid.
        if (answer is not null && (answer.IsSuccess || answer.SubCode == "ACQ.TRADE_NOT_EXIST"))
        {
            await complete.FailAsync(rechargeId, ct);
            await events.RecordAsync("close", rechargeId, null, "accepted", "unpaid past OrderTimeout: closed, marked failed", raw, ct);
            return Outcome.Failed;
        }
        await events.RecordAsync("close", rechargeId, null, "error", error ?? answer!.Summary, raw, ct);
        return Outcome.Error;
    }
}
