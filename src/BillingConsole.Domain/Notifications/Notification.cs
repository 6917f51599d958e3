namespace BillingConsole.Domain.Notifications;

/// <summary>
/// A message in the account's message center (消息中心, SPEC A5). Written in the same transaction as the alert
/// occurrence it reports and its outbound e-mails, so a failing mail server never loses the in-app message.
/// </summary>
public sealed class Notification
{
    public const string KindQuotaAlert = "quota_alert";
    public const string KindLowBalance = "low_balance";
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 2000;

    private Notification()
    {
        Kind = string.Empty;
        Title = string.Empty;
        Body = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    /// <summary><see cref="KindQuotaAlert"/> or <see cref="KindLowBalance"/> (API.md names).</summary>
    public string Kind { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? ReadAtUtc { get; private set; }
    public string Title { get; private set; }
    public string Body { get; private set; }
    public Guid? OccurrenceId { get; private set; }
    public string? PackTypeCode { get; private set; }
    public int? ThresholdPercent { get; private set; }
    public long? Remaining { get; private set; }
    public long? Total { get; private set; }
    /// <summary>Hundredths of a percent, exact.</summary>
    public long? RatioBasisPoints { get; private set; }
    public string? Trigger { get; private set; }

    public bool IsRead => ReadAtUtc is not null;
    public decimal? RatioPercent => RatioBasisPoints / 100m;

    public static Notification Create(Guid accountId, string kind, string title, string body, DateTime nowUtc,
        NotificationPayload? payload = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        return new Notification
        {
            Id = Guid.NewGuid(),
            AccountId = accountId,
            Kind = kind,
            CreatedAtUtc = nowUtc,
            Title = Truncate(title, TitleMaxLength),
            Body = Truncate(body, BodyMaxLength),
            OccurrenceId = payload?.OccurrenceId,
            PackTypeCode = payload?.PackTypeCode,
            ThresholdPercent = payload?.ThresholdPercent,
            Remaining = payload?.Remaining,
            Total = payload?.Total,
            RatioBasisPoints = payload?.RatioBasisPoints,
            Trigger = payload?.Trigger,
        };
    }

    /// <summary>Marks the message read; reading it again keeps the first time.</summary>
    public void MarkRead(DateTime nowUtc) => ReadAtUtc ??= nowUtc;

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}

/// <summary>What a quota alert saw, carried on its notification for the API (API.md <c>GET /notifications</c>).</summary>
public sealed record NotificationPayload(Guid? OccurrenceId, string? PackTypeCode, int? ThresholdPercent,
    long? Remaining, long? Total, long? RatioBasisPoints, string? Trigger);
