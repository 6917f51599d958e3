using BillingConsole.Domain.Common;
using BillingConsole.Domain.Ledger;

namespace BillingConsole.Domain.Accounts;

/// <summary>
/// A customer account: its cash balance (a cache of the sum of its ledger entries, written in the same transaction),
/// and its service status. Money moves only through <see cref="Post"/>.
/// </summary>
public sealed class Account
{
    private Account()
    {
        Name = string.Empty;
        RemittanceCode = string.Empty;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public AccountStatus Status { get; private set; }
    public long BalanceUnits { get; private set; }
    /// <summary>Sequence of the newest ledger entry (0 when there is none).</summary>
    public long LastLedgerSequence { get; private set; }
    /// <summary>When the balance first went negative in the current arrears episode.</summary>
    public DateTime? ArrearsSinceUtc { get; private set; }
    public DateTime? SuspendedAtUtc { get; private set; }
    /// <summary>Quoted on an offline remittance so staff can match the money to the account (SPEC R3).</summary>
    public string RemittanceCode { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    /// <summary>App-managed concurrency token (SQLite has no generated row versions).</summary>
    public Guid Version { get; private set; }

    public Money Balance => Money.FromUnits(BalanceUnits);

    public static Account Open(string name, string remittanceCode, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(remittanceCode);
        return new Account
        {
            Id = Guid.NewGuid(),
            Name = name.Trim(),
            Status = AccountStatus.Active,
            RemittanceCode = remittanceCode,
            CreatedAtUtc = nowUtc,
            Version = RandomId.New(),
        };
    }

    /// <summary>
    /// Appends one entry to the ledger and moves the balance. Only a daily bill may take the balance below zero
    /// (SPEC B3); every other charge is refused when the balance does not cover it. Money that brings the balance to
    /// zero or above ends arrears or suspension at once, in the same transaction (SPEC B8).
    /// </summary>
    public Result<LedgerEntry> Post(LedgerEntryKind kind, Money amount, string reference, string idempotencyKey,
        DateTime nowUtc, string? description = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        if (!amount.IsWholeFen)
        {
            throw new ArgumentException("Ledger amounts are whole fen; round before posting.", nameof(amount));
        }
        var after = Balance + amount;
        if (amount.IsNegative && after.IsNegative && kind != LedgerEntryKind.DailyBill)
        {
            return Result<LedgerEntry>.Conflict(
                $"The balance ({Balance.ToFenString()}) does not cover {(-amount).ToFenString()}.");
        }

        LastLedgerSequence++;
        BalanceUnits = after.Units;
        Version = RandomId.New();
        UpdateStatusAfterBalanceChange(nowUtc);
        return Result<LedgerEntry>.Ok(new LedgerEntry(Id, LastLedgerSequence, kind, amount, after, reference,
            idempotencyKey, nowUtc, description));
    }

    /// <summary>SPEC B7: suspends an account whose grace period has run out. Returns true when it changed.</summary>
    public bool SuspendIfGraceExpired(DateTime nowUtc, TimeSpan gracePeriod)
    {
        if (Status != AccountStatus.Arrears || ArrearsSinceUtc is null) return false;
        if (nowUtc < ArrearsSinceUtc.Value + gracePeriod) return false;
        Status = AccountStatus.Suspended;
        SuspendedAtUtc = nowUtc;
        Version = RandomId.New();
        return true;
    }

    /// <summary>When service stops unless the debt is paid (null when not in arrears).</summary>
    public DateTime? GraceEndsAtUtc(TimeSpan gracePeriod) =>
        Status == AccountStatus.Arrears && ArrearsSinceUtc is { } since ? since + gracePeriod : null;

    public void Rename(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
        Version = RandomId.New();
    }

    private void UpdateStatusAfterBalanceChange(DateTime nowUtc)
    {
        if (!Balance.IsNegative)
        {
            Status = AccountStatus.Active;
            ArrearsSinceUtc = null;
            SuspendedAtUtc = null;
        }
        else if (Status == AccountStatus.Active)
        {
            Status = AccountStatus.Arrears;
            ArrearsSinceUtc = nowUtc;
        }
    }
}
