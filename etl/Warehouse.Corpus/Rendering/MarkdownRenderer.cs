using System.Text;
using Warehouse.Core;

namespace Warehouse.Corpus.Rendering;

/// <summary>
/// Markdown as OCR and document-conversion tools write it: "#" headings (or bold lines), pipe tables
/// with a "|---|" separator, merged cells left blank or repeated, generic headers ("数据1 … 数据7")
/// or the applicant types, table 三 sometimes cut into one small table per group of rows, its header
/// row repeated inside the table (a page break), bold markers around labels and totals; in one in five, the
/// tables as a crawler's pipe text (<see cref="WithCrawlerPipes"/>); in one in four, a cell only where the page
/// has a <c>&lt;td&gt;</c> (<see cref="SpanlessRate"/>); in one in five of the others, every merged cell repeated in
/// each place it covers, numbers too (<see cref="GridRate"/>).
/// </summary>
public static class MarkdownRenderer
{
    /// <summary>
    /// Renders the parts; <paramref name="spanless"/>: the tables ignore merged cells (<see cref="IsSpanless"/>);
    /// <paramref name="grid"/>: unless spanless, they repeat each merged cell in every place it covers (<see cref="IsGrid"/>).
    /// </summary>
    /// <param name="splitColumn">
    /// Table 三's applicant column (1 to 6) that the page's grid splits in two, or null (<see cref="SplitColumn"/>); table 二's
    /// first number column is then split too, when the grid leaves the second slot empty.
    /// </param>
    public static byte[] Render(IReadOnlyList<Part> parts, Random rng, Quirks quirks, bool spanless, bool grid = false, int? splitColumn = null)
    {
        var numbers = new NumberStyle(rng, blanks: true, fullWidth: false, leadingSpace: false);
        var people = quirks.PeopleNumbers ? new PeopleNumberStyle(rng, blanks: true, chineseZeros: true) : null;
        var style = new Style(
            HashHeadings: rng.NextDouble() < 0.7,
            RepeatMerged: rng.NextDouble() < 0.4,
            Flat: rng.NextDouble() < 0.5,
            Generic: rng.NextDouble() < 0.4,
            PerGroup: rng.NextDouble() < 0.3,
            RepeatHeader: rng.NextDouble() < 0.3,
            Bold: rng.NextDouble() < 0.3,
            Spanless: spanless)
        {
            Grid = grid && !spanless,
            SplitColumn = spanless ? null : splitColumn,
        };
        string Number(GridCell cell)
        {
            var text = cell.Printed ?? people?.Format(cell.Value!.Value, cell.Unit) ?? numbers.Format(cell.Value!.Value);
            return style.Bold && cell.Value != 0 && rng.NextDouble() < 0.1 ? $"**{text}**" : text;
        }

        var sb = new StringBuilder();
        foreach (var part in parts)
        {
            switch (part)
            {
                case TitlePart t:
                    foreach (var line in t.Lines) sb.Append("# ").Append(line).Append("\n\n");
                    break;
                case HeadingPart h:
                    sb.Append(style.HashHeadings ? $"## {h.Text}" : $"**{h.Text}**").Append("\n\n");
                    break;
                case ParagraphPart p:
                    sb.Append(p.Text).Append("\n\n");
                    break;
                case TablePart table:
                    // Table 二 on the same wider grid (SplitActive) prints its zeros: a blank zero beside the empty slot would
                    // leave two empty places for one cell too many, which no reader can tell apart.
                    var splitActive = SplitActive(table.Grid, style) && people is null;
                    var blanks = numbers.Blanks;
                    if (splitActive) numbers.Blanks = false;
                    WriteTable(sb, table.Grid, style, Number, rng, splitActive);
                    numbers.Blanks = blanks;
                    break;
                case ClosingPart c:
                    sb.Append(c.Agency).Append("\n\n").Append(c.Date).Append('\n');
                    break;
            }
        }

        // Drawn last, so that every draw above is as before: some pages as a crawler saves a portal page's tables in
        // text (stored crawls of real report pages, 湛江市 and 徐闻县 2023): no rule under the header, a pipe after each
        // cell and none before the first unless that cell is empty ("规章 | 0 | 0 | 0 |", "| （二）部分公开… |  | 0 |").
        var text = sb.ToString();
        return Encoding.UTF8.GetBytes(rng.NextDouble() < CrawlerPipesRate ? WithCrawlerPipes(text) : text);
    }

    /// <summary>The share of documents whose tables are written as a crawler's pipe text (<see cref="WithCrawlerPipes"/>).</summary>
    public const double CrawlerPipesRate = 0.2;

