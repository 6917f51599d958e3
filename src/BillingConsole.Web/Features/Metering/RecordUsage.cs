using BillingConsole.Domain.Common;
using BillingConsole.Domain.Metering;
using Microsoft.Extensions.Options;

namespace BillingConsole.Web.Features.Metering;

public sealed record RecordUsageCommand(Guid AccountId, IReadOnlyList<ParsedUsageEvent> Events);

public sealed record RejectedUsageEvent(int Index, string? EventId, string Reason);

/// <summary>What the API answers: counts, and every rejected event with its request index and reason.</summary>
public sealed record RecordUsageResult(int Accepted, int Duplicates, IReadOnlyList<RejectedUsageEvent> Rejected);

/// <summary>
/// SPEC M2–M9: validates a batch (the domain's <see cref="UsageBatch"/>), then stores what is new in one transaction.
/// Everything except the inserts happens before the write lock. Usage of a suspended account is still recorded: the
/// service gate is the entitlement check, and usage that happened must be billed.
/// </summary>
public sealed class RecordUsageHandler(MeterCatalog catalog, BillingCalendar calendar, IOptions<MeteringOptions> options,
    IUsageEventWriter writer, TimeProvider clock)
{
    public async Task<RecordUsageResult> HandleAsync(RecordUsageCommand cmd, CancellationToken ct)
    {
        var meters = await catalog.GetAsync(ct);
        var validator = new UsageEventValidator(meters, calendar,
            new UsageEventRules { AcceptanceWindow = options.Value.AcceptanceWindow });
        var now = clock.GetUtcNow().UtcDateTime;

        var rejected = new List<RejectedUsageEvent>();
        var inputs = new List<UsageEventInput>(cmd.Events.Count);
        var indexes = new List<int>(cmd.Events.Count);
        for (var i = 0; i < cmd.Events.Count; i++)
        {
            var parsed = cmd.Events[i];
            if (parsed.Input is null) rejected.Add(new RejectedUsageEvent(i, parsed.EventId, parsed.Error ?? "unreadable event"));
            else
            {
                inputs.Add(parsed.Input);
                indexes.Add(i);
            }
        }

        var duplicates = 0;
        var toStore = new List<PendingUsageEvent>(inputs.Count);
        foreach (var item in UsageBatch.Check(inputs, validator, now))
        {
            switch (item.Kind)
            {
                case UsageBatchItemKind.Rejected:
                    rejected.Add(new RejectedUsageEvent(indexes[item.Index], item.EventId, item.Reason!));
                    break;
                case UsageBatchItemKind.DuplicateInBatch:
                    duplicates++;
                    break;
                default:
                    toStore.Add(new PendingUsageEvent(item.Event!, calendar.HourStartUtc(item.Event!.OccurredAtUtc)));
                    break;
            }
        }
        rejected.Sort((a, b) => a.Index.CompareTo(b.Index));

        var inserted = toStore.Count == 0 ? 0 : await writer.WriteAsync(cmd.AccountId, toStore, now, ct);
        return new RecordUsageResult(inserted, duplicates + toStore.Count - inserted, rejected);
    }
}
