using BillingConsole.Web.Features.Accounts;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BillingConsole.Web.Features.Metering;

public sealed record RecordUsageResponse(int Accepted, int Duplicates, IReadOnlyList<RejectedEventResponse> Rejected);

public sealed record RejectedEventResponse(int Index, string? EventId, string Reason);

public sealed record EntitlementResponse(
    bool Allowed,
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTime? GraceEndsAt)
{
    public static EntitlementResponse From(Entitlement e) =>
        new(e.Allowed, AccountEndpoints.StatusName(e.Status), e.GraceEndsAtUtc);
}

/// <summary>Source-generated serializers for the hot routes: no reflection per request.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(RecordUsageResponse))]
[JsonSerializable(typeof(EntitlementResponse))]
internal sealed partial class MeteringJsonContext : JsonSerializerContext;
