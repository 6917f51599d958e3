using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace BillingConsole.Web.Tests.Components.Localization;

/// <summary>
/// Guards against English slipping back into the console: a source scan of the markup (text between tags and the
/// visible attributes must go through <c>L</c>), and of the handlers' <c>Result</c> messages (their English format
/// must be a resource key, or the console shows it in English).
/// </summary>
public sealed partial class UntranslatedTextTests
{
    private static readonly string Root = FindRoot();
    private static readonly string WebProject = Path.Combine(Root, "src", "BillingConsole.Web");

    // Names and notations that read the same in both languages.
    private static readonly HashSet<string> Neutral = new(StringComparer.Ordinal)
    {
        "BillingConsole", "Android", "iOS", "Authorization: Bearer key", "ASPNETCORE_ENVIRONMENT",
        "password", // the hidden placeholder a floating label needs; the label itself is translated
    };

    [Fact]
    public void Markup_HasNoTextOutsideTheLocalizer()
    {
        var found = RazorFiles().SelectMany(f => UntranslatedText(File.ReadAllText(f)).Select(t => $"{Name(f)}: {t}")).ToList();

        Assert.True(found.Count == 0, "Text outside L[...]:\n" + string.Join("\n", found));
    }

    [Fact]
    public void Code_ShowsNoLiteralInASnackbarDialogOrFieldError()
    {
        var found = RazorFiles()
            .SelectMany(f => ShownLiteral().Matches(File.ReadAllText(f))
                .Where(m => Letters().IsMatch(Hole().Replace(m.Groups[1].Value, ""))) // words, not only {holes}
                .Select(m => $"{Name(f)}: {m.Value.Trim()}"))
            .ToList();

        Assert.True(found.Count == 0, "Literal texts shown without L[...]:\n" + string.Join("\n", found));
    }

