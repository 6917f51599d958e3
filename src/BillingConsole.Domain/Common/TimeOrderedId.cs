namespace BillingConsole.Domain.Common;

/// <summary>
/// UUIDv7 ids stamped with the business time (from the caller's <c>TimeProvider</c>, not the machine clock): rows created
/// together sort together, so inserts append to their key indexes instead of touching a random page each
/// (docs/settlement.md "Writing a chunk"). The remaining 74 bits are random, as unguessable as before for lookups.
/// </summary>
public static class TimeOrderedId
{
    public static Guid New(DateTime utc) =>
        Guid.CreateVersion7(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));
}
