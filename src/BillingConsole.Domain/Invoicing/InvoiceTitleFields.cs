using System.Net.Mail;
using BillingConsole.Domain.Common;

namespace BillingConsole.Domain.Invoicing;

/// <summary>What a title (or a request's title part) says; every field as typed (SPEC V1).</summary>
public sealed record InvoiceTitleFields(InvoiceTitleKind Kind, string? Name, string? TaxId, string? BankName = null,
    string? BankAccount = null, string? RegisteredAddress = null, string? RegisteredPhone = null)
{
    public const int NameMax = 100;
    public const int TextMax = 200;

    /// <summary>Trimmed, the tax id upper-cased, empty fields null; personal titles keep only the name.</summary>
    public InvoiceTitleFields Normalized() => Kind == InvoiceTitleKind.Personal
        ? new InvoiceTitleFields(Kind, Clean(Name), null)
        : new InvoiceTitleFields(Kind, Clean(Name), Clean(TaxId)?.ToUpperInvariant(), Clean(BankName), Clean(BankAccount),
            Clean(RegisteredAddress), Clean(RegisteredPhone));

    /// <summary>A company title with the four extra fields can carry a special VAT invoice (SPEC V1).</summary>
    public bool SupportsSpecial => Kind == InvoiceTitleKind.Company && BankName is not null && BankAccount is not null
        && RegisteredAddress is not null && RegisteredPhone is not null;

    /// <summary>Field errors (API field names) of the normalized title; <paramref name="forSpecial"/> needs the bank fields.</summary>
    public Dictionary<string, ResultMessage[]> Errors(bool forSpecial)
    {
        var errors = new Dictionary<string, ResultMessage[]>();
        var t = Normalized();
        if (t.Name is null) errors["title"] = ["Enter the title (the company's or the person's name)."];
        else if (t.Name.Length > NameMax) errors["title"] = [$"The title has at most {NameMax} characters."];
        if (t.Kind == InvoiceTitleKind.Company && UnifiedSocialCreditCode.Check(t.TaxId) is { } taxError) errors["taxId"] = [taxError];
        if (forSpecial && t.Kind != InvoiceTitleKind.Company)
        {
            errors["titleType"] = ["A special VAT invoice needs a company title."];
        }
        else if (forSpecial)
        {
            Require(errors, "bankName", t.BankName, "Enter the bank of the company's account (开户银行).");
            Require(errors, "bankAccount", t.BankAccount, "Enter the company's bank account number (银行账号).");
            Require(errors, "registeredAddress", t.RegisteredAddress, "Enter the registered address (注册地址).");
            Require(errors, "registeredPhone", t.RegisteredPhone, "Enter the registered telephone (注册电话).");
        }
        foreach (var (field, value) in new[] { ("bankName", t.BankName), ("bankAccount", t.BankAccount),
                     ("registeredAddress", t.RegisteredAddress), ("registeredPhone", t.RegisteredPhone) })
        {
            if (value is { Length: > TextMax } && !errors.ContainsKey(field)) errors[field] = [$"At most {TextMax} characters."];
        }
        return errors;
    }

    internal static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    internal static bool IsEmail(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 254 || text.Trim() != text) return false;
        return MailAddress.TryCreate(text, out var address) && address.Address == text && text.Contains('.', StringComparison.Ordinal);
    }

    private static void Require(Dictionary<string, ResultMessage[]> errors, string field, string? value, ResultMessage message)
    {
        if (value is null) errors[field] = [message];
    }
}
