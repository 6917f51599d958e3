using BillingConsole.Domain.Common;
using BillingConsole.Domain.Ledger;
using BillingConsole.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Features.Accounts;

/// <summary>One ledger posting inside the caller's unit of work (SPEC B9).</summary>
public sealed record PostLedgerEntryCommand(Guid AccountId, LedgerEntryKind Kind, Money Amount, string Reference,
    string IdempotencyKey, string? Description = null);

/// <summary>The entry, and whether it had been posted before under the same idempotency key.</summary>
public sealed record PostedLedgerEntry(LedgerEntry Entry, bool AlreadyPosted);

/// <summary>
/// The only way money moves. It works inside the caller's <see cref="BillingDbContext"/> so that the business change
/// (a bill, a credited recharge, a pack) and its ledger entry commit together; the caller saves. A key that was
/// posted before returns the first entry and changes nothing.
/// </summary>
public static class LedgerPosting
{
    public static async Task<Result<PostedLedgerEntry>> PostAsync(this BillingDbContext db, PostLedgerEntryCommand cmd,
        DateTime nowUtc, CancellationToken ct)
    {
        var existing = await db.LedgerEntries.AsNoTracking()
            .FirstOrDefaultAsync(e => e.IdempotencyKey == cmd.IdempotencyKey, ct);
        if (existing is not null)
        {
            return Result<PostedLedgerEntry>.Ok(new PostedLedgerEntry(existing, AlreadyPosted: true));
        }
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.Id == cmd.AccountId, ct);
        if (account is null)
        {
            return Result<PostedLedgerEntry>.NotFound("The account does not exist.");
        }
        var posted = account.Post(cmd.Kind, cmd.Amount, cmd.Reference, cmd.IdempotencyKey, nowUtc, cmd.Description);
        if (!posted.IsOk)
        {
            return posted.Cast<PostedLedgerEntry>();
        }
        db.LedgerEntries.Add(posted.Value!);
        if (cmd.Amount.IsPositive) await PayOutstandingBillsAsync(db, cmd.AccountId, cmd.Amount, nowUtc, ct);
        return Result<PostedLedgerEntry>.Ok(new PostedLedgerEntry(posted.Value!, AlreadyPosted: false));
    }

    /// <summary>Which of these idempotency keys are already posted: one query for a batch of postings.</summary>
    public static async Task<HashSet<string>> PostedKeysAsync(this BillingDbContext db, IReadOnlyCollection<string> keys,
        CancellationToken ct) =>
        keys.Count == 0
            ? []
            : (await db.LedgerEntries.AsNoTracking().Where(e => EF.Parameter(keys).Contains(e.IdempotencyKey))
                .Select(e => e.IdempotencyKey).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// A charge (amount ≤ 0, so no outstanding bill is paid) to an account the caller has already read in this unit of
    /// work, after it checked the key with <see cref="PostedKeysAsync"/>: the batch form of <see cref="PostAsync"/>,
    /// without its two queries per entry. The caller adds the entry to its unit of work (or writes it with its audit row
    /// itself); the unique key still rejects a duplicate at the write.
    /// </summary>
    public static Result<LedgerEntry> Charge(Domain.Accounts.Account account, PostLedgerEntryCommand cmd, DateTime nowUtc)
    {
        if (account.Id != cmd.AccountId) throw new ArgumentException("The command is for another account.", nameof(cmd));
        if (cmd.Amount.IsPositive) throw new ArgumentException("Credits go through PostAsync (SPEC B8).", nameof(cmd));
        return account.Post(cmd.Kind, cmd.Amount, cmd.Reference, cmd.IdempotencyKey, nowUtc, cmd.Description);
    }

    /// <summary>
    /// SPEC B8: any money credited (a recharge, a refund, an adjustment) pays outstanding bills, oldest first, in the
    /// same unit of work as the entry; arrears end in <see cref="Domain.Accounts.Account.Post"/> once the balance is
    /// not negative.
    /// </summary>
    private static async Task PayOutstandingBillsAsync(BillingDbContext db, Guid accountId, Money credit,
        DateTime nowUtc, CancellationToken ct)
    {
        var outstanding = await db.Bills
            .Where(b => b.AccountId == accountId && b.OutstandingUnits > 0)
            .OrderBy(b => b.UsageDay)
            .ToListAsync(ct);
        var left = credit;
        foreach (var bill in outstanding)
        {
            if (!left.IsPositive) break;
            left -= bill.ApplyPayment(left, nowUtc);
        }
    }
}
