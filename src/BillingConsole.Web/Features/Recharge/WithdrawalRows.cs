using BillingConsole.Domain.Common;
using BillingConsole.Domain.Payments;

namespace BillingConsole.Web.Features.Recharge;

public sealed record WithdrawalLineRow(WithdrawalRoute Route, Guid? RechargeId, Money Amount);

/// <summary>A withdrawal as the owner's and the staff pages show it (SPEC R5).</summary>
public sealed record WithdrawalRow(Guid WithdrawalId, Guid AccountId, string AccountName, Money Amount,
    WithdrawalStatus Status, DateTime RequestedAtUtc, DateTime? DecidedAtUtc, string? DecisionNote,
    IReadOnlyList<WithdrawalLineRow> Lines)
{
    public static WithdrawalRow From(Withdrawal w, string accountName) => new(w.Id, w.AccountId, accountName, w.Amount,
        w.Status, w.RequestedAtUtc, w.DecidedAtUtc, w.DecisionNote, Lines: ToRows(w.Lines));

    public static IReadOnlyList<WithdrawalLineRow> ToRows(IEnumerable<WithdrawalLine> lines) =>
        lines.OrderBy(l => l.Route).Select(l => new WithdrawalLineRow(l.Route, l.RechargeId, l.Amount)).ToList();
}

/// <summary>What the owner sees before confirming: the amount, what is available, and the split.</summary>
public sealed record WithdrawalPreview(Money Amount, Money Available, IReadOnlyList<WithdrawalLineRow> Lines);
