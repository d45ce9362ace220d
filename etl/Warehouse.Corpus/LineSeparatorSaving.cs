using System.Text;

namespace Warehouse.Corpus;

/// <summary>
/// Text whose lines end otherwise than by a line feed: Unicode's line separator (U+2028) or paragraph separator
/// (U+2029), as some converters and editors write them, or the vertical tab that Word's object model gives for a
/// manual line break (<c>Range.Text</c>), as a script that takes text out of Word keeps it. One document in twenty
/// of the <c>text-tab</c> and <c>text-cell</c> layouts has every line so ended (<see cref="Rate"/>), one of the three
/// drawn alike. Applied when the corpus is written (before <see cref="Utf16Saving"/>), so the rendered bytes stay as
/// they were.
/// </summary>
public static class LineSeparatorSaving
{
    /// <summary>The share of those layouts' documents whose lines end so.</summary>
    public const double Rate = 0.05;

    /// <summary>Whether the layout's documents are ever so written.</summary>
    public static bool Applies(string layout) => layout is Layouts.TextTab or Layouts.TextCell;

    /// <summary>The UTF-8 <paramref name="utf8"/> as written: as it is, or with each line feed another line end, drawn from the report's seed.</summary>
    /// <param name="quirkSeed">The generated report's <see cref="GeneratedReport.QuirkSeed"/>: a stream of its own, so its other draws stay.</param>
    public static byte[] Apply(byte[] utf8, int quirkSeed)
    {
        var rng = new Random(unchecked((quirkSeed * 31) + 17));
        if (rng.NextDouble() >= Rate) return utf8;
        var separator = rng.Next(3) switch
        {
            0 => "\u2028",
            1 => "\u2029",
            _ => "\v",
        };
        return Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(utf8).Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", separator, StringComparison.Ordinal));
    }
}
