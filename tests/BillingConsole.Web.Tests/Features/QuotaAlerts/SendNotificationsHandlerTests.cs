using BillingConsole.Domain.Notifications;
using BillingConsole.Domain.QuotaAlerts;
using BillingConsole.Infrastructure.Notifications;
using BillingConsole.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using netDumbster.smtp;

namespace BillingConsole.Web.Tests.Features.QuotaAlerts;

public sealed class SendNotificationsHandlerTests
{
    private sealed class FlakySender(int failures) : INotificationSender
    {
        public List<EmailMessage> Sent { get; } = [];
        private int left = failures;

        public Task SendAsync(EmailMessage message, CancellationToken ct)
        {
            if (left-- > 0) throw new IOException("SMTP server unreachable");
            Sent.Add(message);
            return Task.CompletedTask;
        }
    }

    private static async Task<AlertWorld> WorldWithOneAlertAsync()
    {
        var world = await AlertWorld.CreateAsync();
        var pack = await world.BuyAsync(AlertWorld.Rp, 100);
        await world.DeductAsync(pack, 95);
        Assert.Equal(1, await world.Evaluate().HandleAsync(world.AccountId, QuotaAlertTrigger.Deduction, default));
        return world;
    }

    [Fact]
    public async Task A5_FailedSend_KeepsTheMessage_RetriesAfterBackoff()
    {
        await using var world = await WorldWithOneAlertAsync();
        var sender = new FlakySender(failures: 1);

        var first = await world.Send(sender).HandleAsync(default);
        var tooEarly = await world.Send(sender).HandleAsync(default);
        world.Clock.Advance(TimeSpan.FromMinutes(1));
        var retry = await world.Send(sender).HandleAsync(default);

        Assert.Equal(new SendNotificationsResult(0, 1), first);
        Assert.Equal(new SendNotificationsResult(0, 0), tooEarly);
        Assert.Equal(new SendNotificationsResult(1, 0), retry);
        await using var db = world.Database.CreateDbContext();
        Assert.Equal(1, await db.Notifications.CountAsync());
        var email = await db.OutboundEmails.SingleAsync();
        Assert.Equal((OutboundEmailStatus.Sent, 2), (email.Status, email.Attempts));
        Assert.Equal(AlertWorld.OwnerEmail, Assert.Single(sender.Sent).To);
    }

    [Fact]
    public async Task A5_SenderAlwaysFails_GivesUpAfterMaxAttempts_MessageStays()
    {
        await using var world = await WorldWithOneAlertAsync();
        var sender = new FlakySender(failures: int.MaxValue);

        for (var i = 0; i < OutboundEmail.MaxAttempts + 2; i++)
        {
            await world.Send(sender).HandleAsync(default);
            world.Clock.Advance(TimeSpan.FromMinutes(30));
        }

        await using var db = world.Database.CreateDbContext();
        var email = await db.OutboundEmails.SingleAsync();
        Assert.Equal((OutboundEmailStatus.Failed, OutboundEmail.MaxAttempts), (email.Status, email.Attempts));
        Assert.Contains("unreachable", email.LastError);
        Assert.Equal(1, await db.Notifications.CountAsync());
    }

    [Fact]
    public async Task A5_PickupDirectory_WritesAnEmlFile()
    {
        await using var world = await WorldWithOneAlertAsync();
        var folder = Path.Combine(Path.GetTempPath(), "alert-mail-" + Guid.NewGuid().ToString("N"));
        var sender = new PickupDirectoryNotificationSender(folder, new EmailOptions(), world.Clock);

        await world.Send(sender).HandleAsync(default);

        var file = Assert.Single(Directory.GetFiles(folder, "*.eml"));
        using var mime = await MimeKit.MimeMessage.LoadAsync(file);
        Assert.Equal(AlertWorld.OwnerEmail, mime.To.Mailboxes.Single().Address);
        Assert.Contains("Real-person verification pack below 30%", mime.Subject);
        Assert.Contains("5 of 100 left", mime.TextBody);
        Assert.Contains("剩余 5 / 100", mime.TextBody); // alerts are bilingual: Chinese first, then English
        Assert.Contains("剩余低于 30%", mime.Subject);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A5_Smtp_DeliversTheAlertToARealSmtpServer()
    {
        await using var world = await WorldWithOneAlertAsync();
        using var server = SimpleSmtpServer.Start();
        var options = new EmailOptions { Smtp = new SmtpOptions { Host = "127.0.0.1", Port = server.Configuration.Port } };

        var result = await world.Send(new SmtpNotificationSender(options, world.Clock)).HandleAsync(default);

        Assert.Equal(new SendNotificationsResult(1, 0), result);
        var mail = Assert.Single(server.ReceivedEmail);
        Assert.Equal(AlertWorld.OwnerEmail, mail.ToAddresses.Single().Address);
        Assert.Contains("below 30%", mail.Headers["Subject"]);
        Assert.Contains("5 of 100 left", mail.MessageParts[0].BodyData);
    }

    [Fact]
    public async Task A5_AlertContacts_ReplaceTheOwnerDefault()
    {
        await using var world = await AlertWorld.CreateAsync();
        var contacts = new AlertContactsHandler(world.Database, world.Clock);
        Assert.True((await contacts.ListAsync(world.AccountId, default)).Single().IsDefault);
        Assert.False((await contacts.AddAsync(world.AccountId, "not-an-email", null, default)).IsOk);
        Assert.True((await contacts.AddAsync(world.AccountId, "ops@acme.test", "Ops", default)).IsOk);
        var pack = await world.BuyAsync(AlertWorld.Rp, 100);
        await world.DeductAsync(pack, 100);

        await world.Evaluate().HandleAsync(world.AccountId, QuotaAlertTrigger.Deduction, default);

        await using var db = world.Database.CreateDbContext();
        Assert.All(await db.OutboundEmails.ToListAsync(), e => Assert.Equal("ops@acme.test", e.To));
    }
}
