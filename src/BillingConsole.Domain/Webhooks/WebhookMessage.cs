namespace BillingConsole.Domain.Webhooks;

public enum WebhookMessageStatus
{
    Pending,
    Succeeded,
    Failed,
}

/// <summary>
/// One event for one endpoint: its <see cref="WebhookId"/> (the <c>webhook-id</c> header) is the same on every attempt.
/// (EventId, EndpointId) is unique, so an event's deliveries are created once. The body is fixed at creation; each
/// attempt signs it with its own timestamp.
/// </summary>
public sealed class WebhookMessage
{
    public const int BodyMaxLength = 10_000;
    /// <summary>How long an attempt holds the message before a sweep may start the next one (above the 10 s timeout).</summary>
    public static readonly TimeSpan AttemptLease = TimeSpan.FromMinutes(2);

    private WebhookMessage()
    {
        WebhookId = string.Empty;
        EventType = string.Empty;
        Body = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid EventId { get; private set; }
    public Guid EndpointId { get; private set; }
    public Guid AccountId { get; private set; }
    public string WebhookId { get; private set; }
    public string EventType { get; private set; }
    public string Body { get; private set; }
    public WebhookMessageStatus Status { get; private set; }
    /// <summary>Attempts started so far; attempt numbers are 1-based and unique per message.</summary>
    public int Attempts { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime NextAttemptAtUtc { get; private set; }
    public Guid Version { get; private set; }

    public static WebhookMessage Create(WebhookEvent e, Guid endpointId, string body, DateTime nowUtc)
    {
        var id = Guid.NewGuid();
        return new WebhookMessage
        {
            Id = id,
            EventId = e.Id,
            EndpointId = endpointId,
            AccountId = e.AccountId,
            WebhookId = "msg_" + id.ToString("N"),
            EventType = e.Type,
            Body = body,
            Status = WebhookMessageStatus.Pending,
            CreatedAtUtc = nowUtc,
            NextAttemptAtUtc = nowUtc,
            Version = Guid.NewGuid(),
        };
    }

    /// <summary>Starts attempt <see cref="Attempts"/> + 1; the attempt row's unique key decides who sends it.</summary>
    public int StartAttempt(DateTime nowUtc)
    {
        Attempts++;
        NextAttemptAtUtc = nowUtc + AttemptLease;
        Status = WebhookMessageStatus.Pending;
        Version = Guid.NewGuid();
        return Attempts;
    }

    public void Succeeded()
    {
        Status = WebhookMessageStatus.Succeeded;
        Version = Guid.NewGuid();
    }

    /// <summary>Schedules the next attempt after <paramref name="pause"/>, or gives up when there is none.</summary>
    public void AttemptFailed(TimeSpan? pause, DateTime nowUtc)
    {
        if (pause is { } p) NextAttemptAtUtc = nowUtc + p;
        else Status = WebhookMessageStatus.Failed;
        Version = Guid.NewGuid();
    }

    /// <summary>A person asks to send it again (resend): the same webhook-id, a new attempt.</summary>
    public void Resend(DateTime nowUtc)
    {
        Status = WebhookMessageStatus.Pending;
        NextAttemptAtUtc = nowUtc;
        Version = Guid.NewGuid();
    }
}
