using MudBlazor;

namespace BillingConsole.Web.Components.Layout;

/// <summary>
/// The console's look: the billing center's orange on a light, quiet surface. Colours that carry text are dark enough
/// for WCAG AA (4.5:1) on white and on the page background; the brand orange #ff6a00 stays in the logo only.
/// </summary>
public static class ConsoleTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#b85000",
            Secondary = "#0070cc",
            AppbarBackground = "#ffffff",
            AppbarText = "#333333",
            Background = "#f5f6f7",
            DrawerBackground = "#ffffff",
            Info = "#1565c0",
            Success = "#2e7d32",
            Error = "#d32f2f",
            Warning = "#b45309",
            TextSecondary = "#5f6368",
            ActionDefault = "#5f6368",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Helvetica Neue", "Arial", "sans-serif"],
            },
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "220px" },
    };
}
