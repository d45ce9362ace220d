using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Tokens;

namespace Warehouse.Parsing.Pdf;

/// <summary>
/// Fonts whose glyphs name no character: a simple font (Type 1, TrueType) with no <c>/ToUnicode</c> map whose encoding's
/// <c>/Differences</c> give its glyphs names such as <c>/cid12123</c> or <c>/g57</c>, which the Adobe Glyph List does
/// not hold. Ghostscript writes such a font when it prints a PDF again and cannot carry a CID font's map over (a title
/// set in bold with full-width brackets, "（2023年）"). PdfPig then gives each glyph's code as its character: the
/// heading "五、存在的主要问题及改进情况" reads "5 678&amp;9:;&lt;=&gt;#$", and its "5" was taken for a cell of table 四.
/// Such letters are read as U+FFFD, a character unknown: never a digit, and counted as garbled text.
/// </summary>
public static partial class NamelessGlyphs
{
    /// <summary>The replacement character every letter of such a font reads as.</summary>
    public const string Unknown = "\uFFFD";

    /// <summary>
    /// The base font names (with their subset prefix, "XRUVSN+…", as <see cref="Letter.FontDetails"/> gives them) of
    /// the page's fonts, and its forms' to a depth of four, whose glyphs name no character; empty when none.
    /// </summary>
    public static HashSet<string> Fonts(PdfDocument pdf, Page page)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (MarkedStringRepair.Inherited(pdf, page.Dictionary) is { } resources) Visit(pdf, resources, found, 0);
        return found;
    }

    private static void Visit(PdfDocument pdf, DictionaryToken resources, HashSet<string> found, int depth)
    {
        if (resources.TryGet(NameToken.Font, out var fontsToken) && MarkedStringRepair.Resolve(pdf, fontsToken) is DictionaryToken fonts)
        {
            foreach (var (_, value) in fonts.Data)
            {
                if (MarkedStringRepair.Resolve(pdf, value) is DictionaryToken font && Nameless(pdf, font)
                    && font.TryGet(NameToken.BaseFont, out var baseFont) && baseFont is NameToken name)
                {
                    found.Add(name.Data);
                }
            }
        }

        if (depth >= 4 || !resources.TryGet(NameToken.Xobject, out var xobjectsToken) || MarkedStringRepair.Resolve(pdf, xobjectsToken) is not DictionaryToken xobjects) return;
        foreach (var (_, value) in xobjects.Data)
        {
            if (MarkedStringRepair.Resolve(pdf, value) is StreamToken form && form.StreamDictionary.TryGet(NameToken.Resources, out var own)
                && MarkedStringRepair.Resolve(pdf, own) is DictionaryToken inner)
            {
                Visit(pdf, inner, found, depth + 1);
            }
        }
    }

    // No map to Unicode, and most glyph names of its differences carry no character.
    private static bool Nameless(PdfDocument pdf, DictionaryToken font)
    {
        if (font.ContainsKey(NameToken.ToUnicode)) return false;
        if (!font.TryGet(NameToken.Subtype, out var subtype) || subtype is not NameToken { Data: "Type1" or "TrueType" or "MMType1" }) return false;
        if (!font.TryGet(NameToken.Encoding, out var encodingToken) || MarkedStringRepair.Resolve(pdf, encodingToken) is not DictionaryToken encoding) return false;
        if (!encoding.TryGet(NameToken.Differences, out var differencesToken) || MarkedStringRepair.Resolve(pdf, differencesToken) is not ArrayToken differences) return false;
        int names = 0, nameless = 0;
        foreach (var item in differences.Data)
        {
            if (item is not NameToken glyph) continue;
            names++;
            if (NumberedGlyph().IsMatch(glyph.Data)) nameless++;
        }

        return names > 0 && nameless * 2 > names;
    }

    // Glyph names that only number a glyph: cid12123, g57, glyph8, index3 (uni4E94 and u4E94 name a character).
    [GeneratedRegex(@"^(?:cid|g|glyph|index|gid)\d+$")]
    private static partial Regex NumberedGlyph();
}
