using BillingConsole.Domain.Common;

namespace BillingConsole.Domain.Payments;

/// <summary>
/// A withdrawal (SPEC R5). The money is held at request time by a Withdrawal ledger entry of −amount (so two requests
/// can never together overdraw); a rejection posts it back; an approval only records the decision.
/// </summary>
public sealed class Withdrawal
{
    private readonly List<WithdrawalLine> lines = [];

    private Withdrawal()
    {
        RequestedByUserId = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    public long AmountUnits { get; private set; }
    public WithdrawalStatus Status { get; private set; }
    public DateTime RequestedAtUtc { get; private set; }
    public string RequestedByUserId { get; private set; }
    public DateTime? DecidedAtUtc { get; private set; }
    public string? DecidedByUserId { get; private set; }
    public string? DecisionNote { get; private set; }
    public Guid Version { get; private set; }
    public IReadOnlyList<WithdrawalLine> Lines => lines;

    public Money Amount => Money.FromUnits(AmountUnits);
    public string HoldLedgerKey => $"withdrawal:{Id}";
    public string ReturnLedgerKey => $"withdrawal-rejected:{Id}";

    public static Withdrawal Request(Guid accountId, Money amount, IReadOnlyList<WithdrawalLine> split, string userId,
        DateTime nowUtc)
    {
        if (!amount.IsPositive || !amount.IsWholeFen) throw new ArgumentOutOfRangeException(nameof(amount));
        if (split.Aggregate(Money.Zero, (s, l) => s + l.Amount) != amount)
        {
            throw new ArgumentException("The split must add up to the amount.", nameof(split));
        }
        var withdrawal = new Withdrawal
        {
            Id = Guid.NewGuid(),
            AccountId = accountId,
            AmountUnits = amount.Units,
            Status = WithdrawalStatus.Requested,
            RequestedAtUtc = nowUtc,
            RequestedByUserId = userId,
            Version = Guid.NewGuid(),
        };
        withdrawal.lines.AddRange(split);
        return withdrawal;
    }

    public Result<Withdrawal> Approve(string staffUserId, DateTime nowUtc) => Decide(WithdrawalStatus.Approved, staffUserId, null, nowUtc);

    public Result<Withdrawal> Reject(string staffUserId, string? note, DateTime nowUtc) =>
        Decide(WithdrawalStatus.Rejected, staffUserId, note, nowUtc);

    private Result<Withdrawal> Decide(WithdrawalStatus status, string staffUserId, string? note, DateTime nowUtc)
    {
        if (Status != WithdrawalStatus.Requested)
        {
            return Result<Withdrawal>.Conflict(Status == WithdrawalStatus.Approved
                ? "The withdrawal was already approved."
                : "The withdrawal was already rejected.");
        }
        Status = status;
        DecidedAtUtc = nowUtc;
        DecidedByUserId = staffUserId;
        DecisionNote = note?.Trim() is { Length: > 0 } n ? n[..Math.Min(n.Length, 500)] : null;
        Version = Guid.NewGuid();
        return Result<Withdrawal>.Ok(this);
    }
}
