using System.Text;
using System.Text.RegularExpressions;

namespace Warehouse.Corpus.Rendering;

/// <summary>
/// Markdown as an OCR tool writes it with its tables in LaTeX (Mathpix Markdown; MinerU with StructEqTable; Nougat):
/// the title as <c>\title{…}</c> over three lines or as a <c>\section*{…}</c>, section headings as <c>\section*{…}</c> or
/// <c>\subsection*{…}</c>, and each table a <c>tabular</c> whose merged cells are <c>\multicolumn{2}{|l|}{…}</c> and
/// <c>\multirow{20}{*}{…}</c>, the cells a row span covers left empty in the rows below (<c>\multicolumn{2}{|l|}{}</c>
/// where the span is two columns wide). Rules are <c>\hline</c> under every row, or <c>\cline{2-10}</c> beside a
/// span that goes on, or only around the table; a table is one line (StructEqTable) in three documents of ten. A label
/// wrapped in its narrow cell is a tabular inside the cell (<c>\begin{tabular}{l}三、本年度 \\ 办理结果\end{tabular}</c>) or a
/// <c>\makecell{…}</c>; in one document in ten a span's label is set in its last row (<c>\multirow{-20}{*}{…}</c>, as
/// table editors write a shaded span). Numbers of the prose are inline formulas now and then (<c>\( 2041 \)</c>), "%"
/// in text is <c>\%</c>, and the seal is an image line from Mathpix's CDN.
/// </summary>
public static partial class MathpixMarkdownRenderer
{
    private enum Rules
    {
        Every,
        Partial,
        Outer,
    }

