using BillingConsole.Web.Api;

namespace BillingConsole.Web.Features.AlibabaOpenApi;

/// <summary>API.md: <c>POST /api/v1/admin/accounts/{accountId}/access-keys</c> <c>{ "name"? }</c> → 201 with the pair.</summary>
public static class AccessKeyEndpoints
{
    public sealed record CreateAccessKeyRequest(string? Name);

    public sealed record CreatedAccessKeyResponse(string AccessKeyId, string AccessKeySecret);

    public static IEndpointRouteBuilder MapAccessKeyEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapAdminApi().WithTags("Admin");
        admin.MapPost("/accounts/{accountId:guid}/access-keys", CreateAsync).WithName("AdminCreateAccessKey");
        admin.MapPost("/accounts/{accountId:guid}/access-keys/{accessKeyId}/disable", DisableAsync).WithName("AdminDisableAccessKey");
        admin.MapDelete("/accounts/{accountId:guid}/access-keys/{accessKeyId}", DeleteAsync).WithName("AdminDeleteAccessKey");
        return app;
    }

    private static async Task<IResult> CreateAsync(Guid accountId, CreateAccessKeyRequest? body, AccessKeysHandler handler,
        CancellationToken ct)
    {
        var result = await handler.CreateAsync(new CreateAccessKeyCommand(accountId, body?.Name, null), ct);
        return result.ToHttp(k => TypedResults.Created($"/api/v1/admin/accounts/{accountId}/access-keys/{k.AccessKeyId}",
            new CreatedAccessKeyResponse(k.AccessKeyId, k.AccessKeySecret)));
    }

    private static async Task<IResult> DisableAsync(Guid accountId, string accessKeyId, AccessKeysHandler handler, CancellationToken ct)
    {
        var result = await handler.DisableAsync(accountId, accessKeyId, ct);
        return result.ToHttp(k => TypedResults.Ok(new { k.AccessKeyId, k.Name, Disabled = k.DisabledAtUtc is not null }));
    }

    private static async Task<IResult> DeleteAsync(Guid accountId, string accessKeyId, AccessKeysHandler handler, CancellationToken ct)
    {
        var result = await handler.DeleteAsync(accountId, accessKeyId, ct);
        return result.ToHttp(_ => TypedResults.NoContent());
    }
}
