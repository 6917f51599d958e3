using System.Security.Claims;
using BillingConsole.Infrastructure.Identity;
using BillingConsole.Web.Api;
using BillingConsole.Web.Security;

namespace BillingConsole.Web.Features.ResourcePacks;

/// <summary>API.md pack routes, the admin pack grant (P12) and the console's CSV export of 抵扣明细.</summary>
public static class ResourcePacksEndpoints
{
    public sealed record CatalogSpecResponse(string SpecId, string PackType, string PackTypeName, long Quantity, string Price,
        int ValidityMonths, string Cycle, bool Trial);

    public sealed record PackResponse(Guid PackId, string PackType, string SpecId, long Total, long Remaining,
        DateTime EffectiveAt, DateTime ExpiresAt, string Status);

    public sealed record PurchasePackRequest(string? SpecId);

    /// <summary>The times are strings so that one without an offset is refused by name (issue #16), not read as local time.</summary>
    public sealed record GrantPackRequest(string? SpecId, string? EffectiveAt, string? ExpiresAt, string? Reason);

    public static IEndpointRouteBuilder MapResourcePacksEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapAccountApi().WithTags("Resource packs");
        api.MapGet("/packs/catalog", GetCatalogAsync).WithName("GetPackCatalog");
        api.MapGet("/packs", GetPacksAsync).WithName("GetPacks");
        api.MapPost("/packs", PurchaseAsync).WithName("PurchasePack");
        app.MapAdminApi().WithTags("Admin").MapPost("/accounts/{accountId:guid}/pack-grants", GrantAsync).WithName("AdminGrantPack");
        app.MapGet("/packs/deductions/export.csv", ExportDeductionsAsync).RequireAuthorization(Policies.AccountViewer)
            .ExcludeFromDescription();
        return app;
    }

    public static PackResponse ToResponse(PackRow p) => new(p.PackId, p.PackType, p.SpecId, p.Total, p.Remaining,
        p.EffectiveAtUtc, p.ExpiresAtUtc, PackViews.StatusName(p.Status));

    private static async Task<IResult> GetCatalogAsync(GetPackCatalogHandler handler, CancellationToken ct)
    {
        var catalog = await handler.HandleAsync(null, ct);
        return TypedResults.Ok(catalog.Specs.Select(s => new CatalogSpecResponse(s.SpecId, s.PackType, s.PackTypeName,
            s.Quantity, s.Price.ToFenString(), s.ValidityMonths, PackViews.CycleName(s.Cycle), s.Trial)).ToList());
    }

    private static async Task<IResult> GetPacksAsync(ClaimsPrincipal user, GetPacksHandler handler, CancellationToken ct) =>
        TypedResults.Ok((await handler.HandleAsync(user.AccountId(), ct)).Select(ToResponse).ToList());

    private static async Task<IResult> PurchaseAsync(PurchasePackRequest? body, ClaimsPrincipal user, PurchasePackHandler handler,
        CancellationToken ct)
    {
        var result = await handler.HandleAsync(new PurchasePackCommand(user.AccountId(), body?.SpecId), ct);
        return result.ToHttp(p => TypedResults.Created($"/api/v1/packs/{p.PackId}", ToResponse(p)));
    }

    private static async Task<IResult> GrantAsync(Guid accountId, GrantPackRequest? body, ClaimsPrincipal user,
        GrantPackHandler handler, CancellationToken ct)
    {
        if (!ApiTimes.TryParseInstant(body?.EffectiveAt, out var effectiveAt))
        {
            return ApiProblems.Validation("effectiveAt", "effectiveAt must be an ISO 8601 time with an offset, such as 2026-12-01T00:00:00+08:00.");
        }
        if (!ApiTimes.TryParseInstant(body?.ExpiresAt, out var expiresAt))
        {
            return ApiProblems.Validation("expiresAt", "expiresAt must be an ISO 8601 time with an offset, such as 2027-12-01T00:00:00+08:00.");
        }
        var result = await handler.HandleAsync(new GrantPackCommand(accountId, body?.SpecId, effectiveAt,
            expiresAt, body?.Reason, user.Identity?.Name ?? "admin-api"), ct);
        return result.ToHttp(p => TypedResults.Created($"/api/v1/packs/{p.PackId}", ToResponse(p)));
    }

    private static async Task<IResult> ExportDeductionsAsync(ClaimsPrincipal user, GetPackDeductionsHandler handler,
        Pricing.CatalogNames catalogNames, Microsoft.Extensions.Localization.IStringLocalizer<Resources.SharedResource> l, CancellationToken ct)
    {
        if (!Guid.TryParse(user.FindFirst(BillingClaims.AccountId)?.Value, out var accountId)) return TypedResults.Forbid();
        var names = await catalogNames.GetAsync(ct);
        var csv = GetPackDeductionsHandler.ToCsv(await handler.HandleAsync(accountId, ct), s => names.Spec(l, s), s => names.Service(l, s));
        // A BOM so that spreadsheet programs read the file as UTF-8.
        var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(csv)).ToArray();
        return TypedResults.File(bytes, "text/csv; charset=utf-8", "pack-deductions.csv");
    }
}
