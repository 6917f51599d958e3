using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using BillingConsole.Domain.Invoicing;
using BillingConsole.Infrastructure.Identity;
using BillingConsole.Web.Api;
using BillingConsole.Web.Security;

namespace BillingConsole.Web.Features.Invoices;

/// <summary>API.md "Invoices (发票) and statements": the account routes, the admin decisions, and the console's PDF downloads.</summary>
public static class InvoicesEndpoints
{
    public sealed record SummaryResponse(string InvoiceableAmount, string InvoicedAmount, string RequestedAmount,
        IReadOnlyList<SummaryMonth> Months);

    public sealed record SummaryMonth(string Month, string Source, string Amount);

    public sealed record RequestBody(JsonElement? Amount, string? Type, string? TitleType, string? Title, string? TaxId,
        string? Email, string? BankName, string? BankAccount, string? RegisteredAddress, string? RegisteredPhone,
        string? PostalAddress, bool? Paper, Guid? TitleId);

    public sealed record CreatedResponse(Guid InvoiceId, string Status);

    public sealed record InvoiceResponse(Guid InvoiceId, string Amount, string Type, string Title, string Status,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? InvoiceNumber, DateTime RequestedAt,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTime? IssuedAt,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason);

    public sealed record IssueBody(string? InvoiceNumber, DateOnly? IssuedOn, string? Pdf, string? PdfFileName);

    public sealed record ReasonBody(string? Reason);

