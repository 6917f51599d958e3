using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using BillingConsole.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;

namespace BillingConsole.Web.Components.Account.Shared;

/// <summary>
/// <c>DataAnnotationsValidator</c> with its messages in the console's culture. Blazor's validator formats the attribute's
/// English message itself; this one validates the same attributes and formats the English pattern (the attribute's own
/// <c>ErrorMessage</c>, or the framework's default wording for the attribute) through the resources, with the field's
/// <c>[Display(Name)]</c> translated too. A pattern or name the resources lack shows in English (resource completeness
/// is checked by <c>ValidationMessagesTests</c>).
/// </summary>
public sealed class LocalizedDataAnnotationsValidator : ComponentBase, IDisposable
{
    private ValidationMessageStore? messages;
    private EditContext? subscribed;

    [CascadingParameter] private EditContext? EditContext { get; set; }

    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;

    protected override void OnParametersSet()
    {
        if (EditContext is null)
        {
            throw new InvalidOperationException($"{nameof(LocalizedDataAnnotationsValidator)} must be inside an EditForm.");
        }
        if (ReferenceEquals(EditContext, subscribed)) return;
        Unsubscribe();
        messages = new ValidationMessageStore(EditContext);
        EditContext.OnValidationRequested += ValidateModel;
        EditContext.OnFieldChanged += ValidateField;
        subscribed = EditContext;
    }

    private void ValidateModel(object? sender, ValidationRequestedEventArgs e)
    {
        messages!.Clear();
        var model = subscribed!.Model;
        foreach (var property in model.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            Validate(new FieldIdentifier(model, property.Name), property);
        }
        subscribed.NotifyValidationStateChanged();
    }

    private void ValidateField(object? sender, FieldChangedEventArgs e)
    {
        var property = e.FieldIdentifier.Model.GetType().GetProperty(e.FieldIdentifier.FieldName);
        if (property is null) return;
        messages!.Clear(e.FieldIdentifier);
        Validate(e.FieldIdentifier, property);
        subscribed!.NotifyValidationStateChanged();
    }

    private void Validate(FieldIdentifier field, PropertyInfo property)
    {
        var value = property.GetValue(field.Model);
        var context = new ValidationContext(field.Model) { MemberName = property.Name, DisplayName = DisplayName(property) };
        // As System.ComponentModel.DataAnnotations.Validator: [Required] first, and when it fails nothing else is said.
        foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>().OrderBy(a => a is RequiredAttribute ? 0 : 1))
        {
            if (attribute.GetValidationResult(value, context) is null) continue;
            messages!.Add(field, Message(attribute, property, field.Model.GetType()));
            if (attribute is RequiredAttribute) return;
        }
    }

    /// <summary>The attribute's English pattern through the resources, with translated names as its arguments.</summary>
    internal string Message(ValidationAttribute attribute, PropertyInfo property, Type model)
    {
        var name = L[DisplayName(property)].Value;
        var (pattern, args) = attribute switch
        {
            RequiredAttribute => (attribute.ErrorMessage ?? "The {0} field is required.", new object[] { name }),
            EmailAddressAttribute => (attribute.ErrorMessage ?? "The {0} field is not a valid e-mail address.", [name]),
            PhoneAttribute => (attribute.ErrorMessage ?? "The {0} field is not a valid phone number.", [name]),
            StringLengthAttribute s => (attribute.ErrorMessage ?? (s.MinimumLength > 0
                ? "The field {0} must be a string with a minimum length of {2} and a maximum length of {1}."
                : "The field {0} must be a string with a maximum length of {1}."), [name, s.MaximumLength, s.MinimumLength]),
            CompareAttribute c => (attribute.ErrorMessage ?? "'{0}' and '{1}' do not match.",
                [name, L[DisplayName(model.GetProperty(c.OtherProperty))].Value]),
            _ => (attribute.ErrorMessage ?? "The {0} field is not valid.", [name]),
        };
        return string.Format(CultureInfo.CurrentCulture, L[pattern].Value, args);
    }

    private static string DisplayName(PropertyInfo? property) =>
        property?.GetCustomAttribute<DisplayAttribute>()?.Name ?? property?.Name ?? "";

    private void Unsubscribe()
    {
        if (subscribed is null) return;
        subscribed.OnValidationRequested -= ValidateModel;
        subscribed.OnFieldChanged -= ValidateField;
        messages?.Clear();
        subscribed = null;
    }

    public void Dispose() => Unsubscribe();
}
