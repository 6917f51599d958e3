using BillingConsole.Domain.Accounts;
using BillingConsole.Domain.Settlement;

namespace BillingConsole.Web.Tests.Features.Settlement;

public sealed class ArrearsTimelineTests
{
    [Fact]
    public async Task B3_B7_B8_ArrearsGraceSuspensionAndRestore()
    {
        await using var s = await SettlementScenario.CreateAsync();
        var account = await s.OpenAccountAsync(1m);
        await s.UsageAsync(account, "RP", new DateTime(2026, 11, 26, 12, 0, 0), 5);
        var billedAt = s.Clock.GetUtcNow();

        await s.JobHandler().HandleAsync(default);

        var inArrears = await s.AccountAsync(account);
        Assert.Equal((AccountStatus.Arrears, -4m, billedAt.UtcDateTime), (inArrears.Status, inArrears.Balance.Amount, inArrears.ArrearsSinceUtc));
        var bill = Assert.Single(await s.BillsAsync(account));
        Assert.Equal(("5.00", "4.00", BillStatus.Outstanding), (bill.Payable.ToFenString(), bill.Outstanding.ToFenString(), bill.Status));

        s.Clock.SetUtcNow(billedAt + s.Options.ArrearsGracePeriod - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await s.Enforcer().HandleAsync(default));
        Assert.Equal(AccountStatus.Arrears, (await s.AccountAsync(account)).Status);

        s.Clock.SetUtcNow(billedAt + s.Options.ArrearsGracePeriod);
        Assert.Equal(1, await s.Enforcer().HandleAsync(default));
        Assert.Equal(AccountStatus.Suspended, (await s.AccountAsync(account)).Status);
        Assert.Equal(0, await s.Enforcer().HandleAsync(default));

        await s.CreditAsync(account, 3m, "partial");
        Assert.Equal((AccountStatus.Suspended, -1m), Status(await s.AccountAsync(account)));
        Assert.Equal(("1.00", BillStatus.Outstanding), Outstanding(Assert.Single(await s.BillsAsync(account))));

        await s.CreditAsync(account, 1m, "rest");
        Assert.Equal((AccountStatus.Active, 0m), Status(await s.AccountAsync(account)));
        var paid = Assert.Single(await s.BillsAsync(account));
        Assert.Equal(("0.00", BillStatus.Paid), Outstanding(paid));
        Assert.NotNull(paid.PaidAtUtc);
        await s.AssertLedgerInvariantAsync(account);
    }

    [Fact]
    public async Task B8_PaymentPaysOutstandingBillsOldestFirst()
    {
        await using var s = await SettlementScenario.CreateAsync();
        var account = await s.OpenAccountAsync(0m);
        await s.UsageAsync(account, "RP", new DateTime(2026, 11, 25, 12, 0, 0), 3);
        await s.UsageAsync(account, "RP", new DateTime(2026, 11, 26, 12, 0, 0), 4);
        await s.JobHandler().HandleAsync(default);

        await s.CreditAsync(account, 5m, "recharge");

        var bills = await s.BillsAsync(account);
        Assert.Equal([("0.00", BillStatus.Paid), ("2.00", BillStatus.Outstanding)], bills.Select(Outstanding));
        Assert.Equal((AccountStatus.Arrears, -2m), Status(await s.AccountAsync(account)));
    }

    private static (AccountStatus, decimal) Status(Account a) => (a.Status, a.Balance.Amount);

    private static (string, BillStatus) Outstanding(Bill b) => (b.Outstanding.ToFenString(), b.Status);
}
