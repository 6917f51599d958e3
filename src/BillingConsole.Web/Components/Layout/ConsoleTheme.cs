using MudBlazor;

namespace BillingConsole.Web.Components.Layout;

/// <summary>The console's look: the billing center's orange on a light, quiet surface.</summary>
public static class ConsoleTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#ff6a00",
            Secondary = "#0070cc",
            AppbarBackground = "#ffffff",
            AppbarText = "#333333",
            Background = "#f5f6f7",
            DrawerBackground = "#ffffff",
            Success = "#2e7d32",
            Error = "#d32f2f",
            Warning = "#ed6c02",
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
