using BillingConsole.Domain.Common;
using BillingConsole.Domain.Invoicing;

namespace BillingConsole.Web.Features.Invoices;

/// <summary>An invoice (request) as pages and the API show it.</summary>
public sealed record InvoiceRow(Guid InvoiceId, Guid AccountId, string AccountName, Money Amount, InvoiceType Type, bool Paper,
    InvoiceTitleKind TitleKind, string Title, string? TaxId, string Email, string? PostalAddress, InvoiceStatus Status,
    DateTime RequestedAtUtc, string? InvoiceNumber, DateOnly? IssuedOn, DateTime? IssuedAtUtc, bool HasPdf,
    string? RejectionReason, string? ReversalReason)
{
    public static InvoiceRow From(Invoice i, string accountName) => new(i.Id, i.AccountId, accountName, i.Amount, i.Type,
        i.Paper, i.TitleKind, i.TitleName, i.TaxId, i.Email, i.PostalAddress, i.Status, i.RequestedAtUtc, i.InvoiceNumber,
        i.IssuedOn, i.IssuedAtUtc, i.HasPdf, i.RejectionReason, i.ReversalReason);
}

/// <summary>A saved title as the pages show it.</summary>
public sealed record InvoiceTitleRow(Guid TitleId, InvoiceTitleFields Fields, bool IsDefault)
{
    public static InvoiceTitleRow From(InvoiceTitle t) => new(t.Id, t.Fields, t.IsDefault);
}

/// <summary>The PDF of an issued invoice.</summary>
public sealed record InvoicePdf(string FileName, byte[] Content);

/// <summary>API names of the enums (API.md).</summary>
public static class InvoiceNames
{
    public static string Api(this InvoiceType type) => type == InvoiceType.Special ? "special" : "general";
    public static string Api(this InvoiceTitleKind kind) => kind == InvoiceTitleKind.Company ? "company" : "personal";
    public static string Api(this InvoiceStatus status) => status.ToString().ToLowerInvariant();

    public static InvoiceType? ParseType(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "general" => InvoiceType.General,
        "special" => InvoiceType.Special,
        _ => null,
    };

    public static InvoiceTitleKind? ParseTitleKind(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "company" => InvoiceTitleKind.Company,
        "personal" => InvoiceTitleKind.Personal,
        _ => null,
    };

    public static InvoiceStatus? ParseStatus(string? text) =>
        Enum.TryParse<InvoiceStatus>(text, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : null;
}
