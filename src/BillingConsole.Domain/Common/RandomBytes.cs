using System.Security.Cryptography;

namespace BillingConsole.Domain.Common;

/// <summary>
/// Cryptographically random bytes from <see cref="RandomNumberGenerator"/>, drawn in blocks of 4 KiB per thread. On
/// these machines <see cref="Guid.NewGuid"/> costs a system call per id (several microseconds in the VM); a daily run
/// makes tens of thousands of ids and concurrency tokens (docs/settlement.md "Time-ordered ids").
/// </summary>
internal static class RandomBytes
{
    private const int BlockSize = 4096;
    [ThreadStatic] private static byte[]? block;
    [ThreadStatic] private static int used;

    public static void Fill(Span<byte> destination)
    {
        if (block is null || used + destination.Length > BlockSize)
        {
            block ??= new byte[BlockSize];
            RandomNumberGenerator.Fill(block);
            used = 0;
        }
        var source = block.AsSpan(used, destination.Length);
        source.CopyTo(destination);
        source.Clear(); // never hand out the same bytes twice
        used += destination.Length;
    }

    /// <summary>
    /// An RFC 9562 GUID from 16 big-endian bytes: writes the version into the high nibble of byte 6 and the variant
    /// (binary 10) into the top bits of byte 8, over whatever random bits were there.
    /// </summary>
    public static Guid ToGuid(Span<byte> bytes, int version)
    {
        bytes[6] = (byte)((version << 4) | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}

