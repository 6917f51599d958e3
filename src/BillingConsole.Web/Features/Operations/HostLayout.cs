namespace BillingConsole.Web.Features.Operations;

/// <summary>
/// Where the app finds its files outside Development (issue #22, docs/deploy.md).
/// <list type="bullet">
/// <item>The content root (appsettings.json, <c>wwwroot</c>, relative <c>data/</c> paths) is the current directory, as
/// ASP.NET Core has it, unless that directory is not an app folder: <c>dotnet out/BillingConsole.Web.dll</c> started
/// from elsewhere then uses the folder of the dll instead of silently missing its settings and static files.</item>
/// <item>Static web assets (<c>_framework/blazor.web.js</c>, <c>_content/MudBlazor/*</c>) live next to the dll after
/// <c>dotnet publish</c>. A build (<c>dotnet run -c Release</c>) has them only through the development manifest
/// (<c>*.staticwebassets.runtime.json</c>), which ASP.NET Core reads in Development only; outside it every asset would
/// answer 500. The manifest is used whenever it is there (a publish output has none).</item>
/// </list>
/// </summary>
public static class HostLayout
{
    /// <summary>A runtime path the console cannot work without; checked at start-up.</summary>
    public const string BlazorScript = "_framework/blazor.web.js";

    public static WebApplicationOptions Options(string[] args)
    {
        var chosen = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
                     || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
                     || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
        var here = Directory.GetCurrentDirectory();
        var appFolder = AppContext.BaseDirectory;
        if (!chosen && !File.Exists(Path.Combine(here, "appsettings.json"))
                    && File.Exists(Path.Combine(appFolder, "appsettings.json")))
        {
            return new WebApplicationOptions { Args = args, ContentRootPath = appFolder };
        }
        return new WebApplicationOptions { Args = args };
    }

    /// <summary>Uses the build's static web assets manifest outside Development when there is one.</summary>
    public static WebApplicationBuilder UseBuildStaticWebAssets(this WebApplicationBuilder builder)
    {
        var manifest = Path.Combine(AppContext.BaseDirectory,
            builder.Environment.ApplicationName + ".staticwebassets.runtime.json");
        if (!builder.Environment.IsDevelopment() && File.Exists(manifest)) builder.WebHost.UseStaticWebAssets();
        return builder;
    }

    /// <summary>
    /// Says at start-up, as an error in the log and on standard error, when the pages' scripts cannot be served: the
    /// console would render but never become interactive.
    /// </summary>
    public static void CheckStaticAssets(this WebApplication app)
    {
        if (app.Environment.WebRootFileProvider.GetFileInfo(BlazorScript).Exists) return;
        var message = $"BillingConsole cannot serve its static web assets ({BlazorScript} is missing under " +
                      $"'{app.Environment.WebRootPath}'): pages will render without scripts or styles. Run the output of " +
                      "'dotnet publish -c Release -o out' (see docs/deploy.md), or 'dotnet run' from a build of this version.";
        app.Logger.LogError("{Message}", message);
        Console.Error.WriteLine(message);
    }
}
