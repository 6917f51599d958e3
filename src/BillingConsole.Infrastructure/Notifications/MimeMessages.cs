using MimeKit;

namespace BillingConsole.Infrastructure.Notifications;

internal static class MimeMessages
{
    public static MimeMessage Build(EmailMessage message, SmtpOptions smtp, DateTimeOffset date)
    {
        var mime = new MimeMessage { Subject = message.Subject, Date = date };
        mime.From.Add(new MailboxAddress(smtp.SenderName, smtp.Sender));
        mime.To.Add(MailboxAddress.Parse(message.To));
        var text = new TextPart("plain") { Text = message.Body };
        if (message.AttachmentContent is not { Length: > 0 } content || message.AttachmentFileName is null)
        {
            mime.Body = text;
            return mime;
        }
        var builder = new BodyBuilder { TextBody = message.Body };
        builder.Attachments.Add(message.AttachmentFileName, content, ContentType.Parse(message.AttachmentContentType));
        mime.Body = builder.ToMessageBody();
        return mime;
    }
}
