using System.Security.Claims;
using BillingConsole.Domain.QuotaAlerts;
using BillingConsole.Web.Api;
using BillingConsole.Web.Features.Notifications;

namespace BillingConsole.Web.Features.QuotaAlerts;

/// <summary>API.md <c>GET/PUT /api/v1/alert-settings</c> and <c>GET /api/v1/notifications</c>.</summary>
public static class QuotaAlertEndpoints
{
    public sealed record AlertSettingResponse(string PackType, string PackTypeName, bool Enabled, int ThresholdPercent,
        bool Supported);

    /// <summary>The percentage is a decimal so "30.5" gets a field message rather than a binding error.</summary>
    public sealed record AlertSettingRequest(string? PackType, bool Enabled, decimal? ThresholdPercent);

    public sealed record NotificationResponse(Guid NotificationId, string Kind, DateTime CreatedAt, string Title,
        bool Read, string? PackType, int? ThresholdPercent, long? Remaining, long? Total, decimal? RatioPercent,
        string? Trigger);

    public static IEndpointRouteBuilder MapQuotaAlertEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapAccountApi().WithTags("Quota alerts");
        api.MapGet("/alert-settings", GetSettingsAsync).WithName("GetAlertSettings");
        api.MapPut("/alert-settings", PutSettingsAsync).WithName("PutAlertSettings");
        api.MapGet("/notifications", GetNotificationsAsync).WithName("GetNotifications");
        return app;
    }

    private static async Task<IResult> GetSettingsAsync(ClaimsPrincipal user, GetQuotaAlertSettingsHandler handler,
        CancellationToken ct) =>
        TypedResults.Ok((await handler.HandleAsync(user.AccountId(), ct)).Select(ToResponse));

    private static async Task<IResult> PutSettingsAsync(ClaimsPrincipal user, List<AlertSettingRequest>? body,
        SaveQuotaAlertSettingsHandler handler, CancellationToken ct)
    {
        if (body is null) return ApiProblems.Validation("body", "Send a JSON array of { packType, enabled, thresholdPercent }.");
        var missing = body.FindIndex(r => r.ThresholdPercent is null);
        if (missing >= 0)
        {
            return ApiProblems.Validation($"rows[{missing}].thresholdPercent",
                "The alert percentage is required: a whole number from 1 to 99.");
        }
        var rows = body.Select(r => new QuotaAlertSettingInput(r.PackType, r.Enabled, r.ThresholdPercent!.Value)).ToList();
        var result = await handler.HandleAsync(user.AccountId(), rows, ct);
        return result.ToHttp(saved => TypedResults.Ok(saved.Select(ToResponse)));
    }

    private static async Task<IResult> GetNotificationsAsync(ClaimsPrincipal user, GetNotificationsHandler handler,
        string? kind, bool? unread, CancellationToken ct)
    {
        var rows = await handler.HandleAsync(new GetNotificationsQuery(user.AccountId(), kind, unread ?? false), ct);
        return TypedResults.Ok(rows.Select(n => new NotificationResponse(n.NotificationId, n.Kind, n.CreatedAtUtc,
            n.Title, n.IsRead, n.PackType, n.ThresholdPercent, n.Remaining, n.Total, n.RatioPercent, n.Trigger)));
    }

    private static AlertSettingResponse ToResponse(QuotaAlertSettingRow r) =>
        new(r.PackType, r.PackTypeName, r.Enabled, r.ThresholdPercent, r.Supported);
}
