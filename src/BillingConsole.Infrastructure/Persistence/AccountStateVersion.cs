namespace BillingConsole.Infrastructure.Persistence;

/// <summary>
/// A process-wide counter that moves forward after every committed change of an account's status or arrears time, or
/// of an API key (revocation, deletion). In-process caches of that state stamp an entry with the value they read
/// <em>before</em> going to the database and trust it only while the counter has not moved (docs/metering.md), so a
/// change committed through this process is never hidden by an entry read before it.
/// </summary>
public sealed class AccountStateVersion
{
    private long current;

    public long Current => Interlocked.Read(ref current);

    /// <summary>Called after the commit: a reader that starts after this sees the new state in the database.</summary>
    public void Advance() => Interlocked.Increment(ref current);
}
