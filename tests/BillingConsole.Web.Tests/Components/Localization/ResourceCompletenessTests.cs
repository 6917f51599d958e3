using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace BillingConsole.Web.Tests.Components.Localization;

/// <summary>Every text has both languages, and every key the console asks for exists (a missing one shows its id).</summary>
public sealed partial class ResourceCompletenessTests
{
    private static readonly string WebProject = Path.Combine(FindRoot(), "src", "BillingConsole.Web");

    [Fact]
    public void Resources_EveryKey_HasEnglishAndChineseValues()
    {
        var english = Load("SharedResource.resx");
        var chinese = Load("SharedResource.zh-CN.resx");

        Assert.Empty(english.Keys.Except(chinese.Keys));
        Assert.Empty(chinese.Keys.Except(english.Keys));
        Assert.Empty(english.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => e.Key));
        Assert.Empty(chinese.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => e.Key));
    }

    [Fact]
    public void Resources_ChineseValues_AreChinese()
    {
        var chinese = Load("SharedResource.zh-CN.resx");
        var untranslated = chinese.Where(e => !CjkPattern().IsMatch(e.Value) && !IsNeutral(e.Value)).Select(e => e.Key).ToList();

        Assert.Empty(untranslated);
    }

    [Fact]
    public void Components_EveryLocalizerKeyUsed_ExistsInResources()
    {
        var keys = Load("SharedResource.resx").Keys.ToHashSet(StringComparer.Ordinal);
        var used = Directory.EnumerateFiles(WebProject, "*.razor", SearchOption.AllDirectories)
            .SelectMany(f => KeyPattern().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)));

        var missing = used.Where(u => !keys.Contains(u.Key)).Select(u => $"{u.File}: {u.Key}").Distinct().ToList();

        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("SharedResource.resx")]
    [InlineData("SharedResource.zh-CN.resx")]
    public void Resources_HaveNoKeysThatDifferOnlyInCase(string file)
    {
        // .resx names are case-insensitive: "Monthly" and "monthly" build with a warning and one of them is dropped.
        var names = XDocument.Load(Path.Combine(WebProject, "Resources", file)).Root!.Elements("data")
            .Select(d => (string)d.Attribute("name")!);

        var clashes = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(clashes);
    }

    private static Dictionary<string, string> Load(string file) =>
        XDocument.Load(Path.Combine(WebProject, "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    // Product names and symbols read the same in both languages.
    private static bool IsNeutral(string value) => value is "Hangfire" or "SDK" || !value.Any(char.IsLetter);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BillingConsole.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("BillingConsole.sln not found above the test output.");
    }

    [GeneratedRegex(@"[\u4e00-\u9fff]")]
    private static partial Regex CjkPattern();

    [GeneratedRegex(@"\bL\[""([^""]+)""\]")]
    private static partial Regex KeyPattern();
}
