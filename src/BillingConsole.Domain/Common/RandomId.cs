namespace BillingConsole.Domain.Common;

/// <summary>
/// A random (version 4) GUID, as <see cref="Guid.NewGuid"/> makes, with its bits from <see cref="RandomBytes"/>: for
/// concurrency tokens rewritten on every change of a hot row (accounts, packs).
/// </summary>
public static class RandomId
{
    public static Guid New()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomBytes.Fill(bytes);
        return RandomBytes.ToGuid(bytes, version: 4);
    }
}
