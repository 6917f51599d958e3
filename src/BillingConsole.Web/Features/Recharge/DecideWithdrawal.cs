using BillingConsole.Domain.Common;
using BillingConsole.Domain.Ledger;
using BillingConsole.Domain.Payments;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.Support;
using BillingConsole.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Recharge;

public sealed record DecideWithdrawalCommand(Guid WithdrawalId, bool Approve, string StaffUserId, string? Note = null);

/// <summary>
/// SPEC R5: staff approve (the held money leaves; nothing more is posted) or reject (the held money comes back as
/// a Refund entry with its own unique key). A second decision is refused and changes nothing.
/// </summary>
public sealed class DecideWithdrawalHandler(IDbContextFactory<BillingDbContext> dbFactory, TimeProvider clock,
    AuditLog audit, ILogger<DecideWithdrawalHandler> logger, IOriginalRouteRefunds? refunds = null)
{
    public async Task<Result<WithdrawalRow>> HandleAsync(DecideWithdrawalCommand cmd, CancellationToken ct)
    {
        var decided = await DecideAsync(cmd, ct);
        if (decided.IsOk && cmd.Approve && refunds is not null)
        {
            try
            {
                await refunds.ExecuteAsync(cmd.WithdrawalId, ct); // failures stay pending: reconciliation retries them
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "DecideWithdrawal: refunds of withdrawal {WithdrawalId} failed; they will be retried", cmd.WithdrawalId);
            }
        }
        return decided;
    }

    private Task<Result<WithdrawalRow>> DecideAsync(DecideWithdrawalCommand cmd, CancellationToken ct) =>
        ConcurrencyRetry.ExecuteAsync(async attemptCt =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(attemptCt);
            var withdrawal = await db.Withdrawals.Include(w => w.Lines).FirstOrDefaultAsync(w => w.Id == cmd.WithdrawalId, attemptCt);
            if (withdrawal is null) return Result<WithdrawalRow>.NotFound("The withdrawal does not exist.");
            var now = clock.GetUtcNow().UtcDateTime;
            var decided = cmd.Approve ? withdrawal.Approve(cmd.StaffUserId, now) : withdrawal.Reject(cmd.StaffUserId, cmd.Note, now);
            if (!decided.IsOk) return decided.Cast<WithdrawalRow>();
            if (!cmd.Approve)
            {
                var back = await db.PostAsync(new PostLedgerEntryCommand(withdrawal.AccountId, LedgerEntryKind.Refund,
                    withdrawal.Amount, withdrawal.Id.ToString(), withdrawal.ReturnLedgerKey, "Withdrawal rejected"), now, attemptCt);
                if (!back.IsOk) return back.Cast<WithdrawalRow>();
            }
            if (cmd.Approve && refunds is not null) await refunds.PlanAsync(db, withdrawal, now, attemptCt);
            // SPEC I4: an approval moves no money (it was held at request time), so it is audited here explicitly.
            audit.Add(db, cmd.Approve ? "withdrawal.approve" : "withdrawal.reject", $"withdrawal {withdrawal.Id}",
                $"{withdrawal.Amount.ToFenString()} by {cmd.StaffUserId}" + (cmd.Note is null ? "" : $": {cmd.Note}"),
                withdrawal.AccountId);
            await db.SaveChangesAsync(attemptCt);
            var name = await db.Accounts.Where(a => a.Id == withdrawal.AccountId).Select(a => a.Name).FirstAsync(attemptCt);
            logger.LogInformation("DecideWithdrawal: withdrawal {WithdrawalId} {Status}", withdrawal.Id, withdrawal.Status);
            return Result<WithdrawalRow>.Ok(WithdrawalRow.From(withdrawal, name));
        }, ct);
}
