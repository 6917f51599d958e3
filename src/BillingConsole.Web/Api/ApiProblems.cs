using BillingConsole.Domain.Common;
using Microsoft.AspNetCore.Mvc;
using BillingConsole.Web.Resources;
using Microsoft.Extensions.Localization;

namespace BillingConsole.Web.Api;

/// <summary>Maps expected failures to RFC 7807 problem details with a title a person can act on (API.md).</summary>
public static class ApiProblems
{
    public static IResult From<T>(Result<T> result) => result.Status switch
    {
        ResultStatus.Invalid when result.FieldErrors.Count > 0 =>
            TypedResults.ValidationProblem(result.FieldErrors.ToDictionary(), title: result.Error),
        ResultStatus.Invalid => Problem(StatusCodes.Status400BadRequest, result.Error!),
        ResultStatus.NotFound => Problem(StatusCodes.Status404NotFound, result.Error!),
        ResultStatus.Conflict => Problem(StatusCodes.Status409Conflict, result.Error!),
        ResultStatus.Forbidden => Problem(StatusCodes.Status403Forbidden, result.Error!),
        _ => throw new InvalidOperationException("An Ok result is not a problem."),
    };

    /// <summary>The success value through <paramref name="ok"/>, or the failure as a problem.</summary>
    public static IResult ToHttp<T>(this Result<T> result, Func<T, IResult> ok) => result.IsOk ? ok(result.Value!) : From(result);

    public static IResult Problem(int status, string title) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Title = title });

    public static IResult Validation(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: message);

    /// <summary>
    /// For authentication handlers and middleware, which answer before any endpoint runs. The title is localized in
    /// the request's culture (the API speaks English unless Accept-Language asks for zh-CN); an unknown title stays as is.
    /// </summary>
    public static Task WriteAsync(HttpContext context, int status, string title, string? detail = null)
    {
        var localizer = context.RequestServices.GetService<IStringLocalizer<SharedResource>>();
        if (localizer is not null) title = localizer[title];
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new ProblemDetails { Status = status, Title = title, Detail = detail },
            options: null, contentType: "application/problem+json");
    }
}
