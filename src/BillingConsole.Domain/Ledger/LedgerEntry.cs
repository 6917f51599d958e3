using BillingConsole.Domain.Common;

namespace BillingConsole.Domain.Ledger;

/// <summary>
/// One immutable change of an account's cash balance (SPEC B9). Entries are never updated or deleted; a correction
/// is a new entry. <see cref="Sequence"/> is unique per account, so two writers that both computed the next balance
/// from the same previous entry cannot both commit, on SQLite or PostgreSQL alike.
/// </summary>
public sealed class LedgerEntry
{
    private LedgerEntry()
    {
        Reference = string.Empty;
        IdempotencyKey = string.Empty;
    }

    internal LedgerEntry(Guid accountId, long sequence, LedgerEntryKind kind, Money amount, Money balanceAfter,
        string reference, string idempotencyKey, DateTime createdAtUtc, string? description)
    {
        // Time-ordered (UUIDv7), like bills: new entries append to the key index.
        Id = TimeOrderedId.New(createdAtUtc);
        AccountId = accountId;
        Sequence = sequence;
        Kind = kind;
        AmountUnits = amount.Units;
        BalanceAfterUnits = balanceAfter.Units;
        Reference = reference;
        IdempotencyKey = idempotencyKey;
        CreatedAtUtc = createdAtUtc;
        Description = description;
    }

    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    public long Sequence { get; private set; }
    public LedgerEntryKind Kind { get; private set; }
    /// <summary>Signed: credits positive, charges negative; ten-thousandths of a yuan.</summary>
    public long AmountUnits { get; private set; }
    public long BalanceAfterUnits { get; private set; }
    /// <summary>What caused it: a bill id, recharge id, pack id…</summary>
    public string Reference { get; private set; }
    /// <summary>Globally unique: the same business event can never post twice.</summary>
    public string IdempotencyKey { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public string? Description { get; private set; }

    public Money Amount => Money.FromUnits(AmountUnits);
    public Money BalanceAfter => Money.FromUnits(BalanceAfterUnits);
}
