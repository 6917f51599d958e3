using BillingConsole.Domain.Accounts;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.Ledger;
using BillingConsole.Infrastructure.Persistence;
using BillingConsole.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.ResourcePacks;

/// <summary>Paying for packs and licences from the cash balance (SPEC P3, P8, P9, P13).</summary>
internal static class PackCharges
{
    /// <summary>SPEC P3: an account in arrears or suspended buys nothing, even when a recharge is pending.</summary>
    public static async Task<ResultMessage?> RefusalForPurchaseAsync(BillingDbContext db, Guid accountId, CancellationToken ct)
    {
        var status = await db.Accounts.Where(a => a.Id == accountId).Select(a => (AccountStatus?)a.Status)
            .FirstOrDefaultAsync(ct);
        return status switch
        {
            null => (ResultMessage)"The account does not exist.",
            AccountStatus.Arrears => "The account is in arrears; settle the outstanding amount before buying.",
            AccountStatus.Suspended => "The account is suspended; recharge to settle the outstanding amount before buying.",
            _ => null,
        };
    }

    /// <summary>Charges <paramref name="price"/> in the caller's unit of work; nothing is posted for a free item.</summary>
    public static async Task<Result<bool>> ChargeAsync(BillingDbContext db, Guid accountId, LedgerEntryKind kind,
        Money price, string reference, string idempotencyKey, string description, DateTime nowUtc, CancellationToken ct)
    {
        if (price.IsZero) return Result<bool>.Ok(false);
        var posted = await db.PostAsync(new PostLedgerEntryCommand(accountId, kind, -price, reference, idempotencyKey,
            description), nowUtc, ct);
        if (posted.Status == ResultStatus.Conflict)
        {
            return Result<bool>.Conflict($"Insufficient balance: {posted.Message} Recharge first.");
        }
        return posted.IsOk ? Result<bool>.Ok(true) : posted.Cast<bool>();
    }
}