    /// <summary>The markdown's pipe tables without their rules, each row without its leading pipe when its first cell holds text.</summary>
    public static string WithCrawlerPipes(string markdown)
    {
        // The rules, "|---|---|" and a measured one ("| ---- | -- |  |"), go; a row of cells written "-" for zero stays.
        var lines = markdown.Split('\n').Where(l => !(l.StartsWith('|') && l.Contains("--", StringComparison.Ordinal) && l.All(c => c is '|' or '-' or ' '))).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i] is ['|', ' ', not ' ', ..]) lines[i] = lines[i][2..];
        }

        return string.Join('\n', lines);
    }

    /// <summary>
    /// The share of documents whose tables hold a cell only where the page's table has a <c>&lt;td&gt;</c>, each
    /// row padded with empty cells to the widest, as node-html-markdown (a converter of Node crawlers) writes a
    /// table with merged cells: a group's rows after its first lose the group's column and end in an empty cell
    /// ("| 3.其他 | 0 | 2 | 0 | 0 | 0 | 0 | 2 |  |", the real 2022 page of 平潭).
    /// </summary>
    public const double SpanlessRate = 0.25;

    /// <summary>
    /// Whether the document rendered from this layout seed (the report's quirk seed plus the layout's index) writes
    /// its tables spanless: drawn from a stream of its own, so that every other draw of the layout is as before.
    /// </summary>
    public static bool IsSpanless(int seed) => new Random(unchecked((seed * 31) + 41)).NextDouble() < SpanlessRate;

    /// <summary>
    /// The share of documents whose tables are a grid, every merged cell repeated in each place it covers, its number
    /// too: table 二's "本年处理决定数量" and its count three times ("| 行政许可 | 489 | 489 | 489 |"), "三、本年度办理结果"
    /// on each row of table 三, as docling's markdown and pandas' <c>read_html</c> write a table (the real pages of 平潭
    /// so converted).
    /// </summary>
    public const double GridRate = 0.2;

    /// <summary>Whether the document rendered from this layout seed writes its tables as a grid: a stream of its own.</summary>
    public static bool IsGrid(int seed) => new Random(unchecked((seed * 31) + 59)).NextDouble() < GridRate;

    /// <summary>
    /// The share of documents whose table 三 stands on a grid of one column more than its cells, as Word's HTML often
    /// builds a table (the real 2021 page of 平潭): an applicant column is two of the grid's, every row's cell spans both,
    /// and the converter writes the second slot empty, or in a grid the cell's number again ("| 64 | 0 |  | 0 | 2 |").
    /// </summary>
    public const double SplitColumnRate = 0.1;

    /// <summary>
    /// The applicant column (1 to 6, after 自然人's) that the document rendered from this layout seed splits, or null:
    /// drawn from a stream of its own, so that every other draw of the layout is as before.
    /// </summary>
    public static int? SplitColumn(int seed)
    {
        var draw = new Random(unchecked((seed * 31) + 67));
        return draw.NextDouble() < SplitColumnRate ? 1 + draw.Next(ApplicantTypes.Count - 1) : null;
    }

    /// <summary>
    /// Whether the markdown document rendered from this layout seed writes table 二 on a grid of one column more, its second
    /// slot empty (<see cref="SplitColumn"/> drawn, neither spanless nor a grid, numbers not as people write them).
    /// </summary>
    public static bool SplitsActive(int seed, Quirks quirks) => SplitColumn(seed) is not null && !IsSpanless(seed) && !IsGrid(seed) && !quirks.PeopleNumbers;

    private sealed record Style(bool HashHeadings, bool RepeatMerged, bool Flat, bool Generic, bool PerGroup, bool RepeatHeader, bool Bold, bool Spanless)
    {
        public bool Grid { get; init; }

        public int? SplitColumn { get; init; }
    }

    // Table 二 of a page whose grid has one column more (SplitColumn drawn, its slots left empty): the first number column is
    // two of the grid's, and every row's cell spans both (real: the 2019 page of 上海市人民政府办公厅, 本年新公开数量 across two).
    private static bool SplitActive(Grid grid, Style style) => grid.Name == Tables.ActiveName && style.SplitColumn is not null && !style.Grid;

    /// <param name="splitActive">Table 二 on a grid of one column more: an empty place after every row's first number column.</param>
    private static void WriteTable(StringBuilder sb, Grid grid, Style style, Func<GridCell, string> number, Random rng, bool splitActive = false)
    {
        var layout = grid.Layout();
        var applications = grid.Name == Tables.ApplicationsName;
        var flat = applications && style.Flat;
        var labelColumns = applications ? grid.Columns - ApplicantTypes.Count : 0;
        var header = new List<string>();
        var body = new List<(string? Key, List<string> Cells)>();
        // A grid repeats a number as it was written where the cell starts.
        var written = new Dictionary<(int Row, int Column), string>();
        for (var r = 0; r < grid.Rows.Count; r++)
        {
            var cells = new List<string>();
            var labels = new List<string>();
            for (var c = 0; c < grid.Columns; c++)
            {
                var slot = layout[r, c];
                var origin = slot.Row == r && slot.Column == c;
                if (style.Spanless && !origin) continue;
                if (flat && c < labelColumns)
                {
                    if (origin && slot.Cell.Text.Length > 0) labels.Add(slot.Cell.Text);
                    continue;
                }

                // Converters repeat a merged label in each cell it covers, or leave those cells blank; a number is written
                // once, but in a grid in each place.
                if (origin && slot.Cell.IsNumber) written[(r, c)] = number(slot.Cell);
                cells.Add(origin ? (slot.Cell.IsNumber ? written[(r, c)] : slot.Cell.Text)
                    : style.Grid ? (slot.Cell.IsNumber ? written[(slot.Row, slot.Column)] : slot.Cell.Text)
                    : style.RepeatMerged && !slot.Cell.IsNumber ? slot.Cell.Text : "");
            }

            var key = grid.KeyOf(r);
            if (flat && key is null) continue;
            if (flat)
            {
                var label = string.Join(" ", labels);
                if (style.Bold && key is "total_processed") label = $"**{label}**";
                cells.Insert(0, label);
            }

            body.Add((key, cells));
        }

        // A grid of one column more: the split column's second slot, empty or (in a grid) its cell again, in every row.
        if (applications && !flat && !style.PerGroup && style.SplitColumn is { } split)
        {
            var at = labelColumns + split;
            foreach (var (_, cells) in body) cells.Insert(at, style.Grid ? cells[at - 1] : "");
        }

        if (splitActive)
        {
            foreach (var (_, cells) in body)
            {
                if (cells.Count > 2) cells.Insert(2, "");
            }
        }

        var width = body.Max(b => b.Cells.Count);
        if (flat)
        {
            header = ["项目", .. style.Generic ? Enumerable.Range(1, ApplicantTypes.Count).Select(k => $"数据{k}") : ApplicantTypes.All.Select(a => a.Label)];
        }
        else if (style.Generic)
        {
            header = [.. Enumerable.Range(0, width).Select(k => k < labelColumns ? (k == 0 ? "项目" : "") : $"数据{k - labelColumns + 1}")];
        }
        else
        {
            header = body[0].Cells;
            body.RemoveAt(0);
        }

        // The applicant types again in the middle, as a page break repeats a table's header row.
        if (applications && style.RepeatHeader)
        {
            var from = 8 + rng.Next(8);
            var at = body.FindIndex(b => b.Key is not null && DisposalCategories.IsKnown(b.Key) && DisposalCategories.Get(b.Key).Number >= from);
            var types = ApplicantTypes.All.Select(a => a.Label).ToList();
            if (at > 0) body.Insert(at, (null, flat ? ["", .. types] : [.. Enumerable.Repeat("", labelColumns), .. types]));
        }

        if (applications && style.PerGroup)
        {
            // One small table per group of rows: each begins with its own header line.
            var pieces = new List<List<(string? Key, List<string> Cells)>>();
            string? group = null;
            foreach (var row in body)
            {
                var g = row.Key is null ? group ?? "head" : row.Key.StartsWith("group:", StringComparison.Ordinal) ? row.Key[6..] : DisposalCategories.Get(row.Key).Group;
                if (pieces.Count == 0 || g != group) pieces.Add([]);
                pieces[^1].Add(row);
                group = g;
            }

            WritePipe(sb, header, pieces[0].Select(p => p.Cells).ToList(), style.Spanless);
            foreach (var piece in pieces.Skip(1)) WritePipe(sb, piece[0].Cells, piece.Skip(1).Select(p => p.Cells).ToList(), style.Spanless);
            return;
        }

        WritePipe(sb, header, body.Select(b => b.Cells).ToList(), style.Spanless);
    }

    // measured: the rule's dashes as wide as the column's widest cell, none for a column no cell fills, as node-html-markdown
    // writes it ("| ---- | -- | - |  | - |"); else three each.
    private static void WritePipe(StringBuilder sb, IReadOnlyList<string> header, IReadOnlyList<List<string>> rows, bool measured)
    {
        var width = Math.Max(header.Count, rows.Count == 0 ? 0 : rows.Max(r => r.Count));
        void Line(IReadOnlyList<string> cells)
        {
            sb.Append('|');
            for (var k = 0; k < width; k++) sb.Append(' ').Append(k < cells.Count ? cells[k].Replace("|", "\\|", StringComparison.Ordinal) : "").Append(" |");
            sb.Append('\n');
        }

        Line(header);
        if (measured)
        {
            sb.Append('|');
            for (var k = 0; k < width; k++)
            {
                var widest = Math.Max(k < header.Count ? header[k].Length : 0, rows.Count == 0 ? 0 : rows.Max(r => k < r.Count ? r[k].Length : 0));
                sb.Append(' ').Append(new string('-', widest)).Append(" |");
            }

            sb.Append('\n');
        }
        else
        {
            sb.Append('|').Append(string.Concat(Enumerable.Repeat("---|", width))).Append('\n');
        }
        foreach (var row in rows) Line(row);
        sb.Append('\n');
    }
}
