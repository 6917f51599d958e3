using BillingConsole.Domain.Common;

namespace BillingConsole.Domain.Invoicing;

/// <summary>
/// An invoice request and, once staff issue it, the invoice (SPEC V3, V4). The title is copied in, so editing a saved
/// title later changes no request. <see cref="Requested"/> and <see cref="InvoiceStatus.Issued"/> hold their amount
/// against the invoiceable amount; a rejection or a reversal (红冲) releases it.
/// </summary>
public sealed partial class Invoice
{
    public const int ReasonMax = 500;

    private Invoice()
    {
        TitleName = string.Empty;
        Email = string.Empty;
        RequestedByUserId = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    public long AmountUnits { get; private set; }
    public InvoiceType Type { get; private set; }
    public bool Paper { get; private set; }
    public InvoiceTitleKind TitleKind { get; private set; }
    public string TitleName { get; private set; }
    public string? TaxId { get; private set; }
    public string? BankName { get; private set; }
    public string? BankAccount { get; private set; }
    public string? RegisteredAddress { get; private set; }
    public string? RegisteredPhone { get; private set; }
    public string Email { get; private set; }
    public string? PostalAddress { get; private set; }
    public InvoiceStatus Status { get; private set; }
    public DateTime RequestedAtUtc { get; private set; }
    public string RequestedByUserId { get; private set; }
    public string? InvoiceNumber { get; private set; }
    public DateOnly? IssuedOn { get; private set; }
    public DateTime? IssuedAtUtc { get; private set; }
    public bool HasPdf { get; private set; }
    public string? RejectionReason { get; private set; }
    public string? ReversalReason { get; private set; }
    public DateTime? DecidedAtUtc { get; private set; }
    public string? DecidedByUserId { get; private set; }
    public DateTime? ReversedAtUtc { get; private set; }
    public Guid Version { get; private set; }

    public Money Amount => Money.FromUnits(AmountUnits);
    /// <summary>Whether the amount counts against the invoiceable amount.</summary>
    public bool Holds => Status is InvoiceStatus.Requested or InvoiceStatus.Issued;

    public static Invoice Request(Guid accountId, ValidInvoiceRequest request, string userId, DateTime nowUtc)
    {
        var t = request.Title;
        return new Invoice
        {
            Id = TimeOrderedId.New(nowUtc),
            AccountId = accountId,
            AmountUnits = request.Amount.Units,
            Type = request.Type,
            Paper = request.Paper,
            TitleKind = t.Kind,
            TitleName = t.Name!,
            TaxId = t.TaxId,
            BankName = request.Type == InvoiceType.Special ? t.BankName : null,
            BankAccount = request.Type == InvoiceType.Special ? t.BankAccount : null,
            RegisteredAddress = request.Type == InvoiceType.Special ? t.RegisteredAddress : null,
            RegisteredPhone = request.Type == InvoiceType.Special ? t.RegisteredPhone : null,
            Email = request.Email,
            PostalAddress = request.PostalAddress,
            Status = InvoiceStatus.Requested,
            RequestedAtUtc = nowUtc,
            RequestedByUserId = userId,
            Version = Guid.NewGuid(),
        };
    }
}
