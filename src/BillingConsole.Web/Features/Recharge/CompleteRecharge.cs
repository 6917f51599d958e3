using BillingConsole.Domain.QuotaAlerts;
using BillingConsole.Web.Features.QuotaAlerts;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.Ledger;
using BillingConsole.Domain.Payments;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RechargeOrder = BillingConsole.Domain.Payments.Recharge;

namespace BillingConsole.Web.Features.Recharge;

/// <summary>
/// Ends a pending recharge: credited by a verified gateway notification (R2) or a staff confirmation (R3), or
/// cancelled at the cashier. Crediting is exactly once twice over: the ledger key <c>recharge:{id}</c> is unique and
/// the pending → succeeded change is guarded by the recharge's Version token; a racing writer fails its commit, is
/// retried from a fresh read and then finds the recharge already succeeded, which changes nothing.
/// </summary>
public sealed class CompleteRechargeHandler(IDbContextFactory<BillingDbContext> dbFactory, TimeProvider clock,
    AlertTriggers alerts, ILogger<CompleteRechargeHandler> logger, IOptions<PaymentOptions>? options = null)
{
    private readonly PaymentOptions payments = options?.Value ?? new PaymentOptions();

    public Task<Result<RechargeRow>> PayByGatewayAsync(Guid rechargeId, Money paidAmount, string tradeNo, CancellationToken ct,
        string gateway = "sandbox") =>
        CompleteAsync(rechargeId, (r, now) => r.SucceedByGateway(paidAmount, tradeNo, now, gateway), credit: true, ct);

    /// <summary>The gateway closed the unpaid order (Alipay TRADE_CLOSED, or closed by reconciliation).</summary>
    public Task<Result<RechargeRow>> FailAsync(Guid rechargeId, CancellationToken ct) =>
        CompleteAsync(rechargeId, (r, now) => r.Fail(now), credit: false, ct);

    public Task<Result<RechargeRow>> ConfirmRemittanceAsync(Guid rechargeId, Money amountReceived, string confirmedBy,
        CancellationToken ct) =>
        CompleteAsync(rechargeId, (r, now) => ReceivedOutOfBounds(r, amountReceived) is { } refused
            ? Result<RechargeOrder>.Invalid("amountReceived", refused)
            : r.ConfirmRemittance(amountReceived, confirmedBy, now), credit: true, ct);

    /// <summary>
    /// Issue #16: the amount received is bounded by <c>Payments:MaxRecharge</c> and by the ordered amount times
    /// <c>Payments:ReceivedToleranceFactor</c> (default 10), compared as decimals before any conversion to units, so a
    /// typo of a few zeros (or an amount that would overflow) is refused instead of credited.
    /// </summary>
    private string? ReceivedOutOfBounds(RechargeOrder recharge, Money received)
    {
        var byOrder = recharge.Amount.Amount * Math.Max(1m, payments.ReceivedToleranceFactor);
        var max = Math.Min(payments.MaxRecharge, byOrder);
        return received.Amount <= max ? null
            : $"The amount received may be at most {Money.Yuan(decimal.Round(max, 2, MidpointRounding.ToZero)).ToFenString()} "
              + $"(the ordered {recharge.Amount.ToFenString()} × {payments.ReceivedToleranceFactor:0.##}, and at most "
              + $"{payments.MaxRecharge:0.##} per recharge); check the amount.";
    }

    public Task<Result<RechargeRow>> CancelAsync(Guid rechargeId, CancellationToken ct) =>
        CompleteAsync(rechargeId, (r, now) => r.Method.IsGateway()
            ? r.Cancel(now)
            : Result<RechargeOrder>.Conflict("Offline remittances are not cancelled at the cashier."), credit: false, ct);

    private Task<Result<RechargeRow>> CompleteAsync(Guid rechargeId, Func<RechargeOrder, DateTime, Result<RechargeOrder>> change,
        bool credit, CancellationToken ct) => ConcurrencyRetry.ExecuteAsync(async attemptCt =>
    {
        await using var db = await dbFactory.CreateDbContextAsync(attemptCt);
        var recharge = await db.Recharges.FirstOrDefaultAsync(r => r.Id == rechargeId, attemptCt);
        if (recharge is null) return Result<RechargeRow>.NotFound("The recharge does not exist.");
        if (credit && recharge.Status == RechargeStatus.Succeeded)
        {
            return Result<RechargeRow>.Ok(RechargeRow.From(recharge)); // a repeat: the first one credited
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = change(recharge, now);
        if (!changed.IsOk) return changed.Cast<RechargeRow>();
        if (credit)
        {
            var posted = await db.PostAsync(new PostLedgerEntryCommand(recharge.AccountId, LedgerEntryKind.Recharge,
                recharge.CreditedAmount, recharge.Id.ToString(), recharge.LedgerKey,
                $"Recharge by {recharge.Method.ApiName()}"), now, attemptCt);
            if (!posted.IsOk) return posted.Cast<RechargeRow>();
        }
        await db.SaveChangesAsync(attemptCt);
        logger.LogInformation("CompleteRecharge: recharge {RechargeId} is {Status}", recharge.Id, recharge.Status);
        if (credit) alerts.AfterBalanceChange(recharge.AccountId, BalanceMovement.Recharge); // A6 re-arms
        return Result<RechargeRow>.Ok(RechargeRow.From(recharge));
    }, ct);
}
