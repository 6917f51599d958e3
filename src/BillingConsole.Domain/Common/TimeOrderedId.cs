using System.Buffers.Binary;

namespace BillingConsole.Domain.Common;

/// <summary>
/// UUIDv7 ids stamped with the business time (from the caller's <c>TimeProvider</c>, not the machine clock): rows created
/// together sort together, so inserts append to their key indexes instead of touching a random page each
/// (docs/settlement.md "Writing a chunk"). The remaining 74 bits are random, as unguessable as before for lookups.
/// <para>
/// The random bits come from <see cref="RandomBytes"/>, not from <see cref="Guid.CreateVersion7(DateTimeOffset)"/>,
/// whose <see cref="Guid.NewGuid"/> asks the kernel once per id. The layout is RFC 9562's, as CreateVersion7's.
/// </para>
/// </summary>
public static class TimeOrderedId
{
    public static Guid New(DateTime utc)
    {
        var millis = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
        Span<byte> bytes = stackalloc byte[16];
        RandomBytes.Fill(bytes[6..]);
        // 48-bit big-endian Unix milliseconds, then the version (7) and the RFC variant over the random bits.
        BinaryPrimitives.WriteInt64BigEndian(bytes[..8], millis << 16 | BinaryPrimitives.ReadUInt16BigEndian(bytes[6..8]));
        return RandomBytes.ToGuid(bytes, version: 7);
    }
}
