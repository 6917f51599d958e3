using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Net.Http.Headers;

namespace BillingConsole.Web.Api;

/// <summary>
/// API.md "Errors": every 4xx/5xx under <c>/api</c> is <c>application/problem+json</c> with a title, whoever produced
/// it. An endpoint's own problem passes through untouched; an empty error (routing's 404/405, a binding failure's 400
/// or 415) gets a problem with a title for its status; a <see cref="BadHttpRequestException"/> (binding, antiforgery)
/// becomes its status with the reason as detail; anything else thrown becomes a logged 500 problem, never an HTML page.
/// Binding failures throw in every environment (<see cref="ThrowOnBadRequest"/>), so the answer does not depend on it.
/// </summary>
public static class ApiProblemResponses
{
    public static IServiceCollection AddApiProblemResponses(this IServiceCollection services)
    {
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>After routing and the status-code pages (so it answers first), before the body limits.</summary>
    public static IApplicationBuilder UseApiProblemResponses(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }
        if (UnknownCharset(context.Request) is { } charset)
        {
            // The JSON reader would throw an InvalidOperationException for it: a 500 (issue #16 fuzzing).
            await ApiProblems.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, TitleFor(415),
                $"The charset '{charset}' is not an encoding this API reads.");
            return;
        }
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var (status, detail) = ex switch
            {
                BadHttpRequestException bad => (bad.StatusCode, bad.Message),
                AntiforgeryValidationException => (StatusCodes.Status400BadRequest, "The antiforgery token is missing or invalid."),
                _ => (StatusCodes.Status500InternalServerError, null),
            };
            if (status >= 500)
            {
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiProblemResponses))
                    .LogError(ex, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
            }
            context.Response.Clear();
            await ApiProblems.WriteAsync(context, status, TitleFor(status), detail);
            return;
        }
        var response = context.Response;
        if (response.StatusCode >= 400 && !response.HasStarted && response.ContentLength is null or 0
            && string.IsNullOrEmpty(response.ContentType))
        {
            await ApiProblems.WriteAsync(context, response.StatusCode, TitleFor(response.StatusCode));
        }
    });

    /// <summary>The Content-Type's charset when it names no encoding .NET knows; null otherwise.</summary>
    private static string? UnknownCharset(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || type.Charset is not { Length: > 0 } charset)
        {
            return null;
        }
        try
        {
            _ = System.Text.Encoding.GetEncoding(charset.ToString().Trim('"'));
            return null;
        }
        catch (ArgumentException)
        {
            return charset.ToString();
        }
    }

    /// <summary>A title a person can act on for an error that came without one.</summary>
    public static string TitleFor(int status) => status switch
    {
        400 => "The request could not be read: check the JSON body, its shape and the parameters.",
        401 => "Authentication is required: send an API key as a bearer token.",
        403 => "This API key may not do this.",
        404 => "There is no such resource or route.",
        405 => "This route does not accept this HTTP method.",
        406 => "The API answers JSON only.",
        408 => "The request took too long to arrive.",
        409 => "The request conflicts with the current state; read it again and retry.",
        411 => "A Content-Length is required.",
        413 => "The request body is too large for this route.",
        414 => "The URL is too long.",
        415 => "Send the body as JSON: Content-Type: application/json.",
        422 => "The request is well-formed but cannot be processed.",
        429 => "Too many requests; retry later.",
        431 => "The request headers are too large.",
        >= 500 => "Something went wrong on our side; the error was logged. Retry later.",
        _ => "The request was refused.",
    };
}
