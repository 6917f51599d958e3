using System.Net;
using System.Threading.RateLimiting;
using BillingConsole.Web.Resources;
using Microsoft.Extensions.Localization;

namespace BillingConsole.Web.Security;

/// <summary><c>RateLimiting:AccountForms:*</c>: per-IP limits of the sign-in, registration and password-reset forms.</summary>
public sealed class AccountFormRateLimitOptions
{
    public bool Enabled { get; set; } = true;
    /// <summary>Sign-in posts (password, 2FA, recovery code) per client address per window.</summary>
    public int SignInPermits { get; set; } = 20;
    /// <summary>Registrations per client address per window.</summary>
    public int RegisterPermits { get; set; } = 5;
    /// <summary>Password-reset and confirmation-mail requests per client address per window.</summary>
    public int ResetPermits { get; set; } = 5;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// Issue #16: the per-account lockout alone let anyone lock a known owner out and try passwords across many
/// accounts; these fixed windows per client address (the forwarded one behind a trusted proxy) bound how fast one
/// address can post the account forms. Only POSTs count: the pages themselves load freely. A refusal is a 429 page
/// with Retry-After (see <see cref="ApiRateLimiting"/>, whose global limiter this one is chained to).
/// </summary>
public static class AccountFormRateLimiting
{
    public static PartitionedRateLimiter<HttpContext> Create(AccountFormRateLimitOptions options) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            if (!options.Enabled || !HttpMethods.IsPost(context.Request.Method) || Form(context.Request.Path) is not { } form)
            {
                return RateLimitPartition.GetNoLimiter("");
            }
            var permits = form switch { "sign-in" => options.SignInPermits, "register" => options.RegisterPermits, _ => options.ResetPermits };
            var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            return RateLimitPartition.GetFixedWindowLimiter($"{form}|{address}", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, permits),
                Window = options.Window,
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });

    /// <summary>Which limited form a path posts to, or null.</summary>
    public static string? Form(PathString path) =>
        path.StartsWithSegments("/Account/Login") || path.StartsWithSegments("/Account/LoginWith2fa")
            || path.StartsWithSegments("/Account/LoginWithRecoveryCode") || path.StartsWithSegments("/Account/PasskeyRequestOptions")
            ? "sign-in"
        : path.StartsWithSegments("/Account/Register") ? "register"
        : path.StartsWithSegments("/Account/ForgotPassword") || path.StartsWithSegments("/Account/ResetPassword")
            || path.StartsWithSegments("/Account/ResendEmailConfirmation")
            ? "reset"
        : null;

    /// <summary>A small readable page: too many attempts from this address, and when to try again.</summary>
    public static Task WriteRefusalAsync(HttpContext context, int retryAfterSeconds)
    {
        var l = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var minutes = Math.Max(1, (int)Math.Ceiling(retryAfterSeconds / 60.0));
        context.Response.ContentType = "text/html; charset=utf-8";
        var title = WebUtility.HtmlEncode(l["Too many attempts"]);
        var text = WebUtility.HtmlEncode(l["Too many attempts from your network. Try again in {0} minutes.", minutes]);
        return context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>{title}</title></head>
            <body><main><h1>{title}</h1><p>{text}</p><p><a href="/">{WebUtility.HtmlEncode(l["Back to the console"])}</a></p></main></body></html>
            """);
    }
}
