namespace BillingConsole.Domain.Webhooks;

/// <summary>
/// Where an account's events go (SPEC F5). The secret is stored only encrypted (Data Protection) and shown once.
/// During a rotation the previous secret stays valid for <see cref="RotationOverlap"/>: deliveries carry both
/// signatures. An endpoint failing for <see cref="DisableAfter"/> without a success is disabled.
/// </summary>
public sealed class WebhookEndpoint
{
    public const int UrlMaxLength = 2000;
    public const int DescriptionMaxLength = 200;
    public const int EventTypesMaxLength = 1000;
    public const int SecretMaxLength = 1000;
    public const int MaxPerAccount = 10;
    public static readonly TimeSpan RotationOverlap = TimeSpan.FromHours(24);
    public static readonly TimeSpan DisableAfter = TimeSpan.FromDays(5);

    private WebhookEndpoint()
    {
        Url = string.Empty;
        EventTypes = string.Empty;
        ProtectedSecret = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    public string Url { get; private set; }
    public string? Description { get; private set; }
    /// <summary>Comma-separated event types, or <c>*</c>.</summary>
    public string EventTypes { get; private set; }
    public string ProtectedSecret { get; private set; }
    public string? PreviousProtectedSecret { get; private set; }
    public DateTime? PreviousSecretExpiresAtUtc { get; private set; }
    public bool Enabled { get; private set; }
    public string? DisabledReason { get; private set; }
    /// <summary>The first failure since the last success; null while healthy.</summary>
    public DateTime? FailingSinceUtc { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public Guid Version { get; private set; }

    public IReadOnlyList<string> EventTypeList => EventTypes.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public static WebhookEndpoint Create(Guid accountId, string url, IEnumerable<string> eventTypes, string? description,
        string protectedSecret, DateTime nowUtc) => new()
    {
        Id = Guid.NewGuid(),
        AccountId = accountId,
        Url = url,
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
        EventTypes = string.Join(',', eventTypes.Distinct(StringComparer.Ordinal)),
        ProtectedSecret = protectedSecret,
        Enabled = true,
        CreatedAtUtc = nowUtc,
        Version = Guid.NewGuid(),
    };

    /// <summary>Does the endpoint take events of <paramref name="type"/>? A test event goes only where it is sent.</summary>
    public bool Wants(string type) =>
        type != WebhookEventTypes.Test && EventTypeList.Any(t => t == WebhookEventTypes.All || t == type);

    /// <summary>The secrets to sign with now: the current one, and the previous one while its overlap lasts.</summary>
    public IEnumerable<string> SigningSecrets(DateTime nowUtc)
    {
        yield return ProtectedSecret;
        if (PreviousProtectedSecret is not null && PreviousSecretExpiresAtUtc > nowUtc) yield return PreviousProtectedSecret;
    }

    public void Rotate(string newProtectedSecret, DateTime nowUtc)
    {
        PreviousProtectedSecret = ProtectedSecret;
        PreviousSecretExpiresAtUtc = nowUtc + RotationOverlap;
        ProtectedSecret = newProtectedSecret;
        Version = Guid.NewGuid();
    }

    public void Enable()
    {
        Enabled = true;
        DisabledReason = null;
        FailingSinceUtc = null;
        Version = Guid.NewGuid();
    }

    public void Disable(string reason)
    {
        Enabled = false;
        DisabledReason = reason.Length <= 200 ? reason : reason[..200];
        Version = Guid.NewGuid();
    }

    public void RecordSuccess()
    {
        if (FailingSinceUtc is null) return;
        FailingSinceUtc = null;
        Version = Guid.NewGuid();
    }

    /// <summary>Records a failed attempt; true when the endpoint has now failed long enough to be disabled.</summary>
    public bool RecordFailure(DateTime nowUtc)
    {
        FailingSinceUtc ??= nowUtc;
        Version = Guid.NewGuid();
        if (!Enabled || nowUtc - FailingSinceUtc.Value < DisableAfter) return false;
        Disable("Disabled after 5 days of failed deliveries.");
        return true;
    }
}
