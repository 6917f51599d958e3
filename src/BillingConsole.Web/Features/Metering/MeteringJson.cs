using System.Text.Json;
using System.Text.Json.Serialization;

namespace BillingConsole.Web.Features.Metering;

/// <summary>The request body of <c>POST /api/v1/usage/events</c>, for the OpenAPI document (the endpoint reads it itself).</summary>
public sealed record UsageEventsRequest(IReadOnlyList<UsageEventDto> Events);

public sealed record UsageEventDto(string EventId, string Service, string? SceneId, string Outcome, DateTime OccurredAt, long? Quantity);

public sealed record RecordUsageResponse(int Accepted, int Duplicates, IReadOnlyList<RejectedEventResponse> Rejected);

public sealed record RejectedEventResponse(int Index, string? EventId, string Reason);

public sealed record EntitlementResponse(
    bool Allowed,
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTime? GraceEndsAt);

/// <summary>Source-generated serializers for the hot routes: no reflection per request.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(RecordUsageResponse))]
[JsonSerializable(typeof(EntitlementResponse))]
[JsonSerializable(typeof(UsageEventsRequest))]
internal sealed partial class MeteringJsonContext : JsonSerializerContext;
