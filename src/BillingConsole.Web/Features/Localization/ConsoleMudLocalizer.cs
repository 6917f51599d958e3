using BillingConsole.Web.Resources;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace BillingConsole.Web.Features.Localization;

/// <summary>
/// MudBlazor's own texts (the dialog's close button, date picker and pager buttons, "Required") from our resources:
/// the key is MudBlazor's translation key (<c>MudDialog_Close</c>). A key we do not have falls back to MudBlazor's
/// English.
/// </summary>
internal sealed class ConsoleMudLocalizer(IStringLocalizer<SharedResource> localizer) : MudLocalizer
{
    public override LocalizedString this[string key] => localizer[key];

    public override LocalizedString this[string key, params object[] arguments] => localizer[key, arguments];
}
