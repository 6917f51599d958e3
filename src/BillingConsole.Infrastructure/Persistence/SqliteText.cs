using SQLitePCL;

namespace BillingConsole.Infrastructure.Persistence;

/// <summary>
/// The UTF-8 text Microsoft.Data.Sqlite stores for EF's SQLite mappings, written into a caller's buffer without
/// allocating: a GUID in upper case ("D"), a <see cref="DateTime"/> as <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c> (no trailing
/// zeros, no dot for a whole second), a <see cref="DateOnly"/> as <c>yyyy-MM-dd</c>. Tests compare with the
/// <c>ToString</c> formats over many values. The <c>Bind</c> overloads bind them to a prepared statement by position, for
/// code that writes through SQLitePCL (the ingestion writer, <see cref="SqliteRowWriter"/>); they return SQLite's code.
/// </summary>
internal static class SqliteText
{
    public const int GuidLength = 36;
    public const int MaxDateTimeLength = 27;
    public const int DateLength = 10;

    public static int Write(Guid value, Span<byte> destination)
    {
        if (!value.TryFormat(destination, out var written, "D")) throw new ArgumentException("Buffer too small.", nameof(destination));
        for (var i = 0; i < written; i++)
        {
            if (destination[i] is >= (byte)'a' and <= (byte)'f') destination[i] -= 'a' - 'A';
        }
        return written;
    }

    public static int Write(DateOnly value, Span<byte> destination)
    {
        Digits(destination[..4], value.Year);
        destination[4] = (byte)'-';
        Digits(destination.Slice(5, 2), value.Month);
        destination[7] = (byte)'-';
        Digits(destination.Slice(8, 2), value.Day);
        return DateLength;
    }

    public static int Write(DateTime value, Span<byte> destination)
    {
        Write(DateOnly.FromDateTime(value), destination);
        destination[10] = (byte)' ';
        Digits(destination.Slice(11, 2), value.Hour);
        destination[13] = (byte)':';
        Digits(destination.Slice(14, 2), value.Minute);
        destination[16] = (byte)':';
        Digits(destination.Slice(17, 2), value.Second);
        var fraction = (int)(value.Ticks % TimeSpan.TicksPerSecond);
        if (fraction == 0) return 19;
        destination[19] = (byte)'.';
        Digits(destination.Slice(20, 7), fraction);
        var length = MaxDateTimeLength;
        while (destination[length - 1] == (byte)'0') length--;
        return length;
    }

    // Formatted on the stack: most columns of the rows written this way are GUIDs and times.
    public static int Bind(sqlite3_stmt statement, int index, Guid value)
    {
        Span<byte> text = stackalloc byte[GuidLength];
        return raw.sqlite3_bind_text(statement, index, text[..Write(value, text)]);
    }

    public static int Bind(sqlite3_stmt statement, int index, DateTime value)
    {
        Span<byte> text = stackalloc byte[MaxDateTimeLength];
        return raw.sqlite3_bind_text(statement, index, text[..Write(value, text)]);
    }

    public static int Bind(sqlite3_stmt statement, int index, DateOnly value)
    {
        Span<byte> text = stackalloc byte[DateLength];
        return raw.sqlite3_bind_text(statement, index, text[..Write(value, text)]);
    }

    private static void Digits(Span<byte> destination, int value)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + value % 10);
            value /= 10;
        }
    }
}
