using System.Security.Claims;
using BillingConsole.Domain.Common;
using BillingConsole.Domain.Settlement;
using BillingConsole.Infrastructure.Identity;
using BillingConsole.Web.Api;
using BillingConsole.Web.Security;

namespace BillingConsole.Web.Features.Settlement;

/// <summary>API.md <c>GET /api/v1/bills</c> and <c>GET /api/v1/ledger</c>, plus the console's CSV export of bills.</summary>
public static class SettlementEndpoints
{
    public sealed record BillLineResponse(string Service, DateOnly UsageDay, long Quantity, long PackDeductedQuantity,
        long BillableQuantity, string UnitPrice, string GrossAmount, string RoundDownDiscount, string PayableAmount);

    public sealed record BillResponse(Guid BillId, DateOnly UsageDay, DateTime IssuedAt, string GrossAmount,
        string RoundDownDiscount, string PayableAmount, string OutstandingAmount, string Status,
        IReadOnlyList<BillLineResponse> Lines);

    public sealed record LedgerEntryResponse(Guid EntryId, DateTime Time, string Kind, string Amount, string BalanceAfter,
        string Reference);

    public static IEndpointRouteBuilder MapSettlementEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapAccountApi().WithTags("Settlement");
        api.MapGet("/bills", GetBillsAsync).WithName("GetBills");
        api.MapGet("/ledger", GetLedgerAsync).WithName("GetLedger");
        // The console's download: the signed-in owner's own bills, never an account id from the URL (SPEC I2).
        app.MapGet("/bills/export.csv", ExportAsync).RequireAuthorization(Policies.AccountViewer)
            .WithName("ExportBillsCsv").ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> GetBillsAsync(string? from, string? to, ClaimsPrincipal user, GetBillsHandler handler,
        TimeProvider clock, BillingCalendar calendar, CancellationToken ct)
    {
        var (range, errors) = DayRange.Parse(from, to, calendar.DayOf(clock.GetUtcNow().UtcDateTime));
        if (range is null) return TypedResults.ValidationProblem(errors, title: "The day range is not valid.");
        var bills = await handler.HandleAsync(new GetBillsQuery(user.AccountId(), range), ct);
        return TypedResults.Ok(bills.OrderBy(b => b.UsageDay).Select(ToResponse).ToList());
    }

    private static async Task<IResult> GetLedgerAsync(string? from, string? to, ClaimsPrincipal user,
        GetLedgerHandler handler, TimeProvider clock, BillingCalendar calendar, CancellationToken ct)
    {
        var (range, errors) = DayRange.Parse(from, to, calendar.DayOf(clock.GetUtcNow().UtcDateTime));
        if (range is null) return TypedResults.ValidationProblem(errors, title: "The day range is not valid.");
        var rows = await handler.HandleAsync(new GetLedgerQuery(user.AccountId(), range), ct);
        return TypedResults.Ok(rows.Select(r => new LedgerEntryResponse(r.EntryId, r.TimeUtc, r.KindName,
            r.Amount.ToFenString(), r.BalanceAfter.ToFenString(), r.Reference)).ToList());
    }

    private static async Task<IResult> ExportAsync(string? from, string? to, string? service, string? status,
        ClaimsPrincipal user, GetBillsHandler handler, TimeProvider clock, BillingCalendar calendar,
        Pricing.CatalogNames catalogNames, Microsoft.Extensions.Localization.IStringLocalizer<Resources.SharedResource> l,
        CancellationToken ct)
    {
        if (!Guid.TryParse(user.FindFirst(BillingClaims.AccountId)?.Value, out var accountId))
        {
            return ApiProblems.Problem(StatusCodes.Status403Forbidden, "This sign-in has no account of its own.");
        }
        var (range, errors) = DayRange.Parse(from, to, calendar.DayOf(clock.GetUtcNow().UtcDateTime));
        BillStatus? wanted = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<BillStatus>(status, ignoreCase: true, out var parsed)) errors["status"] = ["status is paid or outstanding."];
            else wanted = parsed;
        }
        if (range is null || errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The export filter is not valid.");
        var bills = await handler.HandleAsync(new GetBillsQuery(accountId, range, service, wanted), ct);
        var names = await catalogNames.GetAsync(ct);
        var name = $"bills-{DayRange.Format(range.From)}-{DayRange.Format(range.To)}.csv";
        return TypedResults.File(BillsCsv.Write(bills, s => names.Service(l, s)), "text/csv; charset=utf-8", name);
    }

    public static BillResponse ToResponse(BillRow b) => new(b.BillId, b.UsageDay, b.IssuedAtUtc, b.Gross.ToExactString(),
        b.RoundDownDiscount.ToExactString(), b.Payable.ToFenString(), b.Outstanding.ToFenString(),
        b.Status.ToString().ToLowerInvariant(),
        b.Lines.Select(l => new BillLineResponse(l.Service, l.UsageDay, l.Quantity, l.PackDeductedQuantity,
            l.BillableQuantity, l.UnitPrice.ToExactString(), l.Gross.ToExactString(), l.RoundDownDiscount.ToExactString(),
            l.Payable.ToFenString())).ToList());
}
