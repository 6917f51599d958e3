using System.Text.Json;
using System.Text.Json.Nodes;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.Webhooks;

namespace BillingConsole.Web.Features.Webhooks;

/// <summary>
/// The bodies (API.md): <c>{ "type", "timestamp", "data" }</c>, small and versioned by type; ids as strings, amounts as
/// strings with two decimals, a <c>url</c> into the console (<c>Payments:PublicBaseUrl</c> + the page; the bare page
/// path when that key is unset, since a job has no request to take a base from).
/// </summary>
public sealed class WebhookEventData(IConfiguration configuration)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Link(string path)
    {
        var baseUrl = configuration["Payments:PublicBaseUrl"];
        return string.IsNullOrWhiteSpace(baseUrl) ? path : baseUrl.TrimEnd('/') + path;
    }

    public static string Amount(long units) => Money.FromUnits(units).Amount.ToString("0.00##",
        System.Globalization.CultureInfo.InvariantCulture);

    public static string Time(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ",
        System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The <c>data</c> JSON: <paramref name="fields"/> plus the account id and the console link.</summary>
    public string Data(Guid accountId, string path, object fields)
    {
        var node = JsonSerializer.SerializeToNode(fields, Json)!.AsObject();
        node.Insert(0, "accountId", accountId.ToString());
        node["url"] = Link(path);
        return node.ToJsonString(Json);
    }

    /// <summary>The body of a delivery: fixed for every attempt of the message.</summary>
    public static string Body(WebhookEvent e) =>
        new JsonObject
        {
            ["type"] = e.Type,
            ["timestamp"] = Time(e.CreatedAtUtc),
            ["data"] = JsonNode.Parse(e.DataJson),
        }.ToJsonString(Json);
}
