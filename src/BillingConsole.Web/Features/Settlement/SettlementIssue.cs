using System.Globalization;
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
    /// <param name="postedKeys">Ledger keys found posted (at least this day's, if it is).</param>
    public static IssuedBill Issue(BillingCalendar calendar, SettleAccountDayCommand cmd, SettlementPlan plan,
        Domain.Accounts.Account account, IReadOnlySet<string> postedKeys, DateTime now)
    {
        // The ledger key is per (account, day), like the bill; finding it posted without the bill would be a bug.
        var key = SettleAccountDayHandler.BillLedgerKey(cmd.AccountId, cmd.BillDay);
        if (postedKeys.Contains(key)) throw new InvalidOperationException($"Settlement of {cmd}: ledger key {key} is already posted.");
        var draft = BillCalculator.Calculate(cmd.AccountId, cmd.BillDay, plan.Usages);
        if (!draft.IsOk) throw new InvalidOperationException($"Settlement of {cmd}: {draft.Error}");
        var settlement = BillPayment.Settle(draft.Value!.PayableAmount, account.Balance);
        var bill = Bill.Issue(draft.Value, settlement, now);
        var deductions = plan.Deductions.Select(d => Record(calendar, bill, d, now)).ToList();
        if (!settlement.PayableAmount.IsPositive) return new IssuedBill(bill, deductions, null);

        var posted = LedgerPosting.Charge(account, ChargeCommand(bill, settlement), now);
        if (!posted.IsOk) throw new InvalidOperationException($"Bill {bill.Id}: the ledger entry could not be posted ({posted.Error}).");
        return new IssuedBill(bill, deductions, posted.Value!);
    }

    /// <summary>The bill's one ledger entry: −payable under the (account, day) key, referencing the bill.</summary>
    private static PostLedgerEntryCommand ChargeCommand(Bill bill, BillSettlement settlement) =>
        new(bill.AccountId, LedgerEntryKind.DailyBill, settlement.LedgerAmount, bill.Id.ToString(),
            SettleAccountDayHandler.BillLedgerKey(bill.AccountId, bill.UsageDay),
            $"Daily bill 日账单 {bill.UsageDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");

    private static PackDeductionRecord Record(BillingCalendar calendar, Bill bill, MeterDeduction d, DateTime now)
    {
        var usageDay = calendar.DayOf(d.Deduction.UsageStartUtc);
        var line = bill.Lines.Single(l => l.MeterCode == d.MeterCode && l.UsageDay == usageDay);
        return new PackDeductionRecord
        {
            Id = TimeOrderedId.New(now),
            AccountId = bill.AccountId,
            PackId = d.Deduction.PackId,
            BillId = bill.Id,
            BillLineId = line.Id,
            MeterCode = d.MeterCode,
            UsageDay = usageDay,
            UsageStartUtc = d.Deduction.UsageStartUtc,
            UsageEndUtc = d.Deduction.UsageEndUtc,
            PeriodStartUtc = d.Deduction.PeriodStartUtc,
            Quantity = d.Deduction.Quantity,
            RemainingBefore = d.Deduction.RemainingBefore,
            RemainingAfter = d.Deduction.RemainingAfter,
            DeductedAtUtc = now,
        };
    }
}
