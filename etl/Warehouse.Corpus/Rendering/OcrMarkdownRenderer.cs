using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Warehouse.Corpus.Rendering;

/// <summary>
/// Markdown as an OCR tool writes it from a scanned or printed report (MinerU's pipeline, and the
/// tools that copy its output): every title and section heading a "# " line, paragraphs between blank
/// lines, each table as one line of bare HTML (<c>&lt;table&gt;&lt;tr&gt;&lt;td rowspan="3" colspan="3"&gt;…</c>,
/// in half the documents wrapped as a page, <c>&lt;html&gt;&lt;body&gt;&lt;table&gt;…&lt;/table&gt;&lt;/body&gt;&lt;/html&gt;</c>)
/// because pipes cannot hold merged cells, a table cut where the page ended into two tables (the second
/// without its header; a merged label cell cut too, its second part empty), a paragraph cut the same
/// way in the middle of a sentence, the seal above the signature's date as an image line
/// (<c>![](images/….jpg)</c>), a zero read as the letter O now and then, numbers of the prose as inline
/// formulas now and then ("$2 0 4 1$"), and no page numbers (the tool drops them). The text before the first table
/// holds no markup, so a reader that takes any <c>&lt;table&gt;</c> for a web page joins its lines.
/// </summary>
public static partial class OcrMarkdownRenderer
{
    public static byte[] Render(IReadOnlyList<Part> parts, Random rng, Quirks quirks)
    {
        var numbers = new NumberStyle(rng, blanks: true, fullWidth: false, leadingSpace: false);
        var people = quirks.PeopleNumbers ? new PeopleNumberStyle(rng, blanks: true, chineseZeros: true) : null;
        // OCR reads a zero as the letter O now and then: in 3 of 10 documents, one zero in twenty.
        var letterZeros = rng.NextDouble() < 0.3;
        string Number(GridCell cell)
        {
            var text = cell.Printed ?? people?.Format(cell.Value!.Value, cell.Unit) ?? numbers.Format(cell.Value!.Value);
            return letterZeros && text == "0" && rng.NextDouble() < 0.05 ? "O" : text;
        }

        // Where the pages end: in one long paragraph of section 一 and in one or two tables.
        var cutParagraph = rng.NextDouble() < 0.5;
        var cutTables = rng.NextDouble() < 0.8;
        var seal = rng.NextDouble() < 0.7;
        var sb = new StringBuilder();
        foreach (var part in parts)
        {
            switch (part)
            {
                case TitlePart t:
                    foreach (var line in t.Lines) sb.Append("# ").Append(line).Append("\n\n");
                    break;
                case HeadingPart h:
                    sb.Append("# ").Append(h.Text).Append("\n\n");
                    break;
                case ParagraphPart p when cutParagraph && p.Text.Length > 60:
                    // A page ends inside the sentence: the tool starts a paragraph at the top of the next page.
                    var at = 20 + rng.Next(p.Text.Length - 40);
                    while (char.IsAsciiLetterOrDigit(p.Text[at - 1]) && char.IsAsciiLetterOrDigit(p.Text[at])) at++;
                    sb.Append(p.Text[..at]).Append("\n\n").Append(p.Text[at..]).Append("\n\n");
                    cutParagraph = false;
                    break;
                case ParagraphPart p:
                    sb.Append(p.Text).Append("\n\n");
                    break;
                case TablePart table:
                    var rows = table.Grid.Rows.Count;
                    var cut = cutTables && rows >= 6 && rng.NextDouble() < 0.6 ? 2 + rng.Next(rows - 3) : rows;
                    Table(sb, table.Grid, 0, cut, Number);
                    if (cut < rows) Table(sb, table.Grid, cut, rows, Number);
                    break;
                case ClosingPart c:
                    sb.Append(c.Agency).Append("\n\n");
                    if (seal) sb.Append("![](images/").Append(Convert.ToHexStringLower(RandomBytes(rng, 32))).Append(".jpg)\n\n");
                    sb.Append(c.Date).Append('\n');
                    break;
            }
        }

        // In 3 of 10 documents the tool's formula detection took numbers of the prose for formulas: inline LaTeX,
        // a space between digits and around it ("发布各类信息 $2 0 4 1$ 条").
        var text = sb.ToString();
        if (rng.NextDouble() < 0.3) text = WithInlineFormulas(text, rng);
        // Half the documents as MinerU's pipeline writes a table: a page of its own, "<html><body><table>…</table></body></html>".
        if (rng.NextDouble() < 0.5) text = TableHtml().Replace(text, "<html><body>$1</body></html>");
        return Encoding.UTF8.GetBytes(text);
    }

    /// <summary>
    /// The text with half the numbers of two digits or more outside the tables as
    /// MinerU writes a formula: "$2 0 1 9$" (a space on either side unless a line starts or ends there). The
    /// digits of a document number ("〔2019〕60号") and of a date written with dashes stay as they are.
    /// </summary>
    private static string WithInlineFormulas(string text, Random rng)
    {
        var parts = TableHtml().Split(text);
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].StartsWith("<table", StringComparison.Ordinal)) continue;
            parts[i] = ProseNumber().Replace(parts[i], m => rng.NextDouble() < 0.5 ? Formula(string.Join(' ', m.Value.ToCharArray()), parts[i], m.Index, m.Length) : m.Value);
        }

        return string.Concat(parts);
    }

    private static string Formula(string body, string text, int at, int length)
    {
        var before = at > 0 && text[at - 1] is not ('\n' or ' ') ? " " : "";
        var after = at + length < text.Length && text[at + length] is not ('\n' or ' ') ? " " : "";
        return before + "$" + body + "$" + after;
    }

    [GeneratedRegex(@"(<table.*?</table>)", RegexOptions.Singleline)]
    private static partial Regex TableHtml();

    [GeneratedRegex(@"(?<![0-9〔（(./_\-a-zA-Z])\d{2,}(?![0-9号〕./\-a-zA-Z])")]
    private static partial Regex ProseNumber();

    /// <summary>
    /// Rows <paramref name="from"/> to <paramref name="to"/> of the grid as one line of HTML. A cell merged
    /// over the cut keeps its text in the first part; the second part opens with an empty cell in its place.
    /// </summary>
    private static void Table(StringBuilder sb, Grid grid, int from, int to, Func<GridCell, string> number)
    {
        var layout = grid.Layout();
        sb.Append("<table>");
        for (var r = from; r < to; r++)
        {
            sb.Append("<tr>");
            for (var c = 0; c < grid.Columns; c++)
            {
                var slot = layout[r, c];
                var carried = r == from && slot.Row < from;
                if (slot.Column != c || slot.Row != r && !carried) continue;
                var rowSpan = Math.Min(slot.Row + slot.Cell.RowSpan, to) - r;
                sb.Append("<td");
                if (rowSpan > 1) sb.Append(" rowspan=\"").Append(rowSpan).Append('"');
                if (slot.Cell.ColSpan > 1) sb.Append(" colspan=\"").Append(slot.Cell.ColSpan).Append('"');
                sb.Append('>');
                if (!carried) sb.Append(WebUtility.HtmlEncode(slot.Cell.IsNumber ? number(slot.Cell) : slot.Cell.Text));
                sb.Append("</td>");
            }

            sb.Append("</tr>");
        }

        sb.Append("</table>\n\n");
    }

    private static byte[] RandomBytes(Random rng, int count)
    {
        var bytes = new byte[count];
        rng.NextBytes(bytes);
        return bytes;
    }
}
