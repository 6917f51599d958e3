namespace BillingConsole.Web.Security;

/// <summary>
/// Every cookie the app sets (sign-in, antiforgery, culture, status messages) is <c>Secure</c> whenever the request is
/// HTTPS, including behind a proxy when <c>ForwardedHeaders:Enabled</c> makes X-Forwarded-Proto the request's scheme
/// (the cookie policy runs after the forwarded headers).
/// </summary>
public static class SecureCookies
{
    public static IServiceCollection AddSecureCookies(this IServiceCollection services)
    {
        services.Configure<CookiePolicyOptions>(o => o.Secure = CookieSecurePolicy.SameAsRequest);
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        return services;
    }

    /// <summary>After <c>UseForwardedHeadersIfEnabled</c>, before anything sets a cookie.</summary>
    public static IApplicationBuilder UseSecureCookies(this IApplicationBuilder app) => app.UseCookiePolicy();
}
