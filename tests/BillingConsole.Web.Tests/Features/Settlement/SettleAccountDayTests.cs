using BillingConsole.Domain.Ledger;
using BillingConsole.Domain.ResourcePacks;
using BillingConsole.Domain.Settlement;
using BillingConsole.Web.Features.Settlement;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Tests.Features.Settlement;

public sealed class SettleAccountDayTests
{
    private static readonly DateOnly Day = new(2026, 11, 26);
    private static DateTime At(int hour, int minute = 0) => new(2026, 11, 26, hour, minute, 0);

    [Theory]
    [InlineData("FV", 7, "1.274", "1.27", "0.004")]
    [InlineData("FACE_COMPARE", 7, "0.042", "0.04", "0.002")]
    [InlineData("FACE_ATTRIBUTE", 1, "0.006", "0.00", "0.006")]
    public async Task B2_SpecExamples_BillAndLedgerEntry(string service, long calls, string gross, string payable, string discount)
    {
        await using var s = await SettlementScenario.CreateAsync();
        var account = await s.OpenAccountAsync(100m);
        await s.UsageAsync(account, service, At(9), calls);

        await s.JobHandler().HandleAsync(default);

        var bill = Assert.Single(await s.BillsAsync(account));
        Assert.Equal((Day, gross, payable, discount), (bill.UsageDay, bill.Gross.ToExactString(), bill.Payable.ToFenString(),
            bill.RoundDownDiscount.ToExactString()));
        var line = Assert.Single(bill.Lines);
        Assert.Equal((calls, 0L, calls), (line.Quantity, line.PackDeductedQuantity, line.BillableQuantity));
        Assert.Equal(BillStatus.Paid, bill.Status);
        Assert.Equal(100m - decimal.Parse(payable, System.Globalization.CultureInfo.InvariantCulture),
            (await s.AccountAsync(account)).Balance.Amount);
        await s.AssertLedgerInvariantAsync(account);
    }

    [Fact]
    public async Task B2_WorkedDay_PacksFirstThenPayAsYouGo_DeductionsRecorded()
    {
        await using var s = await SettlementScenario.CreateAsync();
        var account = await s.OpenAccountAsync(100m);
        var fvPack = await s.AddPackAsync(account, "FV_CALLS", 100, SettlementScenario.Calendar.ToUtc(At(0)).AddDays(-5));
        await s.UsageAsync(account, "FV", At(9), 80);
        await s.UsageAsync(account, "FV", At(15), 50);
        await s.UsageAsync(account, "RP", At(11), 3);
        await s.UsageAsync(account, "FACE_COMPARE", At(12), 7);

        await s.JobHandler().HandleAsync(default);

        var bill = Assert.Single(await s.BillsAsync(account));
        var fv = bill.Lines.Single(l => l.MeterCode == "FV");
        Assert.Equal((130L, 100L, 30L, "5.46"), (fv.Quantity, fv.PackDeductedQuantity, fv.BillableQuantity, fv.Payable.ToFenString()));
        Assert.Equal("3.00", bill.Lines.Single(l => l.MeterCode == "RP").Payable.ToFenString());
        Assert.Equal(("8.502", "8.50", "0.002"), (bill.Gross.ToExactString(), bill.Payable.ToFenString(), bill.RoundDownDiscount.ToExactString()));
        await using var db = s.Database.CreateDbContext();
        var pack = await db.ResourcePacks.SingleAsync(p => p.Id == fvPack.Id);
        Assert.Equal((0L, PackStatus.Exhausted), (pack.Remaining, pack.Status));
        var records = await db.PackDeductions.Where(d => d.PackId == fvPack.Id).OrderBy(d => d.UsageStartUtc).ToListAsync();
        Assert.Equal([80L, 20L], records.Select(r => r.Quantity));
        Assert.Equal([100L, 20L], records.Select(r => r.RemainingBefore));
        Assert.All(records, r => Assert.Equal(fv.Id, r.BillLineId));
        Assert.Equal(-850_00L, (await db.LedgerEntries.SingleAsync(e => e.Kind == LedgerEntryKind.DailyBill)).AmountUnits);
    }

    [Fact]
    public async Task P4_PackTakesEffectMidHour_HourSplitByRawEvents()
    {
        await using var s = await SettlementScenario.CreateAsync();
        var account = await s.OpenAccountAsync(100m);
        await s.AddPackAsync(account, "RP_CALLS", 1000, SettlementScenario.Calendar.ToUtc(At(10, 30)));
        await s.UsageAsync(account, "RP", At(10, 10), 1, withEvents: true);
        await s.UsageAsync(account, "RP", At(10, 45), 2, withEvents: true);

        await s.JobHandler().HandleAsync(default);

        var line = Assert.Single(Assert.Single(await s.BillsAsync(account)).Lines);
        Assert.Equal((3L, 2L, "1.00"), (line.Quantity, line.PackDeductedQuantity, line.Payable.ToFenString()));
    }

    [Fact]
    public async Task B4_SettleSameDayTwice_SecondIsAlreadyBilled()
    {
        await using var s = await SettlementScenario.CreateAsync();
        var account = await s.OpenAccountAsync(10m);
        await s.UsageAsync(account, "RP", At(9), 2);
        var handler = s.SettleHandler();

        var first = await handler.HandleAsync(new(account, Day, true), default);
        await s.UsageAsync(account, "RP", At(9), 1);
        var second = await handler.HandleAsync(new(account, Day, true), default);

        Assert.Equal((SettleOutcome.Issued, SettleOutcome.AlreadyBilled), (first, second));
        Assert.Equal("2.00", Assert.Single(await s.BillsAsync(account)).Payable.ToFenString());
        await s.AssertLedgerInvariantAsync(account);
    }

    [Fact]
    public async Task B4_CrashBeforeCommit_LeavesNothingBehind()
    {
        await using var s = await SettlementScenario.CreateAsync();
        var account = await s.OpenAccountAsync(10m);
        await s.UsageAsync(account, "RP", At(9), 2);
        var handler = s.SettleHandler();
        handler.BeforeCommit = (_, _) => throw new IOException("power cut");

        await Assert.ThrowsAsync<IOException>(() => handler.HandleAsync(new(account, Day, true), default));

        Assert.Empty(await s.BillsAsync(account));
        Assert.Equal(10m, (await s.AccountAsync(account)).Balance.Amount);
        await using var db = s.Database.CreateDbContext();
        Assert.Equal(0L, (await db.UsageHourlyRollups.SingleAsync()).BilledQuantity);
    }
}
