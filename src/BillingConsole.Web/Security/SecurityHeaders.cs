using System.Security.Cryptography;

namespace BillingConsole.Web.Security;

/// <summary>
/// Security headers on every response. The CSP allows only our own scripts plus a per-request nonce (for the inline
/// import map Blazor renders; API answers, which render no HTML, get the policy without a nonce); styles may be inline because MudBlazor sets style attributes; the circuit's web socket is 'self'.
/// </summary>
public static class SecurityHeaders
{
    public const string NonceItem = "csp-nonce";

    /// <summary>The request's nonce, made on first use (an API path that ends up rendering a page, e.g. not-found).</summary>
    public static string? Nonce(HttpContext? context)
    {
        if (context is null) return null;
        if (context.Items[NonceItem] is not string nonce)
        {
            // Hex, not base64: a "+" or "/" would be HTML-encoded in the attribute and no longer match the header.
            context.Items[NonceItem] = nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        }
        return nonce;
    }

    /// <summary>API answers are JSON: no script of theirs ever runs, so they get no nonce (and no random bytes).</summary>
    private static readonly string ApiPolicy = Policy("/api", nonce: null);

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (!context.Request.Path.StartsWithSegments("/api")) Nonce(context);
        context.Response.OnStarting(static state =>
        {
            var context = (HttpContext)state;
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers.ContentSecurityPolicy = context.Items[NonceItem] is string nonce ? Policy(context.Request.Path, nonce) : ApiPolicy;
            return Task.CompletedTask;
        }, context);
        return next(context);
    });

    internal static string Policy(PathString path, string? nonce)
    {
        // Hangfire's dashboard ships inline scripts we cannot tag; it is Admin-only and gets its own looser policy.
        var scripts = path.StartsWithSegments("/hangfire") ? "'self' 'unsafe-inline'"
            : nonce is null ? "'self'" : $"'self' 'nonce-{nonce}'";
        return "default-src 'self'; " +
               $"script-src {scripts}; " +
               "style-src 'self' 'unsafe-inline'; " +
               "img-src 'self' data:; font-src 'self' data:; " +
               // 'self' covers the circuit's ws:/wss: to this host (CSP Level 3); no socket to any other host (issue #16).
               "connect-src 'self'; " +
               "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }
}
