using System.Net;
using BillingConsole.Web.Resources;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;

namespace BillingConsole.Web.Security;

/// <summary>
/// A form post outside <c>/api</c> that cannot be read (no or a stale antiforgery token, a missing field) is answered
/// 400 with a small readable page. Without this the status-code pages re-executed the not-found page as the same POST,
/// whose own antiforgery check then threw: a 500 for a sign-out with an expired form (issue #16).
/// </summary>
public static class FormErrorPage
{
    public static IApplicationBuilder UseFormErrorPage(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments("/api") || HttpMethods.IsGet(context.Request.Method)
            || HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }
        try
        {
            await next(context);
        }
        catch (Exception ex) when (ex is BadHttpRequestException { StatusCode: < 500 } or AntiforgeryValidationException
                                   && !context.Response.HasStarted)
        {
            context.Response.Clear();
            await WriteAsync(context, ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest);
            return;
        }
        var response = context.Response;
        if (response.StatusCode == StatusCodes.Status400BadRequest && !response.HasStarted && response.ContentLength is null or 0
            && string.IsNullOrEmpty(response.ContentType))
        {
            await WriteAsync(context, response.StatusCode);
        }
    });

    private static Task WriteAsync(HttpContext context, int status)
    {
        var l = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        string E(string text) => WebUtility.HtmlEncode(l[text]);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        var lang = System.Globalization.CultureInfo.CurrentUICulture.Name is { Length: > 0 } name ? name : "en";
        return context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{lang}"><head><meta charset="utf-8"><title>{E("The form could not be sent")}</title></head>
            <body><main><h1>{E("The form could not be sent")}</h1>
            <p>{E("The page was out of date or the form was incomplete. Go back, reload the page and try again.")}</p>
            <p><a href="/">{E("Back to the console")}</a></p></main></body></html>
            """);
    }
}
