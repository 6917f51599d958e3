using BillingConsole.Domain.Common;
using BillingConsole.Domain.Ledger;
using BillingConsole.Domain.Payments;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Recharge;

public sealed record RequestWithdrawalCommand(Guid AccountId, string? Amount, string UserId);

/// <summary>
/// SPEC R5: the owner asks for at most the positive balance. The money is held at once by a Withdrawal ledger entry
/// of −amount in the same unit of work as the request, so concurrent requests cannot overdraw: they race on the
/// ledger's (account, sequence) key, the loser is retried from a fresh balance and is then refused.
/// </summary>
public sealed class RequestWithdrawalHandler(IDbContextFactory<BillingDbContext> dbFactory, TimeProvider clock,
    ILogger<RequestWithdrawalHandler> logger)
{
    public async Task<Result<WithdrawalPreview>> PreviewAsync(Guid accountId, string? amountText, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == accountId, ct);
        if (account is null) return Result<WithdrawalPreview>.NotFound("The account does not exist.");
        var available = Money.Max(account.Balance, Money.Zero);
        if (AmountError(amountText, available, out var amount) is { } error) return Result<WithdrawalPreview>.Invalid("amount", error);
        var lines = await SplitAsync(db, accountId, amount, ct);
        return Result<WithdrawalPreview>.Ok(new WithdrawalPreview(amount, available, WithdrawalRow.ToRows(lines)));
    }

    public Task<Result<WithdrawalRow>> HandleAsync(RequestWithdrawalCommand cmd, CancellationToken ct) =>
        ConcurrencyRetry.ExecuteAsync(async attemptCt =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(attemptCt);
            var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == cmd.AccountId, attemptCt);
            if (account is null) return Result<WithdrawalRow>.NotFound("The account does not exist.");
            var available = Money.Max(account.Balance, Money.Zero);
            if (AmountError(cmd.Amount, available, out var amount) is { } error) return Result<WithdrawalRow>.Invalid("amount", error);
            var now = clock.GetUtcNow().UtcDateTime;
            var withdrawal = Withdrawal.Request(cmd.AccountId, amount, await SplitAsync(db, cmd.AccountId, amount, attemptCt),
                cmd.UserId, now);
            db.Withdrawals.Add(withdrawal);
            var hold = await db.PostAsync(new PostLedgerEntryCommand(cmd.AccountId, LedgerEntryKind.Withdrawal, -amount,
                withdrawal.Id.ToString(), withdrawal.HoldLedgerKey, "Withdrawal requested"), now, attemptCt);
            if (!hold.IsOk) return hold.Cast<WithdrawalRow>();
            await db.SaveChangesAsync(attemptCt);
            logger.LogInformation("RequestWithdrawal: withdrawal {WithdrawalId} of {Amount} requested", withdrawal.Id, amount);
            return Result<WithdrawalRow>.Ok(WithdrawalRow.From(withdrawal, account.Name));
        }, ct, attempts: 20);

    public static ResultMessage? AmountError(string? text, Money available, out Money amount)
    {
        if (string.IsNullOrWhiteSpace(text)) { amount = Money.Zero; return "Enter an amount."; }
        if (!Money.TryParse(text, 2, out amount)) return "Enter an amount in yuan with at most 2 decimals.";
        if (!amount.IsPositive) return "The amount must be greater than 0.";
        if (amount > available) return $"You can withdraw at most your positive balance, {available.ToFenString()}.";
        return null;
    }

    private async Task<IReadOnlyList<WithdrawalLine>> SplitAsync(BillingDbContext db, Guid accountId, Money amount,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now.AddMonths(-WithdrawalSplit.OriginalRouteMonths);
        var recharges = await db.Recharges.AsNoTracking()
            .Where(r => r.AccountId == accountId && r.Status == RechargeStatus.Succeeded && r.Method != RechargeMethod.Offline
                        && r.CompletedAtUtc > cutoff)
            .Select(r => new { r.Id, r.Method, r.CompletedAtUtc, Units = r.AmountReceivedUnits ?? r.AmountUnits })
            .ToListAsync(ct);
        var refunded = await (from l in db.WithdrawalLines.AsNoTracking()
                              join w in db.Withdrawals.AsNoTracking() on l.WithdrawalId equals w.Id
                              where w.AccountId == accountId && w.Status != WithdrawalStatus.Rejected && l.RechargeId != null
                              group l by l.RechargeId into g
                              select new { RechargeId = g.Key!.Value, Units = g.Sum(x => x.AmountUnits) })
            .ToDictionaryAsync(x => x.RechargeId, x => x.Units, ct);
        return WithdrawalSplit.Compute(amount, recharges.Select(r => new RefundableRecharge(r.Id, r.Method,
            r.CompletedAtUtc!.Value, Money.FromUnits(r.Units), Money.FromUnits(refunded.GetValueOrDefault(r.Id)))), now);
    }
}