    public static byte[] Render(IReadOnlyList<Part> parts, Random rng, Quirks quirks)
    {
        var numbers = new NumberStyle(rng, blanks: true, fullWidth: false, leadingSpace: false);
        var people = quirks.PeopleNumbers ? new PeopleNumberStyle(rng, blanks: true, chineseZeros: true) : null;
        string Number(GridCell cell) => Escape(cell.Printed ?? people?.Format(cell.Value!.Value, cell.Unit) ?? numbers.Format(cell.Value!.Value));

        var titleAsCommand = rng.NextDouble() < 0.6;
        var subsections = rng.NextDouble() < 0.3;
        var oneLine = rng.NextDouble() < 0.3;
        var rules = (Rules)rng.Next(3);
        var wrap = rng.Next(3); // 0: labels on one line, 1: a tabular inside the cell, 2: \makecell
        var upward = rng.NextDouble() < 0.1;
        var formulas = rng.NextDouble() < 0.4;
        var sb = new StringBuilder();
        foreach (var part in parts)
        {
            switch (part)
            {
                case TitlePart t when titleAsCommand:
                    sb.Append("\\title{\n").AppendJoin("\n", t.Lines.Select(Escape)).Append("\n}\n\n");
                    break;
                case TitlePart t:
                    foreach (var line in t.Lines) sb.Append("\\section*{").Append(Escape(line)).Append("}\n\n");
                    break;
                case HeadingPart h:
                    sb.Append(subsections ? "\\subsection*{" : "\\section*{").Append(Escape(h.Text)).Append("}\n\n");
                    break;
                case ParagraphPart p:
                    var text = Escape(p.Text);
                    if (formulas) text = ProseNumber().Replace(text, m => rng.NextDouble() < 0.5 ? $" \\( {m.Value} \\) " : m.Value);
                    sb.Append(text).Append("\n\n");
                    break;
                case TablePart table:
                    Table(sb, table.Grid, rng, Number, oneLine, rules, wrap, upward);
                    break;
                case ClosingPart c:
                    sb.Append(Escape(c.Agency)).Append("\n\n");
                    sb.Append("![](https://cdn.mathpix.com/cropped/").Append(2024 + rng.Next(2)).Append("_0").Append(1 + rng.Next(9)).Append('_')
                        .Append(10 + rng.Next(18)).Append('_').Append(Convert.ToHexStringLower(RandomBytes(rng, 10))).Append("g-").Append(1 + rng.Next(6))
                        .Append(".jpg?height=").Append(300 + rng.Next(200)).Append("&width=").Append(300 + rng.Next(200)).Append("&top_left_y=")
                        .Append(1200 + rng.Next(600)).Append("&top_left_x=").Append(900 + rng.Next(300)).Append(")\n\n");
                    sb.Append(Escape(c.Date)).Append('\n');
                    break;
            }
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    // The grid as a tabular: each row its cells, a span's covered positions empty, rules by the document's style.
    private static void Table(StringBuilder sb, Grid grid, Random rng, Func<GridCell, string> number, bool oneLine, Rules rules, int wrap, bool upward)
    {
        var layout = grid.Layout();
        var rows = grid.Rows.Count;
        var lines = new List<string> { "\\begin{tabular}{|" + string.Concat(Enumerable.Repeat("l|", grid.Columns)) + "}", "\\hline" };
        for (var r = 0; r < rows; r++)
        {
            var cells = new List<string>();
            for (var c = 0; c < grid.Columns;)
            {
                var slot = layout[r, c];
                var cell = slot.Cell;
                var width = slot.Column == c ? cell.ColSpan : 1;
                var last = slot.Row + cell.RowSpan - 1;
                // A span's label is written in its first row, or, upward, in its last with a negative count.
                var here = cell.RowSpan > 1 && upward && !cell.IsNumber ? r == last : r == slot.Row;
                string text;
                if (slot.Column != c) text = "";
                else if (!here) text = "";
                else
                {
                    text = cell.IsNumber ? number(cell) : Label(cell.Text, rng, cell.ColSpan == 1 ? wrap : 0);
                    if (cell.RowSpan > 1) text = $"\\multirow{{{(here && r == last && r != slot.Row ? -cell.RowSpan : cell.RowSpan)}}}{{*}}{{{text}}}";
                }

                if (width > 1) text = $"\\multicolumn{{{width}}}{{|l|}}{{{text}}}";
                cells.Add(text);
                c += width;
            }

            lines.Add(string.Join(" & ", cells) + " \\\\");
            if (r == rows - 1 || rules == Rules.Every) lines.Add("\\hline");
            else if (rules == Rules.Partial) lines.Add(Clines(layout, r, grid.Columns));
        }

        lines.Add("\\end{tabular}");
        sb.AppendJoin(oneLine ? " " : "\n", lines.Where(l => l.Length > 0)).Append("\n\n");
    }

    // The rule under row r: \hline where no span goes on past it, else a \cline for each run of columns that ends there.
    private static string Clines(Slot[,] layout, int r, int columns)
    {
        var ends = Enumerable.Range(0, columns).Select(c => layout[r, c].Row + layout[r, c].Cell.RowSpan - 1 == r).ToArray();
        if (ends.All(e => e)) return "\\hline";
        var sb = new StringBuilder();
        for (var c = 0; c < columns; c++)
        {
            if (!ends[c]) continue;
            var from = c;
            while (c + 1 < columns && ends[c + 1]) c++;
            sb.Append("\\cline{").Append(from + 1).Append('-').Append(c + 1).Append('}');
        }

        return sb.ToString();
    }

    // A label as the tool writes it: escaped, and, when the document wraps labels, a long one in a cell one column wide over two lines.
    private static string Label(string text, Random rng, int wrap)
    {
        var escaped = Escape(text.Replace("\n", "", StringComparison.Ordinal));
        if (wrap == 0 || text.Length < 8 || rng.NextDouble() < 0.5) return escaped;
        var at = 3 + rng.Next(text.Length - 5);
        while (at < text.Length - 1 && (char.IsAsciiDigit(text[at - 1]) || text[at] is '.' or '、' or '）')) at++;
        var first = Escape(text[..at]);
        var second = Escape(text[at..]);
        return wrap == 1 ? $"\\begin{{tabular}}{{l}}{first} \\\\ {second}\\end{{tabular}}" : $"\\makecell{{{first} \\\\ {second}}}";
    }

    private static string Escape(string text) => Special().Replace(text, "\\$0");

    private static byte[] RandomBytes(Random rng, int count)
    {
        var bytes = new byte[count];
        rng.NextBytes(bytes);
        return bytes;
    }

    [GeneratedRegex(@"[%&_#$]")]
    private static partial Regex Special();

    // A count in the prose, two digits or more, not of a document number or a date with dashes.
    [GeneratedRegex(@"(?<![0-9〔（(./_\-a-zA-Z])\d{2,}(?![0-9号〕./\-a-zA-Z])")]
    private static partial Regex ProseNumber();
}
