namespace BillingConsole.Infrastructure.Notifications;

/// <summary>One plain-text e-mail to one recipient.</summary>
public sealed record EmailMessage(string To, string Subject, string Body);
