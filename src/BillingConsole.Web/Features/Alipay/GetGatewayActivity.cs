using BillingConsole.Domain.Common;
using BillingConsole.Domain.Payments;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.Recharge;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Alipay;

public sealed record GatewayEventRow(DateTime AtUtc, string Kind, string Outcome, string Reason, string? Parameters,
    Guid? RechargeId, Guid? WithdrawalId);

public sealed record GatewayRefundRow(Guid RefundId, Guid WithdrawalId, Guid RechargeId, Money Amount, string OutRequestNo,
    GatewayRefundStatus Status, int Attempts, string? LastError, DateTime CreatedAtUtc, DateTime? CompletedAtUtc);

/// <summary>A recharge as staff see it: the order, what the gateway said about it, and the refunds against it.</summary>
public sealed record StaffRechargeDetail(RechargeRow Recharge, string AccountName, string? GatewayTradeNo, string? PaidThrough,
    IReadOnlyList<GatewayEventRow> Events, IReadOnlyList<GatewayRefundRow> Refunds);

public sealed class GetGatewayActivityHandler(IDbContextFactory<BillingDbContext> dbFactory, AlipayRefunds refunds)
{
    public async Task<StaffRechargeDetail?> RechargeAsync(Guid rechargeId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var r = await db.Recharges.AsNoTracking().FirstOrDefaultAsync(x => x.Id == rechargeId, ct);
        if (r is null) return null;
        var name = await db.Accounts.Where(a => a.Id == r.AccountId).Select(a => a.Name).FirstAsync(ct);
        var events = await db.GatewayEvents.AsNoTracking().Where(e => e.RechargeId == rechargeId)
            .OrderByDescending(e => e.AtUtc).Take(200).ToListAsync(ct);
        var refundRows = await db.GatewayRefunds.AsNoTracking().Where(x => x.RechargeId == rechargeId)
            .OrderBy(x => x.CreatedAtUtc).ToListAsync(ct);
        return new StaffRechargeDetail(RechargeRow.From(r), name, r.GatewayTradeNo, r.PaidThrough,
            events.Select(ToRow).ToList(), refundRows.Select(ToRow).ToList());
    }

    /// <summary>Recent refused or failed exchanges and refunds not yet confirmed: what staff should look at.</summary>
    public async Task<(IReadOnlyList<GatewayEventRow> Problems, IReadOnlyList<GatewayRefundRow> OpenRefunds)> ProblemsAsync(
        CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var problems = await db.GatewayEvents.AsNoTracking().Where(e => e.Outcome != "accepted")
            .OrderByDescending(e => e.AtUtc).Take(100).ToListAsync(ct);
        var open = await db.GatewayRefunds.AsNoTracking().Where(x => x.Status == GatewayRefundStatus.Pending)
            .OrderBy(x => x.CreatedAtUtc).Take(100).ToListAsync(ct);
        return (problems.Select(ToRow).ToList(), open.Select(ToRow).ToList());
    }

    /// <summary>Staff retry a refund now (it keeps its out_request_no, so it cannot refund twice).</summary>
    public Task<bool> RetryRefundAsync(Guid refundId, CancellationToken ct) => refunds.SendAsync(refundId, ct);

    private static GatewayEventRow ToRow(GatewayEvent e) =>
        new(e.AtUtc, e.Kind, e.Outcome, e.Reason, e.Parameters, e.RechargeId, e.WithdrawalId);

    private static GatewayRefundRow ToRow(GatewayRefund x) => new(x.Id, x.WithdrawalId, x.RechargeId, x.Amount, x.OutRequestNo,
        x.Status, x.Attempts, x.LastError, x.CreatedAtUtc, x.CompletedAtUtc);
}
