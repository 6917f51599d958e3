using Microsoft.Extensions.FileProviders;

namespace BillingConsole.Web.Features.Operations;

public static class ConsoleAssets
{
    /// <summary>Serves the repo's <c>wwwroot-assets/</c> (logo, favicon, console css), copied next to the binaries, at <c>/assets</c>.</summary>
    public static IApplicationBuilder UseConsoleAssets(this IApplicationBuilder app)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "wwwroot-assets");
        Directory.CreateDirectory(folder);
        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(folder),
            RequestPath = "/assets",
        });
    }
}
