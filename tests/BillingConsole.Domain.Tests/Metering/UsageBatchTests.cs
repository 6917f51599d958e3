using BillingConsole.Domain.Metering;
using static BillingConsole.Domain.Tests.Metering.CatalogMeters;

namespace BillingConsole.Domain.Tests.Metering;

public sealed class UsageBatchTests
{
    [Fact]
    public void M4_RepeatedIdInBatch_IsDuplicateAfterFirstOccurrence()
    {
        UsageEventInput[] batch = [ValidRp("a"), ValidRp("b"), ValidRp("a"), ValidRp("a") with { Outcome = "failed" }];

        var items = UsageBatch.Check(batch, Validator(), Now);

        Assert.Equal(
            [UsageBatchItemKind.ToStore, UsageBatchItemKind.ToStore,
             UsageBatchItemKind.DuplicateInBatch, UsageBatchItemKind.DuplicateInBatch],
            items.Select(i => i.Kind));
        Assert.Equal([0, 1, 2, 3], items.Select(i => i.Index));
    }

    [Fact]
    public void M4_RejectedFirstCopy_DoesNotClaimTheId()
    {
        UsageEventInput[] batch = [ValidRp("a") with { Outcome = "foo" }, ValidRp("a")];

        var items = UsageBatch.Check(batch, Validator(), Now);

        Assert.Equal(UsageBatchItemKind.Rejected, items[0].Kind);
        Assert.Equal("a", items[0].EventId);
        Assert.Equal("outcome 'foo' is not valid for RP", items[0].Reason);
        Assert.Equal(UsageBatchItemKind.ToStore, items[1].Kind);
        Assert.NotNull(items[1].Event);
    }

    [Fact]
    public void M4_IdsDifferingOnlyInCase_AreDistinct()
    {
        var occurrences = BatchDeduplicator.Classify(["Evt", "evt", "Evt", null]);

        Assert.Equal(
            [BatchOccurrence.First, BatchOccurrence.First, BatchOccurrence.Repeat, BatchOccurrence.NoId],
            occurrences);
    }

    [Fact]
    public void M4_EmptyBatch_HasNoItems()
    {
        var items = UsageBatch.Check([], Validator(), Now);

        Assert.Empty(items);
    }
}
