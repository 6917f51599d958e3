namespace BillingConsole.Domain.Webhooks;

/// <summary>
/// An event to deliver (the outbox). <see cref="EventKey"/> is unique per account: the business fact it reports
/// (<c>bill.issued:{billId}</c>…), so however often or on however many nodes the emitter runs, each fact becomes
/// one event. <see cref="OnlyEndpointId"/> targets one endpoint (a test event).
/// </summary>
public sealed class WebhookEvent
{
    public const int TypeMaxLength = 64;
    public const int KeyMaxLength = 200;
    public const int DataMaxLength = 8000;

    private WebhookEvent()
    {
        Type = string.Empty;
        EventKey = string.Empty;
        DataJson = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    public string Type { get; private set; }
    public string EventKey { get; private set; }
    /// <summary>The <c>data</c> object of the body, as JSON.</summary>
    public string DataJson { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public Guid? OnlyEndpointId { get; private set; }
    /// <summary>When its deliveries were created; null until then.</summary>
    public DateTime? DispatchedAtUtc { get; private set; }

    public static WebhookEvent Create(Guid accountId, string type, string eventKey, string dataJson, DateTime nowUtc,
        Guid? onlyEndpointId = null)
    {
        if (dataJson.Length > DataMaxLength) throw new ArgumentException("The event data is too large.", nameof(dataJson));
        return new WebhookEvent
        {
            Id = Guid.NewGuid(),
            AccountId = accountId,
            Type = type,
            EventKey = eventKey.Length <= KeyMaxLength ? eventKey : eventKey[..KeyMaxLength],
            DataJson = dataJson,
            CreatedAtUtc = nowUtc,
            OnlyEndpointId = onlyEndpointId,
        };
    }

    public void MarkDispatched(DateTime nowUtc) => DispatchedAtUtc ??= nowUtc;
}
