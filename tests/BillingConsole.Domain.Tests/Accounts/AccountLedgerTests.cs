using BillingConsole.Domain.Accounts;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.Ledger;
using CsCheck;

namespace BillingConsole.Domain.Tests.Accounts;

public sealed class AccountLedgerTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 2, 0, 0, DateTimeKind.Utc);

    private static Account NewAccount() => Account.Open("Acme", "RC-TEST", Now);

    [Fact]
    public void B9_RandomOperationSequences_BalanceEqualsSumOfEntries()
    {
        var kinds = Enum.GetValues<LedgerEntryKind>();
        var op = Gen.Select(Gen.Int[0, kinds.Length - 1], Gen.Long[-500_00, 500_00]);
        op.Array[1, 60].Sample(ops =>
        {
            var account = NewAccount();
            var entries = new List<LedgerEntry>();
            var i = 0;
            foreach (var (k, fen) in ops)
            {
                var result = account.Post(kinds[k], Money.Yuan(fen / 100m), "ref", $"key-{i++}", Now);
                if (result.IsOk) entries.Add(result.Value!);
            }
            var sum = entries.Sum(e => e.AmountUnits);
            var sequencesDense = entries.Select(e => e.Sequence).SequenceEqual(Enumerable.Range(1, entries.Count).Select(x => (long)x));
            var lastAfter = entries.Count == 0 ? 0 : entries[^1].BalanceAfterUnits;
            var onlyBillsOverdraw = entries.Where(e => e.AmountUnits < 0 && e.BalanceAfterUnits < 0)
                .All(e => e.Kind == LedgerEntryKind.DailyBill);
            return sum == account.BalanceUnits && lastAfter == account.BalanceUnits && sequencesDense && onlyBillsOverdraw;
        });
    }

    [Fact]
    public void Post_PurchaseBeyondBalance_RefusedAndNothingChanges()
    {
        var account = NewAccount();
        account.Post(LedgerEntryKind.Recharge, Money.Yuan(10m), "r1", "k1", Now);

        var result = account.Post(LedgerEntryKind.PackPurchase, Money.Yuan(-10.01m), "p1", "k2", Now);

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.Equal(Money.Yuan(10m), account.Balance);
        Assert.Equal(1, account.LastLedgerSequence);
    }

    [Fact]
    public void B3_DailyBillBeyondBalance_GoesNegativeAndIntoArrears()
    {
        var account = NewAccount();
        account.Post(LedgerEntryKind.Recharge, Money.Yuan(1m), "r1", "k1", Now);

        var result = account.Post(LedgerEntryKind.DailyBill, Money.Yuan(-1.27m), "b1", "k2", Now);

        Assert.True(result.IsOk);
        Assert.Equal(Money.Yuan(-0.27m), account.Balance);
        Assert.Equal(AccountStatus.Arrears, account.Status);
        Assert.Equal(Now, account.ArrearsSinceUtc);
    }

    [Fact]
    public void B7_GraceMinusOneSecond_StillArrears_ThenSuspended()
    {
        var account = NewAccount();
        account.Post(LedgerEntryKind.DailyBill, Money.Yuan(-5m), "b1", "k1", Now);
        var grace = TimeSpan.FromHours(24);

        Assert.False(account.SuspendIfGraceExpired(Now + grace - TimeSpan.FromSeconds(1), grace));
        Assert.Equal(AccountStatus.Arrears, account.Status);
        Assert.True(account.SuspendIfGraceExpired(Now + grace, grace));
        Assert.Equal(AccountStatus.Suspended, account.Status);
    }

    [Fact]
    public void B8_PartialPaymentKeepsSuspension_FullPaymentRestoresAtOnce()
    {
        var account = NewAccount();
        account.Post(LedgerEntryKind.DailyBill, Money.Yuan(-5m), "b1", "k1", Now);
        account.SuspendIfGraceExpired(Now.AddDays(2), TimeSpan.FromHours(24));

        account.Post(LedgerEntryKind.Recharge, Money.Yuan(4.99m), "r1", "k2", Now.AddDays(2));
        Assert.Equal(AccountStatus.Suspended, account.Status);

        account.Post(LedgerEntryKind.Adjustment, Money.Yuan(0.01m), "a1", "k3", Now.AddDays(2));
        Assert.Equal(AccountStatus.Active, account.Status);
        Assert.Null(account.ArrearsSinceUtc);
    }

    [Fact]
    public void Post_SubFenAmount_IsABug()
    {
        var account = NewAccount();

        Assert.Throws<ArgumentException>(() => account.Post(LedgerEntryKind.Recharge, Money.Yuan(0.001m), "r", "k", Now));
    }
}
