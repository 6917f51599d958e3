namespace BillingConsole.Web.Features.Demo;

/// <summary>
/// The clock the demo history runs on: the seeder walks it through the past month so that ingestion (with its 7-day
/// acceptance window), purchases and daily billing run as they would have on those days.
/// </summary>
internal sealed class DemoClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Set(DateTime utc) => now = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
