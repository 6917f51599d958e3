using BillingConsole.Domain.Payments;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Recharge;

public sealed class GetWithdrawalsHandler(IDbContextFactory<BillingDbContext> dbFactory)
{
    public Task<IReadOnlyList<WithdrawalRow>> ListAsync(Guid accountId, CancellationToken ct) =>
        QueryAsync(w => w.AccountId == accountId, ct);

    /// <summary>Staff console: the requests waiting for a decision, oldest first.</summary>
    public Task<IReadOnlyList<WithdrawalRow>> PendingAsync(CancellationToken ct) =>
        QueryAsync(w => w.Status == WithdrawalStatus.Requested, ct);

    private async Task<IReadOnlyList<WithdrawalRow>> QueryAsync(System.Linq.Expressions.Expression<Func<Withdrawal, bool>> filter,
        CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Withdrawals.AsNoTracking().Include(w => w.Lines).Where(filter)
            .OrderByDescending(w => w.RequestedAtUtc).Take(500).ToListAsync(ct);
        var ids = rows.Select(w => w.AccountId).Distinct().ToList();
        var names = await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        return rows.Select(w => WithdrawalRow.From(w, names.GetValueOrDefault(w.AccountId, ""))).ToList();
    }
}