    public static IEndpointRouteBuilder MapInvoicesEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapAccountApi().WithTags("Invoices");
        account.MapGet("/invoices/summary", SummaryAsync).WithName("GetInvoiceSummary");
        account.MapPost("/invoices", RequestAsync).WithName("RequestInvoice");
        account.MapGet("/invoices", ListAsync).WithName("GetInvoices");
        account.MapGet("/invoices/{invoiceId:guid}/pdf", ApiPdfAsync).WithName("GetInvoicePdf");
        var admin = app.MapAdminApi().WithTags("Admin");
        admin.MapPost("/invoices/{invoiceId:guid}/issue", IssueAsync).WithName("AdminIssueInvoice");
        admin.MapPost("/invoices/{invoiceId:guid}/reject", RejectAsync).WithName("AdminRejectInvoice");
        admin.MapPost("/invoices/{invoiceId:guid}/reverse", ReverseAsync).WithName("AdminReverseInvoice");
        // Console downloads: the signed-in owner's own invoice (SPEC I2), or any for staff.
        app.MapGet("/invoices/{invoiceId:guid}/pdf", ConsolePdfAsync).RequireAuthorization(Policies.AccountViewer)
            .WithName("DownloadInvoicePdf").ExcludeFromDescription();
        app.MapGet("/staff/invoices/{invoiceId:guid}/pdf", StaffPdfAsync).RequireAuthorization(Policies.Staff)
            .WithName("StaffDownloadInvoicePdf").ExcludeFromDescription();
        return app;
    }

    public static InvoiceResponse ToResponse(InvoiceRow r) => new(r.InvoiceId, r.Amount.ToFenString(), r.Type.Api(), r.Title,
        r.Status.Api(), r.InvoiceNumber, r.RequestedAtUtc, r.IssuedAtUtc, r.RejectionReason ?? r.ReversalReason);

    private static async Task<IResult> SummaryAsync(ClaimsPrincipal user, RequestInvoiceHandler handler, CancellationToken ct)
    {
        var s = await handler.SummaryAsync(user.AccountId(), ct);
        return TypedResults.Ok(new SummaryResponse(s.Invoiceable.ToFenString(), s.Issued.ToFenString(), s.Requested.ToFenString(),
            s.Months.Select(m => new SummaryMonth(m.Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
                SourceName(m.Kind), m.Amount.ToFenString())).ToList()));
    }

    private static async Task<IResult> RequestAsync(RequestBody body, ClaimsPrincipal user, RequestInvoiceHandler handler,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.Amount is { } a && a.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
        {
            errors["amount"] = ["amount must be a JSON string such as \"100.00\"."];
        }
        var type = InvoiceNames.ParseType(body.Type);
        if (type is null) errors["type"] = ["type is general or special."];
        var kind = InvoiceNames.ParseTitleKind(body.TitleType);
        if (kind is null && body.TitleId is null) errors["titleType"] = ["titleType is company or personal (or give titleId)."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: errors.First().Value[0]);
        var title = new InvoiceTitleFields(kind ?? InvoiceTitleKind.Personal, body.Title, body.TaxId, body.BankName,
            body.BankAccount, body.RegisteredAddress, body.RegisteredPhone);
        var amount = body.Amount is { ValueKind: JsonValueKind.String } s ? s.GetString() : null;
        var paper = body.Paper ?? !string.IsNullOrWhiteSpace(body.PostalAddress);
        var fields = new InvoiceRequestFields(amount, type!.Value, title, body.Email, paper, body.PostalAddress);
        var userId = user.FindFirst(ApiSchemes.KeyIdClaim)?.Value is { } keyId ? "api-key:" + keyId : "api";
        var result = await handler.HandleAsync(new RequestInvoiceCommand(user.AccountId(), fields, userId, body.TitleId), ct);
        return result.ToHttp(r => TypedResults.Created($"/api/v1/invoices/{r.InvoiceId}", new CreatedResponse(r.InvoiceId, r.Status.Api())));
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, GetInvoicesHandler handler, CancellationToken ct) =>
        TypedResults.Ok((await handler.ListAsync(user.AccountId(), ct)).Select(ToResponse).ToList());

    private static async Task<IResult> ApiPdfAsync(Guid invoiceId, ClaimsPrincipal user, GetInvoicesHandler handler, CancellationToken ct) =>
        Pdf(await handler.PdfAsync(invoiceId, user.AccountId(), ct));

    private static async Task<IResult> ConsolePdfAsync(Guid invoiceId, ClaimsPrincipal user, GetInvoicesHandler handler,
        CancellationToken ct)
    {
        if (!Guid.TryParse(user.FindFirst(BillingClaims.AccountId)?.Value, out var accountId))
        {
            return ApiProblems.Problem(StatusCodes.Status403Forbidden, "This sign-in has no account of its own.");
        }
        return Pdf(await handler.PdfAsync(invoiceId, accountId, ct));
    }

    private static async Task<IResult> StaffPdfAsync(Guid invoiceId, GetInvoicesHandler handler, CancellationToken ct) =>
        Pdf(await handler.PdfAsync(invoiceId, null, ct));

    private static IResult Pdf(InvoicePdf? pdf) => pdf is null
        ? ApiProblems.Problem(StatusCodes.Status404NotFound, "No PDF for this invoice.")
        : TypedResults.File(pdf.Content, InvoiceDocument.PdfContentType, pdf.FileName);

    private static async Task<IResult> IssueAsync(Guid invoiceId, IssueBody body, ClaimsPrincipal user, DecideInvoiceHandler handler,
        CancellationToken ct)
    {
        byte[]? pdf = null;
        if (!string.IsNullOrEmpty(body.Pdf))
        {
            try { pdf = Convert.FromBase64String(body.Pdf); }
            catch (FormatException) { return ApiProblems.Validation("pdf", "pdf must be the PDF file in base64."); }
        }
        // API.md: the admin API may issue with the number alone (the PDF can follow); the console always asks for it.
        var result = await handler.IssueAsync(new IssueInvoiceCommand(invoiceId, body.InvoiceNumber, body.IssuedOn,
            body.PdfFileName ?? "invoice.pdf", pdf, Staff(user), RequirePdf: false), ct);
        return result.ToHttp(r => TypedResults.Ok(ToResponse(r)));
    }

    private static async Task<IResult> RejectAsync(Guid invoiceId, ReasonBody body, ClaimsPrincipal user, DecideInvoiceHandler handler,
        CancellationToken ct) =>
        (await handler.RejectAsync(invoiceId, body.Reason, Staff(user), ct)).ToHttp(r => TypedResults.Ok(ToResponse(r)));

    private static async Task<IResult> ReverseAsync(Guid invoiceId, ReasonBody body, ClaimsPrincipal user, DecideInvoiceHandler handler,
        CancellationToken ct) =>
        (await handler.ReverseAsync(invoiceId, body.Reason, Staff(user), ct)).ToHttp(r => TypedResults.Ok(ToResponse(r)));

    private static string Staff(ClaimsPrincipal user) => user.Identity?.Name ?? "admin-api";

    public static string SourceName(InvoiceableSourceKind kind) => kind switch
    {
        InvoiceableSourceKind.BillPaid => "bill",
        InvoiceableSourceKind.PackPurchase => "pack",
        InvoiceableSourceKind.LicencePurchase => "licence",
        _ => "refund",
    };
}
