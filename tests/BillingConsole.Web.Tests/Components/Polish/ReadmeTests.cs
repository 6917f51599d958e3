using System.Text.RegularExpressions;

namespace BillingConsole.Web.Tests.Components.Polish;

/// <summary>Issue #15 item 15: the README's images and links resolve inside the repository; it names the SDK.</summary>
public sealed partial class ReadmeTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void Readme_EveryLinkAndImage_IsAFileInTheRepository()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));

        var targets = Link().Matches(readme).Select(m => m.Groups[1].Value).Where(t => !t.StartsWith('#')).ToList();

        Assert.Contains("docs/screenshots/overview.png", targets);
        Assert.Contains("docs/api.md", targets);
        Assert.All(targets, t => Assert.True(File.Exists(Path.Combine(Root, t)), $"README links to {t}, which is not in the repository"));
        Assert.DoesNotContain("../", readme);
        Assert.Contains("10.0.401", readme);
        Assert.Contains((string)System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "global.json")))
            .RootElement.GetProperty("sdk").GetProperty("version").GetString()!, readme);
        Assert.True(new FileInfo(Path.Combine(Root, "docs", "screenshots", "overview.png")).Length > 10_000, "the hero screenshot is a real image");
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BillingConsole.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("BillingConsole.sln not found above the test output.");
    }

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex Link();
}
