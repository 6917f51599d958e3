using BillingConsole.Domain.Common;

namespace BillingConsole.Domain.Invoicing;

/// <summary>A request as typed, before the rules (SPEC V3). <see cref="Paper"/>: a special invoice on paper, posted.</summary>
public sealed record InvoiceRequestFields(string? Amount, InvoiceType Type, InvoiceTitleFields Title, string? Email,
    bool Paper = false, string? PostalAddress = null);

/// <summary>A request that passed every rule of V3, normalized.</summary>
public sealed record ValidInvoiceRequest(Money Amount, InvoiceType Type, InvoiceTitleFields Title, string Email, bool Paper,
    string? PostalAddress);

/// <summary>
/// SPEC V3, checked field by field so that the form can show each rule next to its field and the API can answer with
/// all of them: amount &gt; 0 with at most two decimals and ≤ the invoiceable amount, a title (company with a valid
/// 纳税人识别号, or personal), type general or special (special: company title with bank, account, registered address
/// and telephone), a delivery e-mail, and a postal address for a paper special invoice.
/// </summary>
public static class InvoiceRequestRules
{
    public const int PostalAddressMax = 300;

    public static Result<ValidInvoiceRequest> Validate(InvoiceRequestFields fields, Money invoiceable)
    {
        var special = fields.Type == InvoiceType.Special;
        var errors = fields.Title.Errors(forSpecial: special);
        if (AmountError(fields.Amount, invoiceable, out var amount) is { } amountError) errors["amount"] = [amountError];
        var email = fields.Email?.Trim();
        if (string.IsNullOrEmpty(email)) errors["email"] = ["Enter the e-mail address the invoice is sent to."];
        else if (!InvoiceTitleFields.IsEmail(email)) errors["email"] = ["Enter a valid e-mail address."];
        var paper = special && fields.Paper;
        var postal = InvoiceTitleFields.Clean(fields.PostalAddress);
        if (paper && postal is null) errors["postalAddress"] = ["A paper special invoice needs a postal address (recipient, telephone, address)."];
        else if (postal is { Length: > PostalAddressMax }) errors["postalAddress"] = [$"At most {PostalAddressMax} characters."];
        if (errors.Count > 0)
        {
            var first = errors.First().Value[0];
            return Result<ValidInvoiceRequest>.Invalid(first, errors);
        }
        return Result<ValidInvoiceRequest>.Ok(new ValidInvoiceRequest(amount, fields.Type, fields.Title.Normalized(), email!,
            paper, paper ? postal : null));
    }

    /// <summary>The amount rule alone (the form checks it as it is typed).</summary>
    public static ResultMessage? AmountError(string? text, Money invoiceable, out Money amount)
    {
        amount = Money.Zero;
        if (string.IsNullOrWhiteSpace(text)) return "Enter the amount to invoice.";
        if (!Money.TryParse(text, 2, out amount)) return "Enter an amount in yuan with at most 2 decimals.";
        if (!amount.IsPositive) return "The amount must be greater than 0.";
        if (amount > invoiceable)
        {
            return invoiceable.IsPositive
                ? $"You can invoice at most {Money.Max(invoiceable, Money.Zero).ToFenString()} yuan."
                : "Nothing is invoiceable yet: invoices cover what you paid for bills, packs and licences.";
        }
        return null;
    }
}
