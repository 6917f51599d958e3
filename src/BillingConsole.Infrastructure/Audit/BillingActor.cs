namespace BillingConsole.Infrastructure.Audit;

/// <summary>
/// Who is acting right now: a signed-in person, an API key, the admin token or the system (jobs). While a support
/// user impersonates, <see cref="ImpersonatedAccountId"/> is the account they look at and every write is refused.
/// </summary>
public sealed record BillingActor(string UserId, string Email, Guid? AccountId, Guid? ImpersonationSessionId,
    Guid? ImpersonatedAccountId, string? IpAddress, string? UserAgent)
{
    public static readonly BillingActor System = new("system", "system", null, null, null, null, null);

    /// <summary>True while a support user views an account; fail closed: a session that has just expired still counts.</summary>
    public bool IsImpersonating => ImpersonatedAccountId is not null;

    /// <summary>The account this actor works for: the impersonated one, else its own.</summary>
    public Guid? ActingForAccountId => ImpersonatedAccountId ?? AccountId;
}

/// <summary>
/// The ambient actor. Set per HTTP request by a middleware and per inbound Blazor circuit activity by a circuit
/// handler, so the write guard in <see cref="Persistence.Interceptors.ReadOnlyImpersonationInterceptor"/> works for every
/// handler without the handler passing anything.
/// </summary>
public static class ActorContext
{
    private static readonly AsyncLocal<BillingActor?> current = new();

    /// <summary>The actor of the current flow; null outside requests and circuits (jobs, start-up).</summary>
    public static BillingActor? Current
    {
        get => current.Value;
        set => current.Value = value;
    }

    /// <summary>Sets the actor for a block (tests, jobs) and restores the previous one on dispose.</summary>
    public static IDisposable Use(BillingActor? actor)
    {
        var previous = current.Value;
        current.Value = actor;
        return new Restore(previous);
    }

    private sealed class Restore(BillingActor? previous) : IDisposable
    {
        public void Dispose() => current.Value = previous;
    }
}
