using BillingConsole.Domain.Common;
using BillingConsole.Web.Features.Pricing;
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
        Services.AddSingleton(CatalogNames.Preloaded(Catalog));
        Services.AddScoped<BillingConsole.Web.Features.Support.ReadOnlyWrites>(); // every write button asks it
    }

    /// <summary>The names of the bundled catalog, as pages show them (活体人脸验证 for FV).</summary>
    protected static CatalogNameBook Catalog { get; } = CatalogNameBook.FromCatalogFile(
        Path.Combine(AppContext.BaseDirectory, "Features", "Pricing", "catalog.json"));

    /// <summary>Renders the popover and dialog providers that menus and dialogs need.</summary>
    protected IRenderedComponent<MudDialogProvider> RenderProviders()
    {
        Render<MudPopoverProvider>();
        return Render<MudDialogProvider>();
    }
}