    [Fact]
    public void ResultMessages_EveryEnglishFormat_IsAResourceKey()
    {
        var keys = ResourceKeys();
        var sources = new[] { "BillingConsole.Domain", "BillingConsole.Web" }
            .SelectMany(p => Directory.EnumerateFiles(Path.Combine(Root, "src", p), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

        var messages = sources.SelectMany(f => ResultMessageFormats(File.ReadAllText(f)).Select(m => (File: Name(f), Format: m))).ToList();
        var missing = messages.Where(m => !keys.Contains(m.Format)).Select(m => $"{m.File}: {m.Format}").Distinct().ToList();

        Assert.NotEmpty(messages);
        Assert.True(missing.Count == 0, "Result messages without a translation:\n" + string.Join("\n", missing));
    }

    [Theory]
    [InlineData("<p>Hello there</p>", "Hello there")]
    [InlineData("<MudTextField Label=\"Amount\" />", "Label=\"Amount\"")]
    [InlineData("<p>@L[\"Hello there\"] @context.Name</p>", null)]
    [InlineData("<MudButton OnClick=\"() => Go(x)\">@L[\"Go\"]</MudButton>", null)]
    public void UntranslatedText_FindsLiteralsOnly(string markup, string? expected)
    {
        var found = UntranslatedText(markup).ToList();

        if (expected is null) Assert.Empty(found);
        else Assert.Equal([expected], found);
    }

    [Theory]
    [InlineData("return Result<int>.Invalid(\"years\", $\"Choose 1 to {MaxYears} years.\");", "Choose 1 to {0} years.")]
    [InlineData("Result<Money>.Invalid($\"At {at:yyyy-MM-dd} UTC, {n} left.\")", "At {0:yyyy-MM-dd} UTC, {1} left.")]
    [InlineData("Result<IReadOnlyList<X>>.Conflict(\"No such pack.\")", "No such pack.")]
    public void ResultMessageFormats_ReadTheFormatAsTheDomainRecordsIt(string code, string format)
    {
        Assert.Equal([format], ResultMessageFormats(code));
    }

    internal static IEnumerable<string> UntranslatedText(string razor)
    {
        var markup = razor.Split("@code", 2)[0];
        markup = RazorComment().Replace(markup, "").Replace("=>", "⇒");
        foreach (Match a in VisibleAttribute().Matches(markup))
        {
            if (IsText(a.Groups[2].Value)) yield return a.Value;
        }
        markup = Entity().Replace(Localized().Replace(markup, " "), " ");
        markup = RazorExpression().Replace(CodeLine().Replace(markup, ""), " ");
        foreach (Match t in TextNode().Matches(markup))
        {
            var text = string.Join(' ', t.Groups[1].Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            if (IsText(text)) yield return text;
        }
    }

    internal static IEnumerable<string> ResultMessageFormats(string code)
    {
        // A lone literal without a space before a variable is a field name (Invalid("amount", error)), not a message.
        foreach (Match m in ResultFactoryCall().Matches(code).Where(m => m.Groups[2].Value.Contains(' ')))
        {
            yield return Format(m.Groups[1].Value == "$", m.Groups[2].Value);
        }
        if (!code.Contains("ResultMessage", StringComparison.Ordinal)) yield break;
        // Helpers that return a ResultMessage (refusals, form validators, status sentences): their literals are messages too.
        // A sentence has spaces; keys and ids ("recharge:{0}") in the same files do not.
        foreach (Match m in ReturnedLiteral().Matches(code).Concat(FieldLiteral().Matches(code)).Where(m => m.Groups[2].Value.Contains(' ')))
        {
            yield return Format(m.Groups[1].Value == "$", m.Groups[2].Value);
        }
    }

    // The composite format ResultMessage records for an interpolated string: holes numbered, format specifiers kept.
    private static string Format(bool interpolated, string literal)
    {
        if (!interpolated) return literal;
        var n = 0;
        return Hole().Replace(literal, h => "{" + n++ + (h.Groups[2].Success ? ":" + h.Groups[2].Value : "") + "}");
    }

    // Braces mean C# (an inline @if) rather than words.
    private static bool IsText(string text) =>
        Letters().IsMatch(text) && !text.Contains('{') && !text.Contains('}') && !Neutral.Contains(text.Trim(' ', '·', '.', ':'));

    private static IEnumerable<string> RazorFiles() =>
        Directory.EnumerateFiles(WebProject, "*.razor", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static HashSet<string> ResourceKeys() =>
        XDocument.Load(Path.Combine(WebProject, "Resources", "SharedResource.resx")).Root!.Elements("data")
            .Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

    private static string Name(string path) => Path.GetRelativePath(Root, path);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BillingConsole.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("BillingConsole.sln not found above the test output.");
    }

    // Snackbar.Add("…"), a message box or dialog message, or an error field set to a literal with words in it.
    [GeneratedRegex(@"(?:Snackbar\.Add\((?:[^;]*?\?)?|ShowMessageBoxAsync\([^;]*?,|x\s*=>\s*x\.Message,|\b(?:error|[a-z]\w*Error)\s*=(?!=))\s*\$?""([^""]*)""")]
    private static partial Regex ShownLiteral();

    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex RazorComment();

    [GeneratedRegex(@"\b(Label|HelperText|Placeholder|placeholder|title|Title|aria-label|DataLabel|Text|ErrorText|AdornmentAriaLabel)=""([^""@]*)""")]
    private static partial Regex VisibleAttribute();

    [GeneratedRegex(@"@L\[""(?:[^""\\]|\\.)*""(?:,[^\]]*)?\]|@\(L\[""(?:[^""\\]|\\.)*""(?:,[^\]]*)?\]\)")]
    private static partial Regex Localized();

    [GeneratedRegex(@"&#?\w+;")]
    private static partial Regex Entity();

    // Razor control lines (@if, else, foreach, braces, local declarations) carry C#, not text.
    [GeneratedRegex(@"^\s*(@?(if|else|foreach|for|while|switch|var|case)\b.*|[{}]\s*|@\w+ .*)$", RegexOptions.Multiline)]
    private static partial Regex CodeLine();

    [GeneratedRegex(@"@\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)|@[\w.]+(?:\[[^\]]*\])?(?:\((?:[^()]|\([^()]*\))*\))?")]
    private static partial Regex RazorExpression();

    [GeneratedRegex(@">([^<>]*)<")]
    private static partial Regex TextNode();

    [GeneratedRegex(@"[A-Za-z]{2,}")]
    private static partial Regex Letters();

    [GeneratedRegex(@"Result<.*?>\.(?:Invalid|NotFound|Conflict|Forbidden)\(\s*(?:""[^""]*""\s*,\s*)?(\$?)""((?:[^""\\]|\\.)*)""", RegexOptions.Singleline)]
    private static partial Regex ResultFactoryCall();

    [GeneratedRegex(@"(?:return|=>)\s*(?:\(ResultMessage\))?\s*(\$?)""((?:[^""\\]|\\.)*)""\s*[;,]")]
    private static partial Regex ReturnedLiteral();

    [GeneratedRegex(@"\]\s*=\s*\[\s*(\$?)""((?:[^""\\]|\\.)*)""\s*\]")]
    private static partial Regex FieldLiteral();

    [GeneratedRegex(@"\{([^{}:]+)(?::([^{}]+))?\}")]
    private static partial Regex Hole();
}
