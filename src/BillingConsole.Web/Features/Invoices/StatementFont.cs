using System.Reflection;
using PdfSharp.Fonts;

namespace BillingConsole.Web.Features.Invoices;

/// <summary>
/// The statement's only font, embedded in the assembly: "BillingConsole Sans SC", a subset (GB 2312 hanzi, CJK
/// punctuation, Latin-1) built from Droid Sans Fallback (Apache-2.0) with Latin glyphs from DejaVu Sans (Bitstream Vera
/// licence) — see Fonts/README.md and docs/invoices.md. PDFsharp embeds only the glyphs a document uses (a subset).
/// </summary>
internal sealed class StatementFont : IFontResolver
{
    public const string Family = "BillingConsole Sans SC";
    private const string FaceName = "BillingConsoleSansSC";
    private static readonly Lazy<byte[]> Bytes = new(Load);
    private static readonly object Gate = new();

    /// <summary>Installs the resolver once per process (PDFsharp's font settings are global).</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is StatementFont) return;
            GlobalFontSettings.FontResolver = new StatementFont();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(FaceName, mustSimulateBold: bold, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => Bytes.Value;

    private static byte[] Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("BillingConsoleSansSC.ttf", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
