namespace BillingConsole.Domain.Notifications;

public enum OutboundEmailStatus
{
    /// <summary>Waiting for its next attempt.</summary>
    Pending,
    Sent,
    /// <summary>Gave up after <see cref="OutboundEmail.MaxAttempts"/>; the in-app message is still there.</summary>
    Failed,
}
