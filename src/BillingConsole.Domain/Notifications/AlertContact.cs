namespace BillingConsole.Domain.Notifications;

/// <summary>
/// Someone who receives the account's alert e-mails (SPEC A5). An account without contacts mails its owner; adding a
/// contact replaces that default, so an owner who wants the mail too adds their own address.
/// </summary>
public sealed class AlertContact
{
    public const int EmailMaxLength = 254;
    public const int NameMaxLength = 100;
    /// <summary>Enough for a team; more belongs on a mailing list.</summary>
    public const int MaxPerAccount = 10;

    private AlertContact()
    {
        Email = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    public string Email { get; private set; }
    public string? Name { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }

    public static AlertContact Create(Guid accountId, string email, string? name, DateTime nowUtc) => new()
    {
        Id = Guid.NewGuid(),
        AccountId = accountId,
        Email = email.Trim().ToLowerInvariant(),
        Name = string.IsNullOrWhiteSpace(name) ? null : name.Trim(),
        CreatedAtUtc = nowUtc,
    };
}
