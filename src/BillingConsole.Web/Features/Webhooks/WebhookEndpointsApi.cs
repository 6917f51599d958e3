using System.Security.Claims;
using BillingConsole.Web.Api;

namespace BillingConsole.Web.Features.Webhooks;

/// <summary>API.md "Webhooks and forecasts": <c>/api/v1/webhook-endpoints</c>.</summary>
public static class WebhookEndpointsApi
{
    public sealed record CreateRequest(string? Url, List<string>? EventTypes, string? Description);

    public sealed record EndpointResponse(Guid EndpointId, string Url, IReadOnlyList<string> EventTypes, string? Description,
        bool Enabled, DateTime CreatedAt);

    public sealed record CreatedResponse(Guid EndpointId, string Url, IReadOnlyList<string> EventTypes, string Secret);

    public sealed record DeliveryResponse(string WebhookId, string EventType, int Attempt, string Status, int? ResponseStatus,
        DateTime At);

    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapAccountApi().WithTags("Webhooks");
        api.MapPost("/webhook-endpoints", CreateAsync).WithName("CreateWebhookEndpoint");
        api.MapGet("/webhook-endpoints", ListAsync).WithName("ListWebhookEndpoints");
        api.MapDelete("/webhook-endpoints/{endpointId:guid}", DeleteAsync).WithName("DeleteWebhookEndpoint");
        api.MapPost("/webhook-endpoints/{endpointId:guid}/test", TestAsync).WithName("TestWebhookEndpoint");
        api.MapGet("/webhook-endpoints/{endpointId:guid}/deliveries", DeliveriesAsync).WithName("ListWebhookDeliveries");
        return app;
    }

    private static async Task<IResult> CreateAsync(ClaimsPrincipal user, CreateRequest? body,
        ManageWebhookEndpointsHandler handler, CancellationToken ct)
    {
        if (body is null) return ApiProblems.Validation("body", "Send { \"url\", \"eventTypes\": [ ... ] }.");
        var result = await handler.CreateAsync(new CreateWebhookEndpoint(user.AccountId(), body.Url, body.EventTypes,
            body.Description), ct);
        return result.ToHttp(c => TypedResults.Created($"/api/v1/webhook-endpoints/{c.Endpoint.EndpointId}",
            new CreatedResponse(c.Endpoint.EndpointId, c.Endpoint.Url, c.Endpoint.EventTypes, c.Secret)));
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, ManageWebhookEndpointsHandler handler,
        CancellationToken ct) =>
        TypedResults.Ok((await handler.ListAsync(user.AccountId(), ct)).Select(e =>
            new EndpointResponse(e.EndpointId, e.Url, e.EventTypes, e.Description, e.Enabled, e.CreatedAtUtc)));

    private static async Task<IResult> DeleteAsync(ClaimsPrincipal user, Guid endpointId,
        ManageWebhookEndpointsHandler handler, CancellationToken ct) =>
        (await handler.DeleteAsync(user.AccountId(), endpointId, ct)).ToHttp(_ => TypedResults.NoContent());

    private static async Task<IResult> TestAsync(ClaimsPrincipal user, Guid endpointId, WebhookDeliveriesHandler handler,
        CancellationToken ct) =>
        (await handler.SendTestAsync(user.AccountId(), endpointId, ct)).ToHttp(_ => TypedResults.Accepted((string?)null));

    private static async Task<IResult> DeliveriesAsync(ClaimsPrincipal user, Guid endpointId,
        WebhookDeliveriesHandler handler, CancellationToken ct)
    {
        var rows = await handler.ListAsync(user.AccountId(), endpointId, ct);
        return rows is null
            ? ApiProblems.Problem(404, "No such webhook endpoint.")
            : TypedResults.Ok(rows.Select(r => new DeliveryResponse(r.WebhookId, r.EventType, r.Attempt, r.Status,
                r.ResponseStatus, r.AtUtc)));
    }
}
