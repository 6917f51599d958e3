using System.Security.Claims;
using BillingConsole.Domain.Common;
using BillingConsole.Infrastructure.Identity;
using BillingConsole.Web.Api;
using BillingConsole.Web.Security;

namespace BillingConsole.Web.Features.Invoices;

/// <summary>API.md <c>GET /api/v1/statements/{yyyy-MM}</c> (PDF or CSV by <c>Accept</c>) and the console's downloads.</summary>
public static class StatementsEndpoints
{
    public static IEndpointRouteBuilder MapStatementsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapAccountApi().WithTags("Statements").MapGet("/statements/{month}", ApiAsync).WithName("GetStatement");
        app.MapGet("/statements/{month}.pdf", (string month, ClaimsPrincipal user, GetStatementHandler h, TimeProvider clock, BillingCalendar c,
                CancellationToken ct) => ConsoleAsync(month, false, user, h, clock, c, ct))
            .RequireAuthorization(Policies.AccountViewer).WithName("DownloadStatementPdf").ExcludeFromDescription();
        app.MapGet("/statements/{month}.csv", (string month, ClaimsPrincipal user, GetStatementHandler h, TimeProvider clock, BillingCalendar c,
                CancellationToken ct) => ConsoleAsync(month, true, user, h, clock, c, ct))
            .RequireAuthorization(Policies.AccountViewer).WithName("DownloadStatementCsv").ExcludeFromDescription();
        return app;
    }

    private static Task<IResult> ApiAsync(string month, HttpRequest request, ClaimsPrincipal user, GetStatementHandler handler,
        TimeProvider clock, BillingCalendar calendar, CancellationToken ct)
    {
        var accept = request.Headers.Accept.ToString();
        var csv = accept.Contains("text/csv", StringComparison.OrdinalIgnoreCase);
        if (!csv && !accept.Contains("application/pdf", StringComparison.OrdinalIgnoreCase) && !accept.Contains("*/*", StringComparison.Ordinal)
            && accept.Length > 0)
        {
            return Task.FromResult(ApiProblems.Problem(StatusCodes.Status406NotAcceptable, "Ask for Accept: application/pdf or text/csv."));
        }
        return WriteAsync(month, csv, user.AccountId(), handler, clock, calendar, ct);
    }

    private static Task<IResult> ConsoleAsync(string month, bool csv, ClaimsPrincipal user, GetStatementHandler handler, TimeProvider clock,
        BillingCalendar calendar, CancellationToken ct) =>
        Guid.TryParse(user.FindFirst(BillingClaims.AccountId)?.Value, out var accountId)
            ? WriteAsync(month, csv, accountId, handler, clock, calendar, ct)
            : Task.FromResult(ApiProblems.Problem(StatusCodes.Status403Forbidden, "This sign-in has no account of its own."));

    private static async Task<IResult> WriteAsync(string month, bool csv, Guid accountId, GetStatementHandler handler, TimeProvider clock,
        BillingCalendar calendar, CancellationToken ct)
    {
        if (GetStatementHandler.ParseMonth(month) is not { } m) return ApiProblems.Validation("month", "month is yyyy-MM, e.g. 2026-10.");
        var result = await handler.HandleAsync(accountId, m, ct);
        if (!result.IsOk) return ApiProblems.From(result);
        var name = $"statement-{month}";
        return csv
            ? TypedResults.File(StatementCsv.Write(result.Value!, calendar.ToLocal), "text/csv; charset=utf-8", name + ".csv")
            : TypedResults.File(StatementPdf.Write(result.Value!, calendar.ToLocal, clock.GetUtcNow().UtcDateTime), "application/pdf", name + ".pdf");
    }
}
