namespace BillingConsole.Domain.Webhooks;

/// <summary>
/// One attempt to deliver a message (the delivery log, kept 30 days). (MessageId, Number) is unique: the node that
/// inserts the row sends the attempt, so two nodes never send the same attempt.
/// </summary>
public sealed class WebhookAttempt
{
    public const int ExcerptMaxLength = 2000;
    public const int RequestMaxLength = 12_000;
    public const int ErrorMaxLength = 500;

    private WebhookAttempt()
    {
        Request = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid MessageId { get; private set; }
    public Guid EndpointId { get; private set; }
    public int Number { get; private set; }
    public DateTime StartedAtUtc { get; private set; }
    public DateTime? FinishedAtUtc { get; private set; }
    /// <summary>The request as sent: the headers and the body.</summary>
    public string Request { get; private set; }
    public int? ResponseStatus { get; private set; }
    public string? ResponseExcerpt { get; private set; }
    public string? Error { get; private set; }
    public bool? Succeeded { get; private set; }

    public static WebhookAttempt Start(WebhookMessage message, int number, DateTime nowUtc) => new()
    {
        Id = Guid.NewGuid(),
        MessageId = message.Id,
        EndpointId = message.EndpointId,
        Number = number,
        StartedAtUtc = nowUtc,
    };

    public void Finish(string request, int? status, string? excerpt, string? error, bool succeeded, DateTime nowUtc)
    {
        Request = Cut(request, RequestMaxLength)!;
        ResponseStatus = status;
        ResponseExcerpt = Cut(excerpt, ExcerptMaxLength);
        Error = Cut(error, ErrorMaxLength);
        Succeeded = succeeded;
        FinishedAtUtc = nowUtc;
    }

    private static string? Cut(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}
