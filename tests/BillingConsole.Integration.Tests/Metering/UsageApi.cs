using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BillingConsole.Integration.Tests.Infrastructure;

namespace BillingConsole.Integration.Tests.Metering;

/// <summary>Usage batches as the verification service sends them.</summary>
internal static class UsageApi
{
    public sealed record Rejected(int Index, string? EventId, string Reason);

    public sealed record Answer(int Accepted, int Duplicates, List<Rejected> Rejected);

    public static object Event(string id, string service = "RP", string outcome = "passed", DateTime? occurredAt = null) =>
        new { eventId = id, service, outcome, occurredAt = (occurredAt ?? DateTime.UtcNow.AddMinutes(-1)).ToString("O") };

    public static object Batch(IEnumerable<object> events) => new { events };

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, object body) =>
        client.PostAsJsonAsync("/api/v1/usage/events", body);

    public static Task<HttpResponseMessage> PostRawAsync(HttpClient client, string body, string contentType = "application/json") =>
        client.PostAsync("/api/v1/usage/events", new StringContent(body, Encoding.UTF8, contentType));

    public static async Task<Answer> ReadAsync(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Answer>(new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;
    }
}
