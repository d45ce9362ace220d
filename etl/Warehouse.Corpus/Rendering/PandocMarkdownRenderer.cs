using System.Net;
using System.Text;

namespace Warehouse.Corpus.Rendering;

/// <summary>
/// What <c>pandoc -f html -t markdown</c> (or <c>-t gfm</c>) writes from a portal page (real/pingtan-2024-pandoc.md,
/// pingtan-2024-gfm.md): the page's divs as fenced divs (<c>::: {.class}</c>) or kept as raw <c>&lt;div&gt;</c>s,
/// headings and lead-ins as spans with their style (<c>[一、…]{style="…"}</c>, or raw <c>&lt;span&gt;</c>s in gfm),
/// a table without merged rows as a simple table between dash rules (a pipe table in gfm; a grid table,
/// its styled cells wrapped, from a Word export, whose headings' spans are nested), tables with
/// merged rows as the page's HTML, each cell's text in <c>&lt;p&gt;</c>s.
/// </summary>
public static class PandocMarkdownRenderer
{
    private static readonly string[] HeadingStyles = ["font-family: 黑体, SimHei;", "text-indent: 0em; font-family: 黑体, SimHei;", "font-size: 16px; font-weight: bold;"];

    public static byte[] Render(IReadOnlyList<Part> parts, Random rng)
    {
        var numbers = new NumberStyle(rng, blanks: true, fullWidth: false, leadingSpace: false);
        // A blank cell of a simple table cannot be told from no cell: the pages these come from write zeros there.
        var noBlanks = new NumberStyle(rng, blanks: false, fullWidth: false, leadingSpace: false);
        var gfm = rng.NextDouble() < 0.3;
        var rawDivs = gfm || rng.NextDouble() < 0.5;
        var headingStyle = HeadingStyles[rng.Next(HeadingStyles.Length)];
        var leadIns = rng.NextDouble() < 0.7;
        // A page made by Word's HTML export styles every run of text: pandoc nests the spans and writes a
        // table without merged rows as a grid table, each cell's span wrapped at the column's width.
        var wordExport = !gfm && rng.NextDouble() < 0.35;
        // markdown_strict (real/pingtan-2019-markdown-strict.md) has no spans, divs or tables of its own:
        // it keeps the page's markup as raw HTML, each tag's attributes wrapped onto lines of their own,
        // every table as HTML, and the portal's links first, so no <div> or <table> opens the file.
        var strict = !gfm && !wordExport && rng.NextDouble() < 0.25;
        // gfm of a Word export keeps each styled cell's span as raw HTML inside its pipe-table row.
        var styledCells = gfm && rng.NextDouble() < 0.35;
        var sb = new StringBuilder();
        void Open(string classes) => sb.Append(strict ? "" : gfm ? $"<div class=\"{classes.Replace(".", "", StringComparison.Ordinal)}\">\n\n" : $"::: {{{classes}}}\n");
        void Close() => sb.Append(strict ? "" : gfm ? "</div>\n\n" : ":::\n");
        string Span(string text, string style) => strict ? $"<span\nstyle=\"{style}\">{text}</span>" : gfm ? $"<span style=\"{style}\">{text}</span>" : $"[{text}]{{style=\"{style}\"}}";

        if (strict)
        {
            sb.Append("![](/images/gh_logo.png) [![](/images/site_logo.png)](/)\n\n");
            foreach (var (site, name) in PortalLinks) sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"<a href=\"{site}\"\nclass=\"btn_base btn_outline btn_outline_primary btn_small\"\ntarget=\"_blank\" title=\"{name}\">{name}</a>\n");
            sb.Append('\n');
        }

