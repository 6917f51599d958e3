using BillingConsole.Infrastructure.Notifications;
using MimeKit;

namespace BillingConsole.Web.Tests.Features.Invoices;

/// <summary>SPEC V4: the e-mail of an issued invoice carries the PDF (the outbox's optional attachment).</summary>
public sealed class InvoiceEmailAttachmentTests
{
    [Fact]
    public async Task V4_AnEmailWithAnAttachment_IsWrittenAsMultipartWithThePdf()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mail-" + Guid.NewGuid().ToString("N"));
        var sender = new PickupDirectoryNotificationSender(folder, new EmailOptions(), TimeProvider.System);
        var pdf = "%PDF-1.4\n% invoice\n"u8.ToArray();

        await sender.SendAsync(new EmailMessage("ap@example.com", "发票已开具", "见附件", "发票-12345678.pdf", pdf), default);
        await sender.SendAsync(new EmailMessage("ap@example.com", "plain", "no attachment"), default);

        var messages = Directory.GetFiles(folder, "*.eml").Select(f => MimeMessage.Load(f)).ToList();
        Directory.Delete(folder, recursive: true);
        var withPdf = messages.Single(m => m.Subject == "发票已开具");
        var attachment = Assert.IsType<MimePart>(Assert.Single(withPdf.Attachments));
        Assert.Equal("发票-12345678.pdf", attachment.FileName);
        Assert.Equal("application/pdf", attachment.ContentType.MimeType);
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content);
        Assert.Equal(pdf, content.ToArray());
        Assert.Equal("见附件", withPdf.TextBody?.Trim());
        Assert.Empty(messages.Single(m => m.Subject == "plain").Attachments);
    }
}
