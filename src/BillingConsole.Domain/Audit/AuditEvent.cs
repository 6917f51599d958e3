namespace BillingConsole.Domain.Audit;

/// <summary>
/// One line of the append-only audit log (SPEC I3, I4): who did what, acting for which account, when and from where.
/// Rows are only ever inserted; nothing updates or deletes them.
/// </summary>
public sealed class AuditEvent
{
    public const int MaxUserAgent = 256;
    public const int MaxDetails = 2000;

    private AuditEvent()
    {
        ActorUserId = string.Empty;
        ActorEmail = string.Empty;
        Action = string.Empty;
        Subject = string.Empty;
    }

    public long Id { get; private set; }
    public DateTime AtUtc { get; private set; }
    /// <summary>The person (or <c>system</c>, <c>api-key:…</c>, <c>admin-api</c>) who acted, always their own identity.</summary>
    public string ActorUserId { get; private set; }
    public string ActorEmail { get; private set; }
    /// <summary>The account acted on or looked at (the impersonated account while impersonating).</summary>
    public Guid? ActingForAccountId { get; private set; }
    /// <summary>A stable kebab-case verb such as <c>impersonation.start</c>, <c>page.view</c>, <c>ledger.recharge</c>.</summary>
    public string Action { get; private set; }
    /// <summary>What the action was about: a URL, an entity id, a job id.</summary>
    public string Subject { get; private set; }
    public string? Details { get; private set; }
    public string? IpAddress { get; private set; }
    public string? UserAgent { get; private set; }

    public static AuditEvent Create(DateTime atUtc, string actorUserId, string actorEmail, Guid? actingForAccountId,
        string action, string subject, string? details, string? ipAddress, string? userAgent) => new()
    {
        AtUtc = atUtc,
        ActorUserId = Truncate(actorUserId, 450)!,
        ActorEmail = Truncate(actorEmail, 256)!,
        ActingForAccountId = actingForAccountId,
        Action = Truncate(action, 64)!,
        Subject = Truncate(subject, 512)!,
        Details = Truncate(details, MaxDetails),
        IpAddress = Truncate(ipAddress, 64),
        UserAgent = Truncate(userAgent, MaxUserAgent),
    };

    private static string? Truncate(string? value, int max) => value is { Length: > 0 } && value.Length > max ? value[..max] : value;
}
