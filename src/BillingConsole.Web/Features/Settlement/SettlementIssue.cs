using BillingConsole.Domain.Common;
using BillingConsole.Domain.Ledger;
using BillingConsole.Domain.ResourcePacks;
using BillingConsole.Domain.Settlement;
using BillingConsole.Web.Features.Accounts;

namespace BillingConsole.Web.Features.Settlement;

/// <summary>A bill as issued: the bill with its lines, its pack deduction records and its ledger charge (none at ¥0.00).</summary>
internal sealed record IssuedBill(Bill Bill, IReadOnlyList<PackDeductionRecord> Deductions, LedgerEntry? Charge);

/// <summary>
/// SPEC B2, B3, P5: turns one account-day's plan into its bill, deduction records and charge, against the account's
/// balance as the caller read it (the charge is applied to that account object). The one-account and the chunked
/// settlement both issue through here and differ only in how they read and write.
/// </summary>
internal static class SettlementIssue
{
    public static IssuedBill Issue(BillingCalendar calendar, SettleAccountDayCommand cmd, SettlementPlan plan,
        Domain.Accounts.Account account, DateTime now)
    {
        var draft = BillCalculator.Calculate(cmd.AccountId, cmd.BillDay, plan.Usages);
        if (!draft.IsOk) throw new InvalidOperationException($"Settlement of {cmd}: {draft.Error}");
        var settlement = BillPayment.Settle(draft.Value!.PayableAmount, account.Balance);
        var bill = Bill.Issue(draft.Value, settlement, now);
        var deductions = plan.Deductions.Select(d => SettleAccountDayHandler.Record(calendar, bill, d, now)).ToList();
        if (!settlement.PayableAmount.IsPositive) return new IssuedBill(bill, deductions, null);

        var posted = LedgerPosting.Charge(account, SettleAccountDayHandler.ChargeCommand(bill, settlement), now);
        if (!posted.IsOk) throw new InvalidOperationException($"Bill {bill.Id}: the ledger entry could not be posted ({posted.Error}).");
        return new IssuedBill(bill, deductions, posted.Value!);
    }
}
