using System.Buffers;
using System.Text.Json;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.Metering;

namespace BillingConsole.Web.Features.Metering;

/// <summary>One element of <c>events</c>: the input for the validator, or why its JSON could not be read.</summary>
public sealed record ParsedUsageEvent(UsageEventInput? Input, string? EventId, string? Error);

/// <summary>
/// Reads <c>{"events": [...]}</c> with a forward-only <see cref="Utf8JsonReader"/>: no DOM, no reflection. A body
/// that is not JSON, lacks <c>events</c> or carries too many is refused as a whole; a field of the wrong JSON type
/// (a numeric eventId, a timestamp without a zone) rejects only its own event, so the rest of the batch still counts.
/// </summary>
public static class UsageRequestParser
{
    private const string TimeFormatHint = "an ISO 8601 UTC time such as 2026-11-27T03:04:05Z";

    public static Result<IReadOnlyList<ParsedUsageEvent>> Parse(ReadOnlySequence<byte> body)
    {
        // A UTF-8 byte order mark is allowed (RFC 8259 lets a parser ignore it); Utf8JsonReader would refuse it.
        if (body.Length >= 3 && body.Slice(0, 3).ToArray() is [0xEF, 0xBB, 0xBF]) body = body.Slice(3);
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 16 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return Invalid("body", "The body must be a JSON object: {\"events\": [ … ]}.");
            }
            List<ParsedUsageEvent>? events = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isEvents = reader.ValueTextEquals("events"u8);
                reader.Read();
                if (!isEvents)
                {
                    reader.Skip();
                    continue;
                }
                if (reader.TokenType != JsonTokenType.StartArray) return Invalid("events", "events must be an array of usage events.");
                if (events is not null) return Invalid("events", "events appears more than once; send one events array.");
                events = [];
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (events.Count == UsageEventRules.MaxEventsPerBatch)
                    {
                        return Invalid("events", $"A request carries at most {UsageEventRules.MaxEventsPerBatch:N0} events; send the rest in another request.");
                    }
                    events.Add(ReadEvent(ref reader));
                }
            }
            while (reader.Read()) { } // trailing content after the object is malformed JSON too
            if (events is null) return Invalid("events", "events is required.");
            return events.Count == 0 ? Invalid("events", "events must hold at least one event.") : Result<IReadOnlyList<ParsedUsageEvent>>.Ok(events);
        }
        catch (JsonException ex)
        {
            return Invalid("body", $"The body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).");
        }
        catch (InvalidOperationException)
        {
            // GetString on a string with invalid UTF-8: JSON text is UTF-8, so the whole body is refused, nothing stored.
            return Invalid("body", "The body is not valid UTF-8: send the JSON encoded as UTF-8.");
        }
    }

    private static ParsedUsageEvent ReadEvent(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return new ParsedUsageEvent(null, null, "each event must be a JSON object");
        }
        string? eventId = null, service = null, sceneId = null, outcome = null, error = null;
        DateTime? occurredAt = null;
        long? quantity = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("eventId"u8)) eventId = ReadString(ref reader, "eventId", ref error);
            else if (reader.ValueTextEquals("service"u8)) service = ReadString(ref reader, "service", ref error);
            else if (reader.ValueTextEquals("sceneId"u8)) sceneId = ReadString(ref reader, "sceneId", ref error);
            else if (reader.ValueTextEquals("outcome"u8)) outcome = ReadString(ref reader, "outcome", ref error);
            else if (reader.ValueTextEquals("occurredAt"u8)) occurredAt = ReadTime(ref reader, ref error);
            else if (reader.ValueTextEquals("quantity"u8)) quantity = ReadQuantity(ref reader, ref error);
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        if (error is not null) return new ParsedUsageEvent(null, eventId, error);
        var input = new UsageEventInput
        {
            EventId = eventId, Service = service, SceneId = sceneId, Outcome = outcome, OccurredAt = occurredAt, Quantity = quantity,
        };
        return new ParsedUsageEvent(input, eventId, null);
    }

    private static string? ReadString(ref Utf8JsonReader reader, string field, ref string? error)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String) return reader.GetString();
        if (reader.TokenType != JsonTokenType.Null) error ??= $"{field} must be a string";
        reader.Skip();
        return null;
    }

    private static DateTime? ReadTime(ref Utf8JsonReader reader, ref string? error)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null) return null;
        // Without a zone the instant is ambiguous by hours, which would move events across billing days (M5).
        if (reader.TokenType == JsonTokenType.String && reader.TryGetDateTime(out var value) && value.Kind != DateTimeKind.Unspecified)
        {
            return value.ToUniversalTime();
        }
        reader.Skip();
        error ??= $"occurredAt must be {TimeFormatHint}";
        return null;
    }

    private static long? ReadQuantity(ref Utf8JsonReader reader, ref string? error)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value)) return value;
        reader.Skip();
        error ??= "quantity must be a whole positive number";
        return null;
    }

    private static Result<IReadOnlyList<ParsedUsageEvent>> Invalid(string field, string message) =>
        Result<IReadOnlyList<ParsedUsageEvent>>.Invalid(field, message);
}