        // The portal's own markup above the article: raw blocks pandoc keeps as HTML in some pages.
        if (rawDivs && !gfm && !strict) sb.Append("<div>\n\n[首页](/) [政务公开](/zwgk/) [政府信息公开年报](/zwgk/ndbg/)\n\n</div>\n\n");
        Open(".article .pad_base");
        foreach (var part in parts)
        {
            switch (part)
            {
                case TitlePart t:
                    Open(".article_title .font_family_cn");
                    foreach (var line in t.Lines) sb.Append(line).Append('\n');
                    Close();
                    if (strict) sb.Append('\n');
                    else if (!gfm) sb.Append(":::\n\n");
                    else sb.Append('\n');
                    Open(".TRS_Editor");
                    sb.Append('\n');
                    break;
                case HeadingPart h:
                    var heading = Span(h.Text + (rng.NextDouble() < 0.3 ? " " : ""), headingStyle);
                    sb.Append(wordExport ? Span(heading, "FONT-SIZE: 16pt; BACKGROUND: #FFFFFF") : heading).Append("\n\n");
                    break;
                case ParagraphPart p:
                    sb.Append(LeadIn(p.Text, leadIns, text => Span(text, "font-family: 楷体, 楷体_GB2312, SimKai;"))).Append("\n\n");
                    break;
                case TablePart table:
                    var cell = (GridCell c) => c.Printed ?? numbers.Format(c.Value!.Value);
                    if (strict || table.Grid.Rows.Any(r => r.Any(c => c.RowSpan > 1))) Html(sb, table.Grid, cell, rng);
                    else if (gfm) Pipe(sb, table.Grid, cell, styledCells);
                    else if (wordExport && rng.NextDouble() < 0.4) SpannedSimple(sb, table.Grid, cell, rng);
                    else if (wordExport) GridTable(sb, table.Grid, cell, 13 + rng.Next(6));
                    else if (rng.NextDouble() < 0.3) Multiline(sb, table.Grid, c => c.Printed ?? noBlanks.Format(c.Value!.Value), rng);
                    else Simple(sb, table.Grid, c => c.Printed ?? noBlanks.Format(c.Value!.Value));
                    sb.Append('\n');
                    break;
                case ClosingPart c:
                    sb.Append(strict ? "<p style=\"text-align: right;\">" : gfm ? "<div style=\"text-align: right;\">\n\n" : "::: {style=\"text-align: right;\"}\n");
                    sb.Append(c.Agency).Append(strict ? "<br />\n" : "\n\n").Append(c.Date).Append(strict ? "</p>\n" : "\n");
                    Close();
                    break;
            }
        }

        Close();
        Close();
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    // The portal's links above the article, as markdown_strict keeps them (raw <a> tags): enough of
    // them that the file's first 2 KB hold no <table> or <div>.
    private static readonly (string Site, string Name)[] PortalLinks =
    [
        ("https://www.gov.cn/", "国务院"), ("https://www.fujian.gov.cn/", "省政府"), ("https://www.fjrd.gov.cn/", "省人大"),
        ("http://www.fjzx.gov.cn/", "省政协"), ("/wap/", "移动版"), ("/zwgk/", "政务公开"), ("/jdhy/", "解读回应"),
        ("/bsfw/", "办事服务"), ("/hdjl/", "互动交流"), ("/zjpt/", "走进平潭"), ("/zwgk/zfxxgk/", "政府信息公开"),
        ("/zwgk/zfxxgk/zfxxgknb/", "政府信息公开年报"), ("/zwgk/zcwj/", "政策文件"), ("/zwgk/ghxx/", "规划信息"),
    ];

    // "（一）主动公开方面。" in the page's 楷体 span, the rest of the paragraph after it.
    private static string LeadIn(string text, bool leadIns, Func<string, string> span)
    {
        var end = text.IndexOf('。', StringComparison.Ordinal);
        if (!leadIns || !text.StartsWith('（') || end < 0 || end > 20) return text;
        return span(text[..(end + 1)]) + text[(end + 1)..];
    }

