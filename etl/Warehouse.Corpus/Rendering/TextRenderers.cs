using System.Text;

namespace Warehouse.Corpus.Rendering;

/// <summary>
/// Text as extracted from PDF: a row per line, cells between tabs (seeds 000 and 003); in some documents the
/// indents typed as ideographic spaces ("　　1.属于国家秘密").
/// </summary>
public static partial class TextTabRenderer
{
    public static byte[] Render(IReadOnlyList<Part> parts, Random rng)
    {
        var numbers = new NumberStyle(rng, blanks: false, fullWidth: true, leadingSpace: false);
        var loseTabs = rng.NextDouble() < 0.3;
        var padSpans = rng.NextDouble() < 0.4;
        var labels = new LabelStyle(rng);
        var pageBreak = rng.NextDouble() < 0.4;
        var sb = new StringBuilder();
        var paragraphs = new List<int>();
        foreach (var part in parts)
        {
            switch (part)
            {
                case TitlePart { Form: TitleForm.AsPrinted } t:
                    sb.Append(t.Agency).Append(' ').Append(t.Rest).Append("\n\n");
                    break;
                case TitlePart t:
                    sb.Append(string.Join('\n', t.Lines)).Append("\n\n");
                    break;
                case HeadingPart h:
                    sb.Append('\n').Append(h.Text).Append("\n\n");
                    break;
                case ParagraphPart p:
                    paragraphs.Add(sb.Length);
                    sb.Append(pageBreak && p.Text.Length > 40 && p.Text.StartsWith('（') ? PageBreak(p.Text, rng, ref pageBreak) : p.Text).Append("\n\n");
                    break;
                case TablePart table:
                    foreach (var line in Rows(table.Grid, numbers, labels, padSpans))
                    {
                        // Rows 7-8 of 不予公开 in seed 003 lost their leading tabs.
                        sb.Append(loseTabs && rng.NextDouble() < 0.1 ? line.TrimStart('\t') : line).Append('\n');
                    }

                    sb.Append('\n');
                    break;
                case ClosingPart c:
                    sb.Append('\n').Append(c.Agency).Append('\n').Append(c.Date).Append('\n');
                    break;
            }
        }

        // In 2 of 10 documents the office typed its indents as ideographic spaces, as Word users do: "　　" before
        // each paragraph and before each numbered item of a table ("　　1.属于国家秘密").
        if (rng.NextDouble() < 0.2) Indent(sb, paragraphs);
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static void Indent(StringBuilder sb, List<int> paragraphs)
    {
        var text = sb.ToString();
        var indented = new StringBuilder(text.Length + 256);
        var next = 0;
        var at = 0;
        foreach (var line in text.Split('\n'))
        {
            while (next < paragraphs.Count && paragraphs[next] < at) next++;
            if (next < paragraphs.Count && paragraphs[next] == at) indented.Append("\u3000\u3000");
            indented.Append(line.Contains('\t') ? NumberedItem().Replace(line, "$1\u3000\u3000$2") : line).Append('\n');
            at += line.Length + 1;
        }

        sb.Clear().Append(indented, 0, indented.Length - 1);
    }

    // A cell that opens with an item's number ("1.", "1. ", "1、").
    [System.Text.RegularExpressions.GeneratedRegex(@"(^|\t)(\d[.、]\s?[^\d\s])")]
    private static partial System.Text.RegularExpressions.Regex NumberedItem();

    private static string PageBreak(string text, Random rng, ref bool pending)
    {
        pending = false;
        var at = 10 + rng.Next(text.Length - 20);
        return text[..at] + "\n\n" + text[at..];
    }

    // padSpans: seed 000 writes a merged cell's text and then one empty cell per column it spans
    // ("第二十条第（一）项\t\t\t"); other extractions write the text once.
    private static IEnumerable<string> Rows(Grid grid, NumberStyle numbers, LabelStyle labels, bool padSpans)
    {
        var layout = grid.Layout();
        for (var r = 0; r < grid.Rows.Count; r++)
        {
            var cells = new List<string>();
            for (var c = 0; c < grid.Columns; c++)
            {
                var slot = layout[r, c];
                if (slot.Column < c)
                {
                    if (padSpans) cells.Add("");
                    continue;
                }

                cells.Add(slot.Row < r ? "" : slot.Cell.IsNumber ? numbers.Format(slot.Cell.Value!.Value) : labels.Apply(slot.Cell.Text));
            }

            yield return string.Join('\t', cells) + '\t';
        }
    }
}

/// <summary>Text as extracted from DOCX: each cell on its own line behind a tab, a blank line between rows (seeds 001, 002, 004).</summary>
public static class TextCellRenderer
{
    public static byte[] Render(IReadOnlyList<Part> parts, Random rng)
    {
        var numbers = new NumberStyle(rng, blanks: false, fullWidth: false, leadingSpace: true);
        var extraColumn = rng.NextDouble() < 0.3;
        var wrap = rng.NextDouble() < 0.5;
        var labels = new LabelStyle(rng);
        var sb = new StringBuilder();
        foreach (var part in parts)
        {
            switch (part)
            {
                case TitlePart { Form: TitleForm.AsPrinted } t when t.Rest.Length > 8:
                    sb.Append(t.Agency).Append(t.Rest[..8]).Append('\n').Append(t.Rest[8..]).Append("\n\n");
                    break;
                case TitlePart t:
                    sb.Append(string.Join('\n', t.Lines)).Append("\n\n");
                    break;
                case HeadingPart h:
                    sb.Append(h.Text).Append('\n');
                    break;
                case ParagraphPart p:
                    sb.Append(p.Text).Append('\n');
                    break;
                case TablePart table:
                    WriteTable(sb, table.Grid, numbers, labels, rng, extraColumn, wrap);
                    sb.Append("\n\n");
                    break;
                case ClosingPart c:
                    sb.Append('\n').Append(c.Agency).Append('\n').Append(c.Date).Append('\n');
                    break;
            }
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static void WriteTable(StringBuilder sb, Grid grid, NumberStyle numbers, LabelStyle labels, Random rng, bool extraColumn, bool wrap)
    {
        var layout = grid.Layout();
        for (var r = 0; r < grid.Rows.Count; r++)
        {
            // Seed 001: the empty merged column runs from the first outcome row to the last row.
            var underResults = grid.Name == Tables.ApplicationsName
                && (layout[r, 0].Cell.Text.StartsWith("三、", StringComparison.Ordinal) || layout[r, 0].Cell.Text.StartsWith("四、", StringComparison.Ordinal));
            var extraWritten = false;
            for (var c = 0; c < grid.Columns; c++)
            {
                var slot = layout[r, c];
                if (slot.Column < c) continue;
                if (slot.Row < r)
                {
                    sb.Append("\t\n");
                    continue;
                }

                if (slot.Cell.IsNumber)
                {
                    // Seed 001: an empty merged column gives these rows an eighth cell.
                    if (extraColumn && underResults && !extraWritten)
                    {
                        sb.Append("\t0\n");
                        extraWritten = true;
                    }

                    sb.Append('\t').Append(numbers.Format(slot.Cell.Value!.Value)).Append('\n');
                }
                else
                {
                    sb.Append('\t').Append(Wrapped(labels.Apply(slot.Cell.Text), wrap && rng.NextDouble() < 0.25, rng)).Append('\n');
                }
            }

            sb.Append('\n');
        }
    }

    // A label wrapped in a narrow cell: "三、\n本年\n度办\n理结\n果"; sometimes a blank line inside ("结果\n\n纠正").
    private static string Wrapped(string label, bool wrap, Random rng)
    {
        if (!wrap || label.Length < 4 || label.Any(ch => char.IsAsciiDigit(ch) || ch is '/' or '-')) return label;
        if (label.Length == 4 && rng.NextDouble() < 0.5) return label[..2] + "\n\n" + label[2..];
        var chunks = new List<string>();
        for (var i = 0; i < label.Length;)
        {
            var length = Math.Min(label.Length - i, 2 + rng.Next(3));
            chunks.Add(label.Substring(i, length));
            i += length;
        }

        return string.Join('\n', chunks.Where(c => c.Length > 0));
    }
}
