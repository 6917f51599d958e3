using BillingConsole.Domain.Common;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace BillingConsole.Web.Tests.Infrastructure;

/// <summary>bUnit with MudBlazor wired as the console has it (STYLE §9): loose JS interop, no transitions.</summary>
public abstract class BillingTestContext : BunitContext
{
    protected BillingTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.ShowTransitionDuration = 0;
            o.SnackbarConfiguration.HideTransitionDuration = 0;
            o.PopoverOptions.CheckForPopoverProvider = false;
        });
        Services.AddSingleton<TimeProvider>(TimeProvider.System);
        Services.AddSingleton(BillingCalendar.Shanghai); // LocalTime shows times in the billing zone
        Services.AddLocalization();
        Services.AddScoped<BillingConsole.Web.Features.Support.ReadOnlyWrites>(); // every write button asks it
    }

    /// <summary>Renders the popover and dialog providers that menus and dialogs need.</summary>
    protected IRenderedComponent<MudDialogProvider> RenderProviders()
    {
        Render<MudPopoverProvider>();
        return Render<MudDialogProvider>();
    }
}
