namespace BillingConsole.Infrastructure.Notifications;

/// <summary>One plain-text e-mail to one recipient, optionally with one attached file (an issued invoice PDF, issue #19).</summary>
public sealed record EmailMessage(string To, string Subject, string Body, string? AttachmentFileName = null,
    byte[]? AttachmentContent = null, string AttachmentContentType = "application/pdf");
