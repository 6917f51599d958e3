namespace BillingConsole.Domain.Settlement;

/// <summary>Whether an issued bill is settled (SPEC B3, B8).</summary>
public enum BillStatus
{
    /// <summary>The balance covered the whole payable, or later money paid the outstanding part.</summary>
    Paid,
    /// <summary>Part of the payable overdrew the balance and has not been paid yet (arrears).</summary>
    Outstanding,
}
