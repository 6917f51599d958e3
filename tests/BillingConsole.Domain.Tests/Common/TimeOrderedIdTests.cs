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

    [Fact]
    public void Ids_AreRfc9562Version7_WithTheVariantBits_LikeCreateVersion7()
    {
        var at = new DateTime(2026, 11, 28, 18, 0, 0, DateTimeKind.Utc);
        var ours = TimeOrderedId.New(at);
        var framework = Guid.CreateVersion7(new DateTimeOffset(at));

        Assert.Equal(framework.Version, ours.Version);
        Assert.Equal(0b1000, framework.Variant & 0b1100); // Variant is the whole nibble: two variant bits, two random
        Assert.Equal(0b1000, ours.Variant & 0b1100);
        Assert.Equal(framework.ToString()[..13], ours.ToString()[..13]); // the same 48-bit time and version digit
    }

    [Fact]
    public void RandomBits_AreUniqueAndUseEveryBit_AcrossManyBlocks()
    {
        var at = new DateTime(2026, 11, 28, 18, 0, 0, DateTimeKind.Utc);
        // Many 4 KiB blocks' worth, all in one millisecond: only the random bits tell them apart.
        var ids = Enumerable.Range(0, 20_000).Select(_ => TimeOrderedId.New(at)).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        var hex = ids.Select(id => id.ToString("N")).ToList();
        // Digits 0–11 are the time, 12 the version, 16 the variant (two bits of it random); the rest are random.
        foreach (var position in Enumerable.Range(13, 19).Where(p => p != 16))
        {
            var distinct = hex.Select(h => h[position]).Distinct().Count();
            Assert.True(distinct == 16, $"digit {position}: {distinct} values");
        }
        Assert.Equal("89ab", string.Concat(hex.Select(h => h[16]).Distinct().Order()));
    }

    [Fact]
    public async Task Threads_NeverShareRandomBits()
    {
        var at = new DateTime(2026, 11, 28, 18, 0, 0, DateTimeKind.Utc);
        var perThread = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            Enumerable.Range(0, 5_000).Select(_ => TimeOrderedId.New(at)).ToList())));

        var all = perThread.SelectMany(ids => ids).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
    }

    [Fact]
    public void RandomId_IsVersion4_AndUnique()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => RandomId.New()).ToList();

        Assert.All(ids, id => Assert.Equal(4, id.Version));
        Assert.All(ids, id => Assert.Equal(0b1000, id.Variant & 0b1100));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
