using BillingConsole.Domain.Ledger;
using BillingConsole.Integration.Tests.Infrastructure;
using BillingConsole.Web.Features.Demo;
using BillingConsole.Web.Features.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BillingConsole.Integration.Tests.Foundation;

/// <summary>SPEC "Running": the demo history goes through ingestion, purchases and daily billing.</summary>
[Collection(HostCollection.Name)]
public sealed class DemoHistoryTests(DemoHistoryTests.App app) : IClassFixture<DemoHistoryTests.App>
{
    public sealed class App : BillingAppFactory
    {
        public App() => With("Seed:DemoHistoryDays", "4");
    }

    [Fact]
    public async Task DemoHistory_BillsEachPastDayOnce_ThroughTheRealUseCases()
    {
        _ = app.Server;
        await using var db = app.CreateDbContext();
        var owner = await db.Users.SingleAsync(u => u.Email == DemoSeeder.Owner.Email);
        var accountId = owner.AccountId!.Value;

        var bills = await db.Bills.Where(b => b.AccountId == accountId).ToListAsync();
        var entries = await db.LedgerEntries.Where(e => e.AccountId == accountId).ToListAsync();
        var account = await db.Accounts.SingleAsync(a => a.Id == accountId);

        Assert.Equal(4, bills.Count);
        Assert.Equal(4, bills.Select(b => b.UsageDay).Distinct().Count());
        Assert.Equal(entries.Sum(e => e.AmountUnits), account.BalanceUnits);
        Assert.Equal(2, entries.Count(e => e.Kind == LedgerEntryKind.PackPurchase));
        Assert.Equal(3, await db.ResourcePacks.CountAsync(p => p.AccountId == accountId));
        Assert.True(await db.PackDeductions.AnyAsync(d => d.AccountId == accountId));
        Assert.True(await db.UsageEvents.CountAsync(e => e.AccountId == accountId) > 1000);
    }

    [Fact]
    public async Task I4_StaffAccountDetail_ShowsTheAccountsBillsAndRecharges()
    {
        _ = app.Server;
        await using var db = app.CreateDbContext();
        var accountId = (await db.Users.SingleAsync(u => u.Email == DemoSeeder.Owner.Email)).AccountId!.Value;
        var handler = app.Services.GetRequiredService<GetStaffAccountHandler>();

        var detail = await handler.HandleAsync(accountId, default);

        Assert.Equal(4, detail!.Bills.Count);
        Assert.True(detail.Bills.Select(b => b.UsageDay).SequenceEqual(detail.Bills.Select(b => b.UsageDay).OrderDescending()));
        Assert.Empty(detail.Recharges);
        Assert.Equal(3, detail.Packs.Count);
    }

    [Fact]
    public async Task DemoHistory_TellsAConsistentStory_OpenedAndCreditedFirst_BillsAtTheDailyRun()
    {
        _ = app.Server;
        await using var db = app.CreateDbContext();
        var accountId = (await db.Users.SingleAsync(u => u.Email == DemoSeeder.Owner.Email)).AccountId!.Value;
        var calendar = app.Services.GetRequiredService<BillingConsole.Domain.Common.BillingCalendar>();
        var account = await db.Accounts.SingleAsync(a => a.Id == accountId);
        var entries = await db.LedgerEntries.Where(e => e.AccountId == accountId).OrderBy(e => e.Sequence).ToListAsync();
        var bills = await db.Bills.Where(b => b.AccountId == accountId).ToListAsync();
        var firstEvent = await db.UsageEvents.Where(e => e.AccountId == accountId).MinAsync(e => e.OccurredAtUtc);
        var today = calendar.DayOf(DateTime.UtcNow);

        // Opened (the staff view's 开通时间) at the start of the four-day history, before any usage.
        Assert.Equal(today.AddDays(-4), calendar.DayOf(account.CreatedAtUtc));
        Assert.True(account.CreatedAtUtc <= firstEvent);
        // The opening balance is the first entry, credited when the account opened.
        Assert.Equal(LedgerEntryKind.Adjustment, entries[0].Kind);
        Assert.Equal(account.CreatedAtUtc, entries[0].CreatedAtUtc);
        Assert.All(entries.Skip(1), e => Assert.True(e.CreatedAtUtc >= account.CreatedAtUtc));
        // Each bill is issued at Billing:DailyRunAt (10:00) on the morning after its usage day, unless that is still ahead.
        foreach (var bill in bills)
        {
            var due = calendar.DayEndUtc(bill.UsageDay).AddHours(10);
            if (due <= DateTime.UtcNow.AddMinutes(-5)) Assert.Equal(due, bill.IssuedAtUtc);
        }
    }

    [Fact]
    public async Task A5_DemoAlerts_CarryTheRealTriggerAndTheTimeOfTheDeduction_Issue15()
    {
        _ = app.Server;
        await using var db = app.CreateDbContext();
        var accountId = (await db.Users.SingleAsync(u => u.Email == DemoSeeder.Owner.Email)).AccountId!.Value;
        var billedAt = await db.Bills.Where(b => b.AccountId == accountId).Select(b => b.IssuedAtUtc).ToListAsync();
        var boughtAt = await db.ResourcePacks.Where(p => p.AccountId == accountId).Select(p => p.PurchasedAtUtc).ToListAsync();

        var alerts = await db.AlertOccurrences.Where(o => o.AccountId == accountId && o.PackTypeCode != null).ToListAsync();

        Assert.NotEmpty(alerts);
        Assert.All(alerts, a => Assert.True(
            a.Trigger == "Deduction" ? billedAt.Contains(a.AtUtc) : a.Trigger == "Purchase" && boughtAt.Contains(a.AtUtc),
            $"{a.Kind} {a.PackTypeCode}: trigger {a.Trigger} at {a.AtUtc:O}, bills at {string.Join(", ", billedAt)}"));
        Assert.DoesNotContain(alerts, a => a.Kind == "exhausted" && a.Trigger == "Purchase");
        Assert.True(alerts.Select(a => a.AtUtc).Distinct().Count() > 1 || alerts.Count == 1);
    }
}
