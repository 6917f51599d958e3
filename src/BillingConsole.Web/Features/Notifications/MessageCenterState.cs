namespace BillingConsole.Web.Features.Notifications;

/// <summary>Per-circuit signal so the app bar's unread badge follows what the message center page does.</summary>
public sealed class MessageCenterState
{
    public event Action? Changed;

    public void NotifyChanged() => Changed?.Invoke();
}
