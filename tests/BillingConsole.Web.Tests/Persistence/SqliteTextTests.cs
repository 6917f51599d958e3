using System.Globalization;
using System.Text;
using BillingConsole.Infrastructure.Persistence;

namespace BillingConsole.Web.Tests.Persistence;

/// <summary>The stack formats of <see cref="SqliteText"/> are byte for byte Microsoft.Data.Sqlite's text formats.</summary>
public sealed class SqliteTextTests
{
    [Fact]
    public void Guids_AreUpperCaseD()
    {
        Span<byte> buffer = stackalloc byte[SqliteText.GuidLength];
        foreach (var value in new[] { Guid.Empty, Guid.AllBitsSet }.Concat(Enumerable.Range(0, 1000).Select(_ => Guid.NewGuid())))
        {
            Assert.Equal(value.ToString().ToUpperInvariant(), Encoding.UTF8.GetString(buffer[..SqliteText.Write(value, buffer)]));
        }
    }

    [Fact]
    public void Times_AreSqliteDateTimeText_WithoutTrailingZeros()
    {
        var random = new Random(20261128);
        var values = new List<DateTime>
        {
            DateTime.MinValue, DateTime.MaxValue, new(2026, 11, 28, 0, 0, 0, DateTimeKind.Utc),
            new(2026, 1, 2, 3, 4, 5, 600, DateTimeKind.Utc), new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1),
            new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1_000_000),
        };
        values.AddRange(Enumerable.Range(0, 5000).Select(_ => new DateTime(random.NextInt64(DateTime.MaxValue.Ticks), DateTimeKind.Utc)));
        Span<byte> buffer = stackalloc byte[SqliteText.MaxDateTimeLength];
        foreach (var value in values)
        {
            Assert.Equal(value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
                Encoding.UTF8.GetString(buffer[..SqliteText.Write(value, buffer)]));
            var day = DateOnly.FromDateTime(value);
            Assert.Equal(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Encoding.UTF8.GetString(buffer[..SqliteText.Write(day, buffer)]));
        }
    }
}
