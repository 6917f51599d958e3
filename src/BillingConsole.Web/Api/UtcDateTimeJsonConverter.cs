using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BillingConsole.Web.Api;

/// <summary>
/// API.md times: UTC ISO 8601 with a Z. Written with at most microseconds, the precision PostgreSQL keeps, so a value
/// reads the same whether it comes from memory or back from either database.
/// </summary>
public sealed class UtcDateTimeJsonConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset().UtcDateTime;

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
        writer.WriteStringValue(utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF'Z'", CultureInfo.InvariantCulture));
    }
}
