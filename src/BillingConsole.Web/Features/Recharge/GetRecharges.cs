using BillingConsole.Domain.Common;
using BillingConsole.Domain.Payments;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using RechargeOrder = BillingConsole.Domain.Payments.Recharge;

namespace BillingConsole.Web.Features.Recharge;

/// <summary>A recharge as pages and the API show it (SPEC R4).</summary>
public sealed record RechargeRow(Guid RechargeId, Guid AccountId, Money Amount, Money Credited, RechargeMethod Method,
    RechargeStatus Status, DateTime CreatedAtUtc, DateTime? CompletedAtUtc)
{
    public static RechargeRow From(RechargeOrder r) =>
        new(r.Id, r.AccountId, r.Amount, r.CreditedAmount, r.Method, r.Status, r.CreatedAtUtc, r.CompletedAtUtc);
}

/// <summary>A pending offline remittance for the staff console.</summary>
public sealed record PendingRemittanceRow(Guid RechargeId, Guid AccountId, string AccountName, string RemittanceCode,
    Money Amount, DateTime CreatedAtUtc);

public sealed class GetRechargesHandler(IDbContextFactory<BillingDbContext> dbFactory)
{
    /// <summary>One recharge of this account; another account's id is not found (SPEC I2).</summary>
    public async Task<RechargeRow?> GetAsync(Guid accountId, Guid rechargeId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var r = await db.Recharges.AsNoTracking().FirstOrDefaultAsync(x => x.Id == rechargeId && x.AccountId == accountId, ct);
        return r is null ? null : RechargeRow.From(r);
    }

    public async Task<IReadOnlyList<RechargeRow>> ListAsync(Guid accountId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Recharges.AsNoTracking().Where(x => x.AccountId == accountId)
            .OrderByDescending(x => x.CreatedAtUtc).Take(500).ToListAsync(ct);
        return rows.Select(RechargeRow.From).ToList();
    }

    /// <summary>For the sandbox cashier, which is anonymous: only what the cashier shows.</summary>
    public async Task<RechargeRow?> FindAsync(Guid rechargeId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var r = await db.Recharges.AsNoTracking().FirstOrDefaultAsync(x => x.Id == rechargeId, ct);
        return r is null ? null : RechargeRow.From(r);
    }

    public async Task<IReadOnlyList<PendingRemittanceRow>> PendingRemittancesAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await (from r in db.Recharges.AsNoTracking()
                          join a in db.Accounts.AsNoTracking() on r.AccountId equals a.Id
                          where r.Method == RechargeMethod.Offline && r.Status == RechargeStatus.Pending
                          orderby r.CreatedAtUtc
                          select new { r.Id, r.AccountId, a.Name, a.RemittanceCode, r.AmountUnits, r.CreatedAtUtc })
            .Take(500).ToListAsync(ct);
        return rows.Select(x => new PendingRemittanceRow(x.Id, x.AccountId, x.Name, x.RemittanceCode,
            Money.FromUnits(x.AmountUnits), x.CreatedAtUtc)).ToList();
    }
}
