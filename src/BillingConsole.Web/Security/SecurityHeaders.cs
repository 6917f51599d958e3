using System.Security.Cryptography;

namespace BillingConsole.Web.Security;

/// <summary>
/// Security headers on every response. The CSP allows only our own scripts plus a per-request nonce (for the inline
/// import map Blazor renders); styles may be inline because MudBlazor sets style attributes; the circuit needs ws/wss.
/// </summary>
public static class SecurityHeaders
{
    public const string NonceItem = "csp-nonce";

    public static string? Nonce(HttpContext? context) => context?.Items[NonceItem] as string;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // Hex, not base64: a "+" or "/" would be HTML-encoded in the attribute and no longer match the header.
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceItem] = nonce;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers.ContentSecurityPolicy = Policy(context.Request.Path, nonce);
            return Task.CompletedTask;
        });
        await next();
    });

    internal static string Policy(PathString path, string nonce)
    {
        // Hangfire's dashboard ships inline scripts we cannot tag; it is Admin-only and gets its own looser policy.
        var scripts = path.StartsWithSegments("/hangfire") ? "'self' 'unsafe-inline'" : $"'self' 'nonce-{nonce}'";
        return "default-src 'self'; " +
               $"script-src {scripts}; " +
               "style-src 'self' 'unsafe-inline'; " +
               "img-src 'self' data:; font-src 'self' data:; " +
               "connect-src 'self' ws: wss:; " +
               "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }
}