    private static List<List<string>> Cells(Grid grid, Func<GridCell, string> number)
    {
        var layout = grid.Layout();
        var rows = new List<List<string>>();
        for (var r = 0; r < grid.Rows.Count; r++)
        {
            var row = new List<string>();
            for (var c = 0; c < grid.Columns; c++)
            {
                // A cell spanning columns is written in its first; the columns it covers are blank.
                var slot = layout[r, c];
                row.Add(slot.Column == c ? slot.Cell.IsNumber ? number(slot.Cell) : slot.Cell.Text : "");
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>pandoc's simple table: rows of cells padded to the columns' widths, between rules of dashes, no header.</summary>
    private static void Simple(StringBuilder sb, Grid grid, Func<GridCell, string> number)
    {
        var rows = Cells(grid, number);
        var widths = Enumerable.Range(0, grid.Columns).Select(c => rows.Max(r => BoxDrawRenderer.Width(r[c])) + 2).ToArray();
        var rule = "  " + string.Join(' ', widths.Select(w => new string('-', w)));
        sb.Append(rule).Append('\n');
        foreach (var row in rows)
        {
            sb.Append("  ").Append(string.Join(' ', row.Select((t, c) => t + new string(' ', widths[c] - BoxDrawRenderer.Width(t))))).Append('\n');
        }

        sb.Append(rule).Append('\n');
    }

    /// <summary>
    /// pandoc's multiline table: a cell whose text holds a line break (&lt;br&gt;, written "\" at the end of
    /// its line: "行政规范\" / "性文件") makes each row take as many lines as its tallest cell, with a
    /// blank line between rows, no header.
    /// </summary>
    private static void Multiline(StringBuilder sb, Grid grid, Func<GridCell, string> number, Random rng)
    {
        // The article headings stay whole: they are the tables' own titles, looked for as printed.
        List<string> Broken(string text)
        {
            // A <br> sits in a label, never inside a number.
            if (text.Length < 5 || text.Any(char.IsAsciiDigit) || text.StartsWith("第二十条", StringComparison.Ordinal) || rng.NextDouble() < 0.5) return [text];
            var at = 2 + rng.Next(text.Length - 3);
            return [text[..at] + "\\", text[at..]];
        }

        var rows = Cells(grid, number).Select(r => r.Select(Broken).ToList()).ToList();
        Lines(sb, rows, blankBetween: true);
    }

    /// <summary>
    /// pandoc's simple table of a Word export whose cells' spans keep the page's line breaks in their
    /// style (real/pingtan-2020-pandoc.md): every styled cell takes two lines ("[0]{style=\"…12.0000pt;" /
    /// "mso-font-kerning:1.0000pt;\"}[]{style=…}"), and no blank line parts the rows; now and then a row
    /// of the cells' empty second paragraphs ("[ ]{style=…") closes the table.
    /// </summary>
    private static void SpannedSimple(StringBuilder sb, Grid grid, Func<GridCell, string> number, Random rng)
    {
        var trailing = rng.NextDouble() < 0.5 ? "[]{style=\"font-family:仿宋_GB2312;font-size:12.0000pt;mso-font-kerning:1.0000pt;\"}" : "";
        List<string> Styled(string text) => text.Length == 0 ? [] :
            [$"[{text}]{{style=\"mso-spacerun:'yes';font-family:仿宋_GB2312;font-size:12.0000pt;", $"mso-font-kerning:1.0000pt;\"}}{trailing}"];
        var rows = Cells(grid, number).Select(r => r.Select(Styled).ToList()).ToList();
        if (rng.NextDouble() < 0.3) rows.Add(Enumerable.Range(0, grid.Columns).Select(_ => Styled("\u00a0")).ToList());
        Lines(sb, rows, blankBetween: false);
    }

    // Rows of cells, each cell's lines at its column (display columns), between rules of dashes.
    private static void Lines(StringBuilder sb, List<List<List<string>>> rows, bool blankBetween)
    {
        var columns = rows[0].Count;
        var widths = Enumerable.Range(0, columns).Select(c => rows.Max(r => r[c].Select(BoxDrawRenderer.Width).DefaultIfEmpty(0).Max()) + 2).ToArray();
        var rule = "  " + string.Join(' ', widths.Select(w => new string('-', w)));
        sb.Append(rule).Append('\n');
        for (var r = 0; r < rows.Count; r++)
        {
            if (blankBetween && r > 0) sb.Append('\n');
            for (var line = 0; line < Math.Max(1, rows[r].Max(c => c.Count)); line++)
            {
                string Padded(List<string> cell, int k)
                {
                    var t = line < cell.Count ? cell[line] : "";
                    return t + new string(' ', widths[k] - BoxDrawRenderer.Width(t));
                }

                sb.Append("  ").Append(string.Join(' ', rows[r].Select(Padded)).TrimEnd()).Append('\n');
            }
        }

        sb.Append(rule).Append('\n');
    }

    /// <summary>
    /// pandoc's grid table of a Word export (real/pingtan-2019-pandoc.md): each cell's text in a span
    /// with its style, wrapped at the column's width (in display columns) anywhere in a word
    /// ("[规" / "范性文件]{style" / "=\"FONT-FAMILY:"), each row between rules of "+---+".
    /// </summary>
    private static void GridTable(StringBuilder sb, Grid grid, Func<GridCell, string> number, int width)
    {
        var rule = "+" + string.Join('+', Enumerable.Repeat(new string('-', width + 2), grid.Columns)) + "+\n";
        sb.Append(rule);
        foreach (var row in Cells(grid, number))
        {
            var wrapped = row.Select(t => Wrap(t.Length == 0 ? "" : $"[{t}]{{style=\"FONT-FAMILY: 仿宋_GB2312; FONT-SIZE: 12pt\"}}", width)).ToList();
            for (var line = 0; line < wrapped.Max(w => w.Count); line++)
            {
                sb.Append("| ").Append(string.Join(" | ", wrapped.Select(w => line < w.Count ? w[line] + new string(' ', width - BoxDrawRenderer.Width(w[line])) : new string(' ', width)))).Append(" |\n");
            }

            sb.Append(rule);
        }
    }

    // Text cut into lines of at most width display columns (a CJK character takes two).
    private static List<string> Wrap(string text, int width)
    {
        var lines = new List<string> { "" };
        foreach (var ch in text)
        {
            if (BoxDrawRenderer.Width(lines[^1] + ch) > width) lines.Add("");
            lines[^1] += ch;
        }

        return lines;
    }

    /// <summary>
    /// gfm's pipe table: an empty header row (the page's table has no &lt;th&gt;), then every row; from a
    /// Word export (<paramref name="styled"/>) each cell's text in its raw span (real/pingtan-2019-gfm.md).
    /// </summary>
    private static void Pipe(StringBuilder sb, Grid grid, Func<GridCell, string> number, bool styled)
    {
        var rows = Cells(grid, number);
        if (styled) rows = rows.Select(r => r.Select(t => t.Length == 0 ? t : $"<span style=\"FONT-FAMILY: 仿宋_GB2312; FONT-SIZE: 12pt\">{t}</span>").ToList()).ToList();
        var widths = Enumerable.Range(0, grid.Columns).Select(c => Math.Max(3, rows.Max(r => BoxDrawRenderer.Width(r[c])))).ToArray();
        void Line(IEnumerable<string> cells) => sb.Append("| ").Append(string.Join(" | ", cells.Select((t, c) => t + new string(' ', widths[c] - BoxDrawRenderer.Width(t))))).Append(" |\n");
        Line(widths.Select(_ => ""));
        sb.Append('|').Append(string.Join('|', widths.Select(w => new string('-', w + 2)))).Append("|\n");
        foreach (var row in rows) Line(row);
    }

    /// <summary>A table with merged rows stays HTML: pandoc writes the page's table, attributes and all.</summary>
    private static void Html(StringBuilder sb, Grid grid, Func<GridCell, string> number, Random rng)
    {
        const string Style = "padding: 0px 7px; border-width: 1px; border-style: solid; border-color: windowtext; word-break: break-all";
        sb.Append("<table\nstyle=\"font-family: &#39;Times New Roman&#39;;font-size: 13px;border-collapse: collapse;border: none;\"\ndata-cellspacing=\"0\" data-align=\"center\" data-border=\"1\">\n<colgroup>\n");
        for (var c = 0; c < grid.Columns; c++) sb.Append("<col style=\"width: ").Append(100 / grid.Columns).Append("%\" />\n");
        sb.Append("</colgroup>\n<tbody>\n");
        for (var r = 0; r < grid.Rows.Count; r++)
        {
            sb.Append("<tr class=\"").Append(r % 2 == 0 ? "odd" : "even").Append(r == 0 ? " firstRow" : "").Append("\">\n");
            foreach (var cell in grid.Rows[r])
            {
                sb.Append("<td");
                if (cell.ColSpan > 1) sb.Append(" colspan=\"").Append(cell.ColSpan).Append('"');
                if (cell.RowSpan > 1) sb.Append(" rowspan=\"").Append(cell.RowSpan).Append('"');
                sb.Append("\nstyle=\"").Append(Style).Append("\"\ndata-valign=\"center\">");
                var text = cell.IsNumber ? number(cell) : cell.Text;
                // A short heading broken into lines of two characters, each its own paragraph ("商业" / "企业").
                var pieces = !cell.IsNumber && grid.KeyOf(r) is null && text.Length is >= 4 and <= 6 && rng.NextDouble() < 0.3
                    ? Enumerable.Range(0, (text.Length + 1) / 2).Select(k => text.Substring(2 * k, Math.Min(2, text.Length - (2 * k)))).ToList()
                    : [text];
                sb.Append(string.Join("\n", pieces.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"))).Append("</td>\n");
            }

            sb.Append("</tr>\n");
        }

        sb.Append("</tbody>\n</table>\n");
    }
}
