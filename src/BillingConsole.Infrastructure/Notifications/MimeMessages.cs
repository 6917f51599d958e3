using MimeKit;

namespace BillingConsole.Infrastructure.Notifications;

internal static class MimeMessages
{
    public static MimeMessage Build(EmailMessage message, SmtpOptions smtp, DateTimeOffset date)
    {
        var mime = new MimeMessage { Subject = message.Subject, Date = date };
        mime.From.Add(new MailboxAddress(smtp.SenderName, smtp.Sender));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Body = new TextPart("plain") { Text = message.Body };
        return mime;
    }
}
