using System.Text;
using System.Text.RegularExpressions;

namespace Warehouse.Corpus;

/// <summary>
/// A PDF's text as Node's pdf-parse (2.x, on pdf.js) gives it, from the layout that reads a PDF without its layout
/// (<c>text-pdf-plain</c>): after each page its own mark ("\n\n-- 2 of 5 --\n\n") where pdftotext writes a form feed,
/// and the text items of a line " \t" apart, as pdf.js joins them: the page's number "-2-" reads "- \t2 \t-" (in this
/// layout the other lines hold one item each: a cell, a piece of wrapped prose). One document in five
/// (<see cref="Rate"/>); the real hongze and huaian PDFs so read are fixtures. Applied when the corpus is written, so
/// the rendered bytes stay as they were.
/// </summary>
public static partial class PdfParseSaving
{
    /// <summary>The share of the layout's documents saved so.</summary>
    public const double Rate = 0.2;

    /// <summary>Whether the layout's documents are ever so written.</summary>
    public static bool Applies(string layout) => layout is Layouts.TextPdfPlain;

    /// <summary>The UTF-8 <paramref name="utf8"/> as written: as it is, or as pdf-parse writes it, drawn from the report's seed.</summary>
    /// <param name="quirkSeed">The generated report's <see cref="GeneratedReport.QuirkSeed"/>: a stream of its own, so its other draws stay.</param>
    public static byte[] Apply(byte[] utf8, int quirkSeed)
    {
        var rng = new Random(unchecked((quirkSeed * 31) + 43));
        if (rng.NextDouble() >= Rate) return utf8;
        var text = Encoding.UTF8.GetString(utf8);
        // Pages already as pypdf writes them (no form feed, each number glued to its page's first line) are another tool's text.
        if (!text.Contains('\f', StringComparison.Ordinal)) return utf8;
        var pages = text.Split('\f');
        var count = pages[^1].Trim().Length == 0 ? pages.Length - 1 : pages.Length;
        var sb = new StringBuilder();
        for (var k = 0; k < count; k++)
        {
            sb.Append(PageNumber().Replace(pages[k].Trim('\n'), m => $"- \t{m.Groups[1].Value} \t-"));
            sb.Append("\n\n-- ").Append(k + 1).Append(" of ").Append(count).Append(" --\n\n");
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    [GeneratedRegex(@"(?m)^-(\d{1,3})-$")]
    private static partial Regex PageNumber();
}
