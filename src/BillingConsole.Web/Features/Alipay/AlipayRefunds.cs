using BillingConsole.Domain.Payments;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.Recharge;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Alipay;

/// <summary>
/// Original-route withdrawals (SPEC R5) through <c>alipay.trade.refund</c>. At approval, one <see cref="GatewayRefund"/>
/// per original-route line of a recharge Alipay paid is written in the approval's own unit of work; each is then sent
/// with its fixed <c>out_request_no</c>, so a retry after a timeout or an error is the same request and Alipay refunds
/// it once. Failures stay pending, are shown to staff and retried by reconciliation.
/// </summary>
public sealed class AlipayRefunds(IDbContextFactory<BillingDbContext> dbFactory, AlipayCredentials credentials,
    AlipayClient client, GatewayEvents events, TimeProvider clock) : IOriginalRouteRefunds
{
    public async Task PlanAsync(BillingDbContext db, Withdrawal withdrawal, DateTime nowUtc, CancellationToken ct)
    {
        if (!credentials.Enabled) return;
        var lines = withdrawal.Lines.Where(l => l.Route == WithdrawalRoute.OriginalRoute && l.RechargeId != null).ToList();
        var ids = lines.Select(l => l.RechargeId!.Value).ToList();
        var alipay = await db.Recharges.AsNoTracking().Where(r => ids.Contains(r.Id) && r.PaidThrough == "alipay")
            .Select(r => r.Id).ToListAsync(ct);
        foreach (var line in lines.Where(l => alipay.Contains(l.RechargeId!.Value)))
        {
            db.GatewayRefunds.Add(GatewayRefund.For(withdrawal.Id, line.Id, line.RechargeId!.Value, withdrawal.AccountId,
                line.Amount, nowUtc));
        }
    }

    public async Task ExecuteAsync(Guid withdrawalId, CancellationToken ct)
    {
        if (!credentials.Enabled) return;
        List<Guid> ids;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            ids = await db.GatewayRefunds.Where(r => r.WithdrawalId == withdrawalId && r.Status == GatewayRefundStatus.Pending)
                .Select(r => r.Id).ToListAsync(ct);
        }
        foreach (var id in ids) await SendAsync(id, ct);
    }

    /// <summary>Every refund not yet succeeded (reconciliation); returns a summary.</summary>
    public async Task<string> RetryPendingAsync(CancellationToken ct)
    {
        List<Guid> ids;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            ids = await db.GatewayRefunds.Where(r => r.Status == GatewayRefundStatus.Pending).OrderBy(r => r.CreatedAtUtc)
                .Take(200).Select(r => r.Id).ToListAsync(ct);
        }
        var done = 0;
        foreach (var id in ids) if (await SendAsync(id, ct)) done++;
        return $"{done} of {ids.Count} pending refunds succeeded";
    }

    /// <summary>Sends one refund; true when Alipay confirmed it (now or before).</summary>
    public async Task<bool> SendAsync(Guid refundId, CancellationToken ct)
    {
        GatewayRefund? refund;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            refund = await db.GatewayRefunds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == refundId, ct);
        }
        if (refund is null || refund.Status == GatewayRefundStatus.Succeeded) return refund is not null;
        var biz = AlipayBizContent.Write(("out_trade_no", AlipayBizContent.OutTradeNo(refund.RechargeId)),
            ("refund_amount", AlipayBizContent.Amount(refund.Amount)), ("out_request_no", refund.OutRequestNo),
            ("refund_reason", "BillingConsole withdrawal"));
        var (answer, error, raw) = await client.CallAsync("alipay.trade.refund", biz, ct);
        if (answer is not null && !answer.IsSuccess) error = answer.Summary;
        await ConcurrencyRetry.ExecuteAsync(async attemptCt =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(attemptCt);
            var row = await db.GatewayRefunds.FirstAsync(r => r.Id == refundId, attemptCt);
            row.Attempted(error, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(attemptCt);
            return 0;
        }, ct);
        await events.RecordAsync("refund", refund.RechargeId, refund.WithdrawalId, error is null ? "accepted" : "error",
            error is null ? $"refunded {refund.Amount.ToFenString()} ({refund.OutRequestNo})" : error, raw, ct);
        return error is null;
    }
}
