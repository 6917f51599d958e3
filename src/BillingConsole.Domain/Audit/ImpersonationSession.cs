namespace BillingConsole.Domain.Audit;

/// <summary>
/// A support user looking at one owner's account read-only (SPEC I3). It ends when the support user ends it or by
/// itself at <see cref="ExpiresAtUtc"/>; an ended or expired session never comes back.
/// </summary>
public sealed class ImpersonationSession
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);
    public const int MinReason = 5;
    public const int MaxReason = 500;

    private ImpersonationSession()
    {
        StaffUserId = string.Empty;
        StaffEmail = string.Empty;
        OwnerEmail = string.Empty;
        AccountName = string.Empty;
        Reason = string.Empty;
    }

    public Guid Id { get; private set; }
    public string StaffUserId { get; private set; }
    public string StaffEmail { get; private set; }
    public Guid AccountId { get; private set; }
    public string AccountName { get; private set; }
    public string OwnerEmail { get; private set; }
    public string Reason { get; private set; }
    public DateTime StartedAtUtc { get; private set; }
    public DateTime ExpiresAtUtc { get; private set; }
    public DateTime? EndedAtUtc { get; private set; }

    public static ImpersonationSession Start(string staffUserId, string staffEmail, Guid accountId, string accountName,
        string ownerEmail, string reason, DateTime nowUtc) => new()
    {
        Id = Guid.NewGuid(),
        StaffUserId = staffUserId,
        StaffEmail = staffEmail,
        AccountId = accountId,
        AccountName = accountName,
        OwnerEmail = ownerEmail,
        Reason = reason.Trim(),
        StartedAtUtc = nowUtc,
        ExpiresAtUtc = nowUtc + Lifetime,
    };

    public bool IsActive(DateTime nowUtc) => EndedAtUtc is null && nowUtc < ExpiresAtUtc;

    public TimeSpan TimeLeft(DateTime nowUtc) => IsActive(nowUtc) ? ExpiresAtUtc - nowUtc : TimeSpan.Zero;

    /// <summary>Ends the session; an expired session ends at its expiry, not later.</summary>
    public bool End(DateTime nowUtc)
    {
        if (EndedAtUtc is not null) return false;
        EndedAtUtc = nowUtc < ExpiresAtUtc ? nowUtc : ExpiresAtUtc;
        return true;
    }
}
