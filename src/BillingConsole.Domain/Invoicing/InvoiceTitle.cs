using BillingConsole.Domain.Common;

namespace BillingConsole.Domain.Invoicing;

/// <summary>A saved invoice title (发票抬头) of an account; one of them is the default (SPEC V1).</summary>
public sealed class InvoiceTitle
{
    private InvoiceTitle()
    {
        Name = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    public InvoiceTitleKind Kind { get; private set; }
    public string Name { get; private set; }
    public string? TaxId { get; private set; }
    public string? BankName { get; private set; }
    public string? BankAccount { get; private set; }
    public string? RegisteredAddress { get; private set; }
    public string? RegisteredPhone { get; private set; }
    public bool IsDefault { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }

    public InvoiceTitleFields Fields => new(Kind, Name, TaxId, BankName, BankAccount, RegisteredAddress, RegisteredPhone);

    public static Result<InvoiceTitle> Create(Guid accountId, InvoiceTitleFields fields, bool isDefault, DateTime nowUtc)
    {
        var title = new InvoiceTitle { Id = Guid.NewGuid(), AccountId = accountId, CreatedAtUtc = nowUtc, IsDefault = isDefault };
        var changed = title.Change(fields, nowUtc);
        return changed.IsOk ? Result<InvoiceTitle>.Ok(title) : changed;
    }

    public Result<InvoiceTitle> Change(InvoiceTitleFields fields, DateTime nowUtc)
    {
        var errors = fields.Errors(forSpecial: false);
        if (errors.Count > 0) return Result<InvoiceTitle>.Invalid(errors.First().Value[0], errors);
        var t = fields.Normalized();
        Kind = t.Kind;
        Name = t.Name!;
        TaxId = t.TaxId;
        BankName = t.BankName;
        BankAccount = t.BankAccount;
        RegisteredAddress = t.RegisteredAddress;
        RegisteredPhone = t.RegisteredPhone;
        UpdatedAtUtc = nowUtc;
        return Result<InvoiceTitle>.Ok(this);
    }

    public void SetDefault(bool value, DateTime nowUtc)
    {
        if (IsDefault == value) return;
        IsDefault = value;
        UpdatedAtUtc = nowUtc;
    }
}
