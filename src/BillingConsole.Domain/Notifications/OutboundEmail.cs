namespace BillingConsole.Domain.Notifications;

/// <summary>
/// An e-mail in the outbox (SPEC A5). It is written with its notification in one transaction and sent later by the
/// alert-evaluation job, so a mail server that is down delays the e-mail but never loses the message. A sender claims
/// a row by moving <see cref="NextAttemptAtUtc"/> forward under the <see cref="Version"/> token, so two nodes do not
/// send the same row at the same time; a node that dies mid-send leaves the claim to expire and the row is retried
/// (at-least-once, the most e-mail can promise).
/// </summary>
public sealed class OutboundEmail
{
    public const int MaxAttempts = 5;
    /// <summary>How long a claim holds before another run may try the row again.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(5);

    private OutboundEmail()
    {
        To = string.Empty;
        Subject = string.Empty;
        Body = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid NotificationId { get; private set; }
    public string To { get; private set; }
    public string Subject { get; private set; }
    public string Body { get; private set; }
    public OutboundEmailStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime NextAttemptAtUtc { get; private set; }
    public DateTime? SentAtUtc { get; private set; }
    public string? LastError { get; private set; }
    public Guid Version { get; private set; }
    /// <summary>An attached file (the PDF of an issued invoice, issue #19), or none.</summary>
    public string? AttachmentFileName { get; private set; }
    public byte[]? AttachmentContent { get; private set; }

    /// <summary>Attaches one file before the e-mail is first saved.</summary>
    public OutboundEmail WithAttachment(string fileName, byte[] content)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        AttachmentFileName = fileName.Length <= 200 ? fileName : fileName[^200..];
        AttachmentContent = content;
        return this;
    }

    public static OutboundEmail Create(Guid notificationId, string to, string subject, string body, DateTime nowUtc) =>
        new()
        {
            Id = Guid.NewGuid(),
            NotificationId = notificationId,
            To = to,
            Subject = subject,
            Body = body,
            Status = OutboundEmailStatus.Pending,
            CreatedAtUtc = nowUtc,
            NextAttemptAtUtc = nowUtc,
            Version = Guid.NewGuid(),
        };

    public bool IsDue(DateTime nowUtc) => Status == OutboundEmailStatus.Pending && NextAttemptAtUtc <= nowUtc;

    /// <summary>Takes the row for one attempt; save it before sending (the token decides who sends).</summary>
    public void Claim(DateTime nowUtc)
    {
        if (!IsDue(nowUtc)) throw new InvalidOperationException($"E-mail {Id} is not due.");
        Attempts++;
        NextAttemptAtUtc = nowUtc + ClaimLease;
        Version = Guid.NewGuid();
    }

    public void MarkSent(DateTime nowUtc)
    {
        Status = OutboundEmailStatus.Sent;
        SentAtUtc = nowUtc;
        LastError = null;
        Version = Guid.NewGuid();
    }

    /// <summary>Schedules the next attempt with exponential backoff (1, 2, 4, 8 minutes), or gives up.</summary>
    public void MarkAttemptFailed(string error, DateTime nowUtc)
    {
        LastError = error.Length <= 1000 ? error : error[..1000];
        if (Attempts >= MaxAttempts)
        {
            Status = OutboundEmailStatus.Failed;
        }
        else
        {
            NextAttemptAtUtc = nowUtc + TimeSpan.FromMinutes(Math.Pow(2, Attempts - 1));
        }
        Version = Guid.NewGuid();
    }
}
