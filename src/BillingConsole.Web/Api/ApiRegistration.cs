using BillingConsole.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace BillingConsole.Web.Api;

public static class ApiRegistration
{
    /// <summary>Policies for the HTTP API: an account key, or the admin token.</summary>
    public const string ApiAccount = nameof(ApiAccount);
    public const string ApiAdmin = nameof(ApiAdmin);

    public static IServiceCollection AddBillingApi(this IServiceCollection services)
    {
        new AuthenticationBuilder(services)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiSchemes.AccountKey, null)
            .AddScheme<AuthenticationSchemeOptions, AdminTokenAuthenticationHandler>(ApiSchemes.AdminToken, null)
            // What the authentication middleware authenticates on every request: a bearer call to the API goes straight
            // to its own scheme instead of first looking for a sign-in cookie it never carries (about 5 % of an
            // entitlement check); everything else is the Identity cookie, as before. Challenge, forbid and sign-in
            // keep Identity's defaults; the API policies still name their scheme (the result is cached per request).
            .AddPolicyScheme(ApiSchemes.RequestDefault, "API bearer or Identity cookie", o => o.ForwardDefaultSelector = context =>
                !context.Request.Path.StartsWithSegments("/api/v1") || ApiSchemes.BearerToken(context.Request) is null
                    ? IdentityConstants.ApplicationScheme
                    : context.Request.Path.StartsWithSegments("/api/v1/admin") ? ApiSchemes.AdminToken : ApiSchemes.AccountKey);
        services.Configure<AuthenticationOptions>(o => o.DefaultAuthenticateScheme = ApiSchemes.RequestDefault);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiAccount, p => p.AddAuthenticationSchemes(ApiSchemes.AccountKey).RequireAuthenticatedUser()
                .RequireClaim(BillingClaims.AccountId))
            .AddPolicy(ApiAdmin, p => p.AddAuthenticationSchemes(ApiSchemes.AdminToken).RequireAuthenticatedUser()
                .RequireRole(Roles.Admin));
        services.AddOptions<ApiKeyCacheOptions>().BindConfiguration("Api:KeyCache");
        services.AddSingleton<ApiKeyCache>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new UtcDateTimeJsonConverter()));
        return services;
    }

    /// <summary>The account-scoped route group: <c>/api/v1</c> behind an account API key.</summary>
    public static RouteGroupBuilder MapAccountApi(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api/v1").RequireAuthorization(ApiAccount);

    /// <summary>The admin route group: <c>/api/v1/admin</c> behind the admin token (404 when none is configured).</summary>
    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api/v1/admin").RequireAuthorization(ApiAdmin);

    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) =>
        app.UseMiddleware<IdempotencyMiddleware>();
}
