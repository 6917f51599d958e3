using BillingConsole.Domain.Common;
using BillingConsole.Domain.Ledger;
using BillingConsole.Domain.Notifications;
using BillingConsole.Infrastructure.Notifications;
using BillingConsole.Web.Features.QuotaAlerts;
using Microsoft.EntityFrameworkCore;

namespace BillingConsole.Web.Tests.Features.QuotaAlerts;

public sealed class QuotaAlertJobsTests
{
    private sealed class CountingSender : INotificationSender
    {
        public List<EmailMessage> Sent { get; } = [];

        public Task SendAsync(EmailMessage message, CancellationToken ct)
        {
            Sent.Add(message);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task A2_A6_AfterBillingRun_EvaluatesQuotaAndLowBalance_ForEachBilledAccount_ThenSends()
    {
        await using var world = await AlertWorld.CreateAsync();
        var pack = await world.BuyAsync(AlertWorld.Rp, 100);
        await world.DeductAsync(pack, 95);
        await world.PostAsync(LedgerEntryKind.Recharge, 150m);
        Assert.True((await new LowBalanceSettingsHandler(world.Database, world.Clock)
            .SaveAsync(world.AccountId, true, Money.Yuan(100m), default)).IsOk);
        await world.PostAsync(LedgerEntryKind.DailyBill, -60m);
        var sender = new CountingSender();
        var jobs = new QuotaAlertJobs(world.Evaluate(), world.ObserveLowBalance(), world.Send(sender));

        await jobs.AfterBillingRunAsync([world.AccountId, Guid.NewGuid()], default);

        await using var db = world.Database.CreateDbContext();
        var kinds = await db.Notifications.Select(n => n.Kind).ToListAsync();
        Assert.Equal(2, kinds.Count);
        Assert.Contains(Notification.KindLowBalance, kinds);
        Assert.Equal(2, sender.Sent.Count);
    }
}
