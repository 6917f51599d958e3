using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;
using MudBlazor;

namespace BillingConsole.Web.Features.Localization;

public static class LocalizationRegistration
{
    public static IServiceCollection AddConsoleLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        // Chinese pages carry their characters as UTF-8, not as &#x…; references (a third of the bytes, issue #15).
        services.AddWebEncoders();
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        // MudBlazor's own texts (dialog close, date picker, pager buttons) through our resources.
        services.AddTransient<MudLocalizer, ConsoleMudLocalizer>();
        services.AddSingleton<Pricing.CatalogNames>();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = ConsoleCultures.Supported.Select(ConsoleCultures.Get).ToList();
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.DefaultRequestCulture = new RequestCulture(ConsoleCultures.PageDefault);
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            // Order: an explicit ?culture=, the switcher's cookie, the browser's Accept-Language; without any of them
            // the API answers in English (clients are programs), pages in Chinese.
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
                new CustomRequestCultureProvider(context => Task.FromResult<ProviderCultureResult?>(
                    context.Request.Path.StartsWithSegments("/api") ? new ProviderCultureResult(ConsoleCultures.English) : null)),
            ];
        });
        return services;
    }

    public static IApplicationBuilder UseConsoleLocalization(this IApplicationBuilder app)
    {
        app.UseRequestLocalization();
        // A page opened with ?culture= remembers it in the culture cookie: the interactive circuit is opened by a later
        // request (/_blazor) without the query string, and would otherwise fall back to the browser's Accept-Language
        // and re-render the page in another language than the prerendered one (issue #15).
        return app.Use((context, next) =>
        {
            if (HttpMethods.IsGet(context.Request.Method) && !context.Request.Path.StartsWithSegments("/api")
                && context.Features.Get<IRequestCultureFeature>()?.Provider is QueryStringRequestCultureProvider
                && context.Features.Get<IRequestCultureFeature>()!.RequestCulture.UICulture.Name is var chosen
                && ConsoleCultures.IsSupported(chosen))
            {
                AppendCultureCookie(context, chosen);
            }
            return next(context);
        });
    }

    private static void AppendCultureCookie(HttpContext context, string culture) =>
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });

    /// <summary>
    /// The switcher navigates here with a full page load: a Blazor Server circuit keeps the culture of the request that
    /// opened it, so the cookie only takes effect on a new circuit.
    /// </summary>
    public static IEndpointRouteBuilder MapCultureEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/culture/set", (string? culture, string? redirectUri, HttpContext context) =>
        {
            var target = IsLocal(redirectUri) ? redirectUri! : "/";
            if (!ConsoleCultures.IsSupported(culture)) return Results.LocalRedirect(target);
            AppendCultureCookie(context, culture!);
            return Results.LocalRedirect(target);
        }).AllowAnonymous().WithName("SetCulture").ExcludeFromDescription();
        return endpoints;
    }

    // Only same-site paths: an open redirect here would let a link send a signed-in user anywhere.
    private static bool IsLocal(string? uri) =>
        !string.IsNullOrEmpty(uri) && uri[0] == '/' && (uri.Length == 1 || (uri[1] != '/' && uri[1] != '\\'));
}
