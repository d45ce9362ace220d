namespace Warehouse.Corpus.Rendering;

/// <summary>
/// The lines that a text extractor gives of a printed report, for the layouts of extracted text
/// (<see cref="BrowserPrintRenderer"/>, <see cref="OfficePdfTextRenderer"/>): the title's lines,
/// each heading on a line, prose cut at the page's width, the closing's agency and date; each
/// table as the layout prints it.
/// </summary>
internal static class ExtractedLines
{
    /// <param name="parts">The composed report.</param>
    /// <param name="width">Characters of prose per line.</param>
    /// <param name="table">A table's lines, as the layout prints it.</param>
    public static List<string> Of(IReadOnlyList<Part> parts, int width, Func<TablePart, IEnumerable<string>> table)
    {
        var lines = new List<string>();
        foreach (var part in parts)
        {
            switch (part)
            {
                case TitlePart t:
                    lines.AddRange(t.Lines);
                    break;
                case HeadingPart h:
                    lines.Add(h.Text);
                    break;
                case ParagraphPart p:
                    lines.AddRange(Chunks(p.Text, width));
                    break;
                case TablePart t:
                    lines.AddRange(table(t));
                    break;
                case ClosingPart c:
                    lines.Add(c.Agency);
                    lines.Add(c.Date);
                    break;
            }
        }

        return lines;
    }

    /// <summary>Text cut into lines of <paramref name="width"/> characters, the last shorter.</summary>
    public static IEnumerable<string> Chunks(string text, int width)
    {
        for (var i = 0; i < text.Length; i += width) yield return text[i..Math.Min(text.Length, i + width)];
    }
}
