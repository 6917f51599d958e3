using BillingConsole.Domain.Common;

namespace BillingConsole.Domain.Tests.Common;

public sealed class TimeOrderedIdTests
{
    [Fact]
    public void Ids_SortByTheBusinessTime_AsStoredText()
    {
        var start = new DateTime(2026, 11, 28, 2, 0, 0, DateTimeKind.Utc);
        var ids = Enumerable.Range(0, 100).Select(i => TimeOrderedId.New(start.AddMilliseconds(i * 7))).ToList();

        // SQLite stores GUIDs as upper-case text: that order is the order of creation.
        var stored = ids.Select(id => id.ToString().ToUpperInvariant()).ToList();
        Assert.Equal(stored, stored.Order(StringComparer.Ordinal));
        Assert.All(ids, id => Assert.Equal(7, id.Version));
        Assert.Equal(100, ids.Distinct().Count());
    }

    [Fact]
    public void TheTimeIsTheCallersNotTheMachines()
    {
        var past = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var id = TimeOrderedId.New(past);
        var millis = Convert.ToInt64(id.ToString("N")[..12], 16);
        Assert.Equal(new DateTimeOffset(past, TimeSpan.Zero).ToUnixTimeMilliseconds(), millis);
    }
}
