using BillingConsole.Domain.Audit;
using BillingConsole.Domain.Ledger;
using BillingConsole.Domain.Payments;
using BillingConsole.Domain.Settlement;
using BillingConsole.Domain.ResourcePacks;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Support;

/// <summary>What the staff account page shows (SPEC I4): status, balance, ledger, packs, bills, recharges, keys, audit.</summary>
public sealed record StaffAccountDetail(StaffAccountRow Account, string RemittanceCode, IReadOnlyList<LedgerEntry> Ledger,
    IReadOnlyList<ResourcePack> Packs, IReadOnlyList<Bill> Bills, IReadOnlyList<Domain.Payments.Recharge> Recharges,
    IReadOnlyList<ApiKeyRow> ApiKeys, IReadOnlyList<AuditEvent> Audit);

public sealed class GetStaffAccountHandler(IDbContextFactory<BillingDbContext> dbFactory)
{
    public async Task<StaffAccountDetail?> HandleAsync(Guid accountId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == accountId, ct);
        if (account is null) return null;
        var owner = await db.Users.AsNoTracking().Where(u => u.AccountId == accountId).Select(u => u.Email)
            .FirstOrDefaultAsync(ct);
        var ledger = await db.LedgerEntries.AsNoTracking().Where(e => e.AccountId == accountId)
            .OrderByDescending(e => e.Sequence).Take(20).ToListAsync(ct);
        var packs = await db.ResourcePacks.AsNoTracking().Where(p => p.AccountId == accountId).ToListAsync(ct);
        var keys = await db.ApiKeys.AsNoTracking().Where(k => k.AccountId == accountId)
            .OrderByDescending(k => k.CreatedAtUtc)
            .Select(k => new ApiKeyRow(k.Id, k.Name, k.DisplayPrefix, k.CreatedAtUtc, k.RevokedAtUtc)).ToListAsync(ct);
        var audit = await db.AuditEvents.AsNoTracking().Where(e => e.ActingForAccountId == accountId)
            .OrderByDescending(e => e.Id).Take(50).ToListAsync(ct);
        var row = new StaffAccountRow(account.Id, account.Name, owner, account.Status, account.Balance, account.CreatedAtUtc);
        var bills = await db.Bills.AsNoTracking().Where(b => b.AccountId == accountId)
            .OrderByDescending(b => b.UsageDay).Take(30).ToListAsync(ct);
        var recharges = await db.Recharges.AsNoTracking().Where(r => r.AccountId == accountId)
            .OrderByDescending(r => r.CreatedAtUtc).Take(30).ToListAsync(ct);
        return new StaffAccountDetail(row, account.RemittanceCode, ledger, packs, bills, recharges, keys, audit);
    }
}
