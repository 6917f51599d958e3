using BillingConsole.Domain.Common;

namespace BillingConsole.Domain.Invoicing;

public sealed partial class Invoice
{
    /// <summary>SPEC V4: a number of 8 digits (税控发票号码) or 20 digits (全电/数电发票号码).</summary>
    public static ResultMessage? NumberError(string? number)
    {
        var n = number?.Trim() ?? string.Empty;
        if (n.Length == 0) return "Enter the invoice number.";
        if (n.Length is not (8 or 20) || !n.All(char.IsAsciiDigit)) return "An invoice number has 8 or 20 digits.";
        return null;
    }

    /// <summary>SPEC V4: staff record the number and date and whether a PDF is attached (the console requires one unless paper).</summary>
    public Result<Invoice> Issue(string? number, DateOnly issuedOn, DateOnly today, bool hasPdf, string staffUserId, DateTime nowUtc)
    {
        if (Status != InvoiceStatus.Requested) return Result<Invoice>.Conflict(NotRequested());
        if (NumberError(number) is { } error) return Result<Invoice>.Invalid("invoiceNumber", error);
        if (issuedOn > today) return Result<Invoice>.Invalid("issuedOn", "The issue date cannot be in the future.");
        Status = InvoiceStatus.Issued;
        InvoiceNumber = number!.Trim();
        IssuedOn = issuedOn;
        IssuedAtUtc = nowUtc;
        HasPdf = hasPdf;
        Decided(staffUserId, nowUtc);
        return Result<Invoice>.Ok(this);
    }

    /// <summary>SPEC V4: a rejection has a reason and releases the amount.</summary>
    public Result<Invoice> Reject(string? reason, string staffUserId, DateTime nowUtc)
    {
        if (Status != InvoiceStatus.Requested) return Result<Invoice>.Conflict(NotRequested());
        if (ReasonError(reason) is { } error) return Result<Invoice>.Invalid("reason", error);
        Status = InvoiceStatus.Rejected;
        RejectionReason = reason!.Trim();
        Decided(staffUserId, nowUtc);
        return Result<Invoice>.Ok(this);
    }

    /// <summary>SPEC V4: 红冲 of an issued invoice releases the amount again.</summary>
    public Result<Invoice> Reverse(string? reason, string staffUserId, DateTime nowUtc)
    {
        if (Status != InvoiceStatus.Issued) return Result<Invoice>.Conflict("Only an issued invoice can be reversed.");
        if (ReasonError(reason) is { } error) return Result<Invoice>.Invalid("reason", error);
        Status = InvoiceStatus.Reversed;
        ReversalReason = reason!.Trim();
        ReversedAtUtc = nowUtc;
        Decided(staffUserId, nowUtc);
        return Result<Invoice>.Ok(this);
    }

    private static ResultMessage? ReasonError(string? reason)
    {
        var r = reason?.Trim() ?? string.Empty;
        if (r.Length == 0) return "Give a reason.";
        if (r.Length > ReasonMax) return $"A reason has at most {ReasonMax} characters.";
        return null;
    }

    private ResultMessage NotRequested() => Status switch
    {
        InvoiceStatus.Issued => "The invoice was already issued.",
        InvoiceStatus.Rejected => "The request was already rejected.",
        _ => "The invoice was reversed.",
    };

    private void Decided(string staffUserId, DateTime nowUtc)
    {
        DecidedAtUtc = nowUtc;
        DecidedByUserId = staffUserId;
        Version = Guid.NewGuid();
    }
}
