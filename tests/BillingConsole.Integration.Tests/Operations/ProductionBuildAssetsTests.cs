using System.Net;
using System.Text.RegularExpressions;

namespace BillingConsole.Integration.Tests.Operations;

/// <summary>
/// Issue #22: a build (not a publish) started in Production, as <c>dotnet run -c Release</c> does, serves the Blazor
/// and MudBlazor static web assets. They answered 500 before: ASP.NET Core reads the build's static web assets manifest
/// in Development only. (The published output is checked by the Node suite <c>tests/node/published</c>.)
/// </summary>
public sealed partial class ProductionBuildAssetsTests
{
    [Fact]
    public async Task TheSignInPage_AndEveryScriptAndStyleItLinks_Load()
    {
        await using var app = await AppProcess.StartAsync();
        var client = app.Client();

        var page = await client.GetAsync("/Account/Login");
        var html = await page.Content.ReadAsStringAsync();
        var links = Linked().Matches(html).Select(m => m.Groups["url"].Value).ToList();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(links, l => l.Contains("_framework/blazor.web", StringComparison.Ordinal));
        Assert.Contains(links, l => l.Contains("_content/MudBlazor/", StringComparison.Ordinal));
        foreach (var link in links)
        {
            // Relative to <base href="/">, as the browser resolves them.
            var response = await client.GetAsync(new Uri(app.BaseAddress, link.TrimStart('/')));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{link}: {(int)response.StatusCode}");
            var type = response.Content.Headers.ContentType?.MediaType;
            Assert.True(type is "text/javascript" or "text/css", $"{link}: {type}");
        }
        Assert.DoesNotContain("cannot serve its static web assets", app.StandardError);
    }

    [GeneratedRegex("""<(?:script[^>]+src|link[^>]+rel="stylesheet"[^>]*href)="(?<url>[^"]+)""")]
    private static partial Regex Linked();
}
