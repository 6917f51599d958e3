namespace BillingConsole.Domain.ResourcePacks;

/// <summary>The life-cycle state of a resource pack instance (SPEC P1).</summary>
public enum PackStatus
{
    /// <summary>生效中: in validity with quantity left (cyclic packs stay active for their whole validity).</summary>
    Active,
    /// <summary>已用尽: a non-cyclic pack whose remaining reached zero; a renewal or upgrade makes it active again.</summary>
    Exhausted,
    /// <summary>已过期: past its expiry; what was left lapsed (SPEC P11).</summary>
    Expired,
    /// <summary>已退订: unsubscribed within the refund window (SPEC P10).</summary>
    Unsubscribed,
}
