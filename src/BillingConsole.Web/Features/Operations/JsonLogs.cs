using System.Text.Json;

namespace BillingConsole.Web.Features.Operations;

/// <summary>
/// <c>Logging:Json=true</c> (issue #22): the console log becomes one JSON object per line (timestamp, level, category,
/// event id, message, the message template's named values and scopes), for a log shipper. Log messages name ids and
/// outcomes, never secrets: tokens, keys, passwords and card data are not logged by any feature (docs/operations.md).
/// </summary>
public static class JsonLogs
{
    public static WebApplicationBuilder UseJsonLogsIfEnabled(this WebApplicationBuilder builder)
    {
        if (!builder.Configuration.GetValue("Logging:Json", false)) return builder;
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            o.JsonWriterOptions = new JsonWriterOptions { Indented = false };
        });
        return builder;
    }
}
