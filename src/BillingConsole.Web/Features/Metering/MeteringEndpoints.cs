using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.IO.Pipelines;
using System.Security.Claims;
using BillingConsole.Domain.Metering;
using BillingConsole.Infrastructure.Identity;
using BillingConsole.Web.Api;
using BillingConsole.Web.Features.Accounts;
using BillingConsole.Web.Features.Operations;
using BillingConsole.Web.Security;

namespace BillingConsole.Web.Features.Metering;

/// <summary>API.md <c>POST /api/v1/usage/events</c>, <c>GET /api/v1/entitlement</c>, and the usage page's CSV export.</summary>
public static class MeteringEndpoints
{
    /// <summary>
    /// 1,000 events at their longest (a 128-character eventId and a 64-character sceneId, every character escaped as
    /// \uXXXX) are about 1.4 MB; anything bigger is not a usage batch. Enforced while reading (RequestBodyLimits).
    /// </summary>
    public const int MaxBodyBytes = 2 * 1024 * 1024;

    public const string GetEntitlementName = "GetEntitlement";

    public static IEndpointRouteBuilder MapMeteringEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapAccountApi().WithTags("Usage");
        // No .Accepts(...): its content-type metadata would make routing skip this endpoint for a non-JSON body (the
        // request would fall through to the pages), and the caller is owed a 415 problem instead.
        api.MapPost("/usage/events", PostEventsAsync).WithName("PostUsageEvents")
            .WithRequestSizeLimit(MaxBodyBytes)
            .Produces<RecordUsageResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapGet("/entitlement", GetEntitlementAsync).WithName(GetEntitlementName)
            .Produces<EntitlementResponse>().ProducesValidationProblem();
        app.MapGet("/usage/export.csv", ExportCsvAsync).RequireAuthorization(Policies.AccountViewer)
            .WithName("ExportUsageCsv").ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> PostEventsAsync(HttpContext context, RecordUsageHandler handler,
        BillingMetrics metrics, CancellationToken ct)
    {
        if (!context.Request.HasJsonContentType())
        {
            return ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "Send the events as JSON: Content-Type: application/json.");
        }
        var reader = context.Request.BodyReader;
        ReadResult read;
        while (true)
        {
            read = await reader.ReadAsync(ct); // the body limit (RequestBodyLimits) fails a read past MaxBodyBytes
            if (read.IsCompleted) break;
            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
        var parsed = UsageRequestParser.Parse(read.Buffer);
        reader.AdvanceTo(read.Buffer.End);
        if (!parsed.IsOk) return ApiProblems.From(parsed);

        var started = Stopwatch.GetTimestamp();
        using var activity = BillingMetrics.Tracing.StartActivity("usage.ingest");
        activity?.SetTag("billing.usage.batch_size", parsed.Value!.Count);
        var result = await handler.HandleAsync(new RecordUsageCommand(context.User.AccountId(), parsed.Value!), ct);
        metrics.UsageBatch(result.Accepted, result.Duplicates, result.Rejected.Count, Stopwatch.GetElapsedTime(started));
        activity?.SetTag("billing.usage.accepted", result.Accepted);
        var rejected = result.Rejected.Select(r => new RejectedEventResponse(r.Index, Echo(r.EventId), r.Reason)).ToList();
        return TypedResults.Json(new RecordUsageResponse(result.Accepted, result.Duplicates, rejected),
            MeteringJsonContext.Default.RecordUsageResponse);
    }

    /// <summary>A rejected eventId is echoed with at most 128 characters (a longer one is rejected for its length).</summary>
    private static string? Echo(string? eventId) =>
        eventId is { Length: > UsageEventRules.MaxEventIdLength } ? eventId[..UsageEventRules.MaxEventIdLength] : eventId;

    private static async Task<IResult> GetEntitlementAsync(string? service, ClaimsPrincipal user, GetEntitlementHandler handler,
        HttpContext context, BillingMetrics metrics, CancellationToken ct)
    {
        var result = await handler.HandleAsync(user.AccountId(), service, ct, ApiAccountState.Of(context));
        if (result.IsOk) metrics.EntitlementAnswer(result.Value!.Status);
        return result.ToHttp(e => TypedResults.Json(EntitlementResponse.From(e), MeteringJsonContext.Default.EntitlementResponse));
    }

    private static async Task<IResult> ExportCsvAsync(string? from, string? to, string? service, ClaimsPrincipal user,
        GetUsageReportHandler handler, Pricing.CatalogNames catalogNames,
        Microsoft.Extensions.Localization.IStringLocalizer<Resources.SharedResource> l, CancellationToken ct)
    {
        if (!Guid.TryParse(user.FindFirst(BillingClaims.AccountId)?.Value, out var accountId))
        {
            return ApiProblems.Problem(StatusCodes.Status403Forbidden, "This sign-in has no account.");
        }
        var names = await catalogNames.GetAsync(ct);
        var (defaultFrom, defaultTo) = handler.DefaultRange();
        if (!TryDay(from, defaultFrom, out var fromDay)) return ApiProblems.Validation("from", "from must be a day as yyyy-MM-dd.");
        if (!TryDay(to, defaultTo, out var toDay)) return ApiProblems.Validation("to", "to must be a day as yyyy-MM-dd.");
        var result = await handler.HandleAsync(new UsageReportQuery(accountId, fromDay, toDay, service), ct);
        return result.ToHttp(rows => TypedResults.File(
            System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(UsageCsv.Write(rows, s => names.Service(l, s)))).ToArray(),
            "text/csv; charset=utf-8", $"usage-{fromDay:yyyyMMdd}-{toDay:yyyyMMdd}.csv"));
    }

    private static bool TryDay(string? text, DateOnly fallback, out DateOnly day)
    {
        day = fallback;
        return string.IsNullOrEmpty(text)
            || DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }
}
