namespace BillingConsole.Integration.Tests.Infrastructure;

/// <summary>
/// Real time that a browser journey can move forward ("the next day comes"), so the daily billing of a day the owner
/// used the API on can run without editing rows behind the app's back. Time keeps flowing, unlike
/// <c>FakeTimeProvider</c>, because a live browser session needs cookies, circuits and timeouts to behave normally.
/// </summary>
public sealed class ShiftableTimeProvider : TimeProvider
{
    private long offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    /// <summary>Moves the clock forward so that it reads <paramref name="utc"/> now (never backwards).</summary>
    public void MoveTo(DateTimeOffset utc)
    {
        var delta = utc - GetUtcNow();
        if (delta < TimeSpan.Zero) throw new InvalidOperationException("The clock only moves forward.");
        Interlocked.Add(ref offsetTicks, delta.Ticks);
    }
}
