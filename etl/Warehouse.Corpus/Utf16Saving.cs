using System.Text;

namespace Warehouse.Corpus;

/// <summary>
/// Text and pages saved as UTF-16, as Windows tools save "Unicode" text (little-endian, with its byte order mark),
/// a few big-endian, and scripts that write <c>encode("utf-16-le")</c> without a mark. One document in ten of the
/// <c>text-tab</c>, <c>text-cell</c> and <c>html-trs</c> layouts is written so (<see cref="Rate"/>): half of
/// them little-endian with the mark, a quarter big-endian with it, a quarter little-endian without. Applied
/// when the corpus is written, so the rendered bytes (<see cref="CorpusWriter.Produce"/>) stay UTF-8.
/// </summary>
public static class Utf16Saving
{
    /// <summary>The share of those layouts' documents saved as UTF-16.</summary>
    public const double Rate = 0.1;

    /// <summary>Whether the layout's documents are ever saved as UTF-16.</summary>
    public static bool Applies(string layout) => layout is Layouts.TextTab or Layouts.TextCell or Layouts.HtmlTrs;

    /// <summary>The UTF-8 <paramref name="utf8"/> as the document is saved: as it is, or in one form of UTF-16, drawn from the report's seed.</summary>
    /// <param name="quirkSeed">The generated report's <see cref="GeneratedReport.QuirkSeed"/>: a stream of its own, so its other draws stay.</param>
    public static byte[] Apply(byte[] utf8, int quirkSeed)
    {
        var rng = new Random(unchecked((quirkSeed * 31) + 13));
        if (rng.NextDouble() >= Rate) return utf8;
        var text = Encoding.UTF8.GetString(utf8);
        return rng.Next(4) switch
        {
            0 or 1 => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            2 => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
            _ => Encoding.Unicode.GetBytes(text),
        };
    }
}
