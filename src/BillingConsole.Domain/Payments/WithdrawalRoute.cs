namespace BillingConsole.Domain.Payments;

/// <summary>Where a part of a withdrawal goes (SPEC R5).</summary>
public enum WithdrawalRoute
{
    /// <summary>原路退回: back to the Alipay / online-banking payment it came from.</summary>
    OriginalRoute,
    /// <summary>To the owner's bank account.</summary>
    BankTransfer,
}
