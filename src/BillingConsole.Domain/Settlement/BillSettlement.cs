using BillingConsole.Domain.Common;

namespace BillingConsole.Domain.Settlement;

/// <summary>How a bill's payable total meets the cash balance (SPEC B3).</summary>
public sealed record BillSettlement
{
    public required Money PayableAmount { get; init; }

    public required Money BalanceBefore { get; init; }

    /// <summary>Always <see cref="BalanceBefore"/> − <see cref="PayableAmount"/>: a daily bill may overdraw.</summary>
    public required Money BalanceAfter { get; init; }

    /// <summary>The part of the payable that a non-negative balance covered.</summary>
    public required Money CoveredByBalance { get; init; }

    /// <summary>
    /// The uncovered part: the bill's outstanding amount. Positive means the account is in arrears.
    /// </summary>
    public required Money OutstandingAmount { get; init; }

    /// <summary>The signed ledger entry amount (charges are negative).</summary>
    public Money LedgerAmount => -PayableAmount;

    public bool IsFullyPaid => OutstandingAmount.IsZero;
}
