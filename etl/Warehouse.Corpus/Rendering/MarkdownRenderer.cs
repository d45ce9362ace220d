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
    /// <param name="labelsApart">
    /// A stream of its own when table 三 is written as a PDF converter writes it (<see cref="LabelsApart"/>), else null.
    /// </param>
    /// <param name="unplaced">
    /// Filled, when given, with table 三's rows whose cells the converter's padding leaves in doubt (<see cref="PaddedInDoubt"/>):
    /// each row's code and the columns (0 to 6) whose cell cannot be told.
    /// </param>
    public static byte[] Render(IReadOnlyList<Part> parts, Random rng, Quirks quirks, bool spanless, bool grid = false, int? splitColumn = null, Random? labelsApart = null,
        Dictionary<string, int[]>? unplaced = null)
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
                case TablePart table when labelsApart is not null && people is null:
                    // Typed zeros: a converter's grid of the PDF's cells, every cell with its number.
                    var typed = numbers.Blanks;
                    numbers.Blanks = false;
                    string Typed(GridCell c) => c.Printed ?? numbers.Format(c.Value!.Value);
                    if (table.Grid.Name == Tables.ApplicationsName) WriteLabelsApart(sb, table.Grid, Typed, labelsApart);
                    else if (table.Grid.Name == Tables.ActiveName) WriteActiveApart(sb, table.Grid, Typed);
                    else WriteReviewApart(sb, table.Grid, Typed);
                    numbers.Blanks = typed;
                    break;
                case TablePart table:
                    // Table 二 on the same wider grid (SplitActive) prints its zeros: a blank zero beside the empty slot would
                    // leave two empty places for one cell too many, which no reader can tell apart.
                    var splitActive = SplitActive(table.Grid, style) && people is null;
                    var blanks = numbers.Blanks;
                    if (splitActive) numbers.Blanks = false;
                    WriteTable(sb, table.Grid, style, Number, rng, splitActive, quirks.BlankTotals ? null : unplaced);
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
        return Encoding.UTF8.GetBytes(rng.NextDouble() < CrawlerPipesRate && labelsApart is null ? WithCrawlerPipes(text) : text);
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

    /// <summary>
    /// The share of documents whose table 三 a PDF converter wrote (the real 2024 report of 上海市科委 so converted): the
    /// cells it read as a grid are pipe rows, but a label that wrapped in its narrow cell, and each merged group label, it
    /// writes apart as lines of text, a few characters each, near its row but not always before it ("5.属于三类内部事务信" /
    /// "息" / "1.本机关不掌握相关政" / "府信息" / "| 1 | 0 | 0 | 0 | 0 | 0 | 1 |" / "| 6.属于四类过程性信息 | 1 | …"); the rows
    /// so left without a label are in the table's order. Every zero typed.
    /// </summary>
    public const double LabelsApartRate = 0.15;

    /// <summary>
    /// The stream a markdown document rendered from this layout seed draws its converter's table 三 from
    /// (<see cref="LabelsApartRate"/>), or null when its table 三 is written as the other options say: a stream of its own,
    /// so that every other draw of the layout is as before.
    /// </summary>
    public static Random? LabelsApart(int seed)
    {
        var draw = new Random(unchecked((seed * 31) + 73));
        return draw.NextDouble() < LabelsApartRate ? draw : null;
    }

    // Table 三 as a PDF converter writes it (LabelsApart): the header's words as short lines of text; each row a pipe row of
    // its cells, its label in it when the label fits its cell on one line (about eleven characters a column it spans), else
    // written apart in pieces with the group labels that start at the row; the text a row's labels go to stands before the
    // row, or one to three rows earlier, or right after it; the pipe rows between two pieces of text are one table, its
    // first row over a rule.
    private static void WriteLabelsApart(StringBuilder sb, Grid grid, Func<GridCell, string> number, Random draw)
    {
        var layout = grid.Layout();
        var labelColumns = grid.Columns - ApplicantTypes.Count;
        var fits = 10 + draw.Next(3);
        var groupWidth = 2 + draw.Next(3);
        static IEnumerable<string> Pieces(string text, int width)
        {
            for (var at = 0; at < text.Length; at += width) yield return text.Substring(at, Math.Min(width, text.Length - at));
        }

        var head = new List<string>();
        var rows = new List<(List<string> Cells, List<string> Apart)>();
        for (var r = 0; r < grid.Rows.Count; r++)
        {
            var key = grid.KeyOf(r);
            if (key is null)
            {
                foreach (var cell in grid.Rows[r].Where(c => c.Text.Length > 0)) head.AddRange(Pieces(cell.Text, fits));
                continue;
            }

            var apart = new List<string>();
            var cells = new List<string>();
            GridCell? own = null;
            for (var c = 0; c < labelColumns; c++)
            {
                var slot = layout[r, c];
                if (slot.Row != r || slot.Column != c || slot.Cell.Text.Length == 0) continue;
                // A merged group label (over several rows, or before the row's own label) is set in a narrow cell of its own.
                if (slot.Cell.RowSpan > 1 || c + slot.Cell.ColSpan < labelColumns) apart.AddRange(Pieces(slot.Cell.Text, groupWidth));
                else own = slot.Cell;
            }

            // A group printed as one row keeps its label: its row stands for several.
            if (own is not null && (key.StartsWith("group:", StringComparison.Ordinal) || own.Text.Length <= fits * own.ColSpan)) cells.Add(own.Text);
            else if (own is not null) apart.AddRange(Pieces(own.Text, fits));
            for (var c = labelColumns; c < grid.Columns; c++)
            {
                var slot = layout[r, c];
                if (slot.Row == r && slot.Column == c && slot.Cell.IsNumber) cells.Add(number(slot.Cell));
            }

            rows.Add((cells, apart));
        }

        // Where each row's text goes: before row k (rows.Count: after the last).
        var before = Enumerable.Range(0, rows.Count + 1).Select(_ => new List<string>()).ToList();
        for (var k = 0; k < rows.Count; k++)
        {
            if (rows[k].Apart.Count == 0) continue;
            var roll = draw.NextDouble();
            var at = roll < 0.6 ? k : roll < 0.8 ? k + 1 : k - 1 - draw.Next(3);
            before[Math.Clamp(at, 0, rows.Count)].AddRange(rows[k].Apart);
        }

        foreach (var line in head) sb.Append(line).Append('\n');
        var block = new List<List<string>>();
        void Flush()
        {
            if (block.Count == 0) return;
            WritePipe(sb, block[0], block.Skip(1).ToList(), measured: false);
            block.Clear();
        }

        for (var k = 0; k <= rows.Count; k++)
        {
            if (before[k].Count > 0)
            {
                Flush();
                sb.Append('\n');
                foreach (var line in before[k]) sb.Append(line).Append('\n');
            }

            if (k < rows.Count) block.Add(rows[k].Cells);
        }

        Flush();
        sb.Append('\n');
    }

    // Table 二 as the same converter writes it: each sub-table's heading and header as a line of text, its cells run
    // together ("信息内容本年处理决定数量"), a row of one or two cells as its label and numbers on a line ("行政许可 97"), and
    // the sub-table of three columns as a pipe table under its header.
    private static void WriteActiveApart(StringBuilder sb, Grid grid, Func<GridCell, string> number)
    {
        var header = (List<string>?)null;
        var rows = new List<List<string>>();
        void Flush()
        {
            if (header is not null && rows.Count > 0) WritePipe(sb, header, rows, measured: false);
            else if (header is not null) sb.Append(string.Concat(header)).Append('\n');
            header = null;
            rows.Clear();
        }

        for (var r = 0; r < grid.Rows.Count; r++)
        {
            var cells = grid.Rows[r];
            var key = grid.KeyOf(r);
            if (key is null)
            {
                Flush();
                // A header of three columns heads a pipe table; a heading or a shorter header is a line of text.
                if (cells.Count(c => c.Text.Length > 0) == 4) header = [.. cells.Select(c => c.Text)];
                else sb.Append(string.Concat(cells.Select(c => c.Text))).Append('\n');
                continue;
            }

            var values = cells.Where(c => c.IsNumber).Select(number).ToList();
            if (header is not null) rows.Add([cells[0].Text, .. values]);
            else sb.Append(cells[0].Text).Append(' ').Append(string.Join(" ", values)).Append('\n');
        }

        Flush();
        sb.Append('\n');
    }

    // Table 四 as the same converter writes it: its headings as lines of text, each line the words that stand at one height
    // (the two-character labels of its narrow columns in pieces: "结果结果其他尚未" / "维持纠正结果审结…"), a pipe header of
    // some of those pieces, then its fifteen numbers as a pipe row.
    private static void WriteReviewApart(StringBuilder sb, Grid grid, Func<GridCell, string> number)
    {
        sb.Append("行政复议行政诉讼\n未经复议直接起诉复议后起诉\n结果结果其他尚未\n总计结果结果其他尚未结果结果其他尚未\n维持纠正结果审结维持纠正结果审结\n");
        var values = grid.Rows[^1].Select(number).ToList();
        WritePipe(sb, ["维持", "纠正", "结果", "审结", "总计", "总计"], [values], measured: false);
    }

    private sealed record Style(bool HashHeadings, bool RepeatMerged, bool Flat, bool Generic, bool PerGroup, bool RepeatHeader, bool Bold, bool Spanless)
    {
        public bool Grid { get; init; }

        public int? SplitColumn { get; init; }
    }

    // Table 二 of a page whose grid has one column more (SplitColumn drawn, its slots left empty): the first number column is
    // two of the grid's, and every row's cell spans both (real: the 2019 page of 上海市人民政府办公厅, 本年新公开数量 across two).
    private static bool SplitActive(Grid grid, Style style) => grid.Name == Tables.ActiveName && style.SplitColumn is not null && !style.Grid;

    /// <param name="splitActive">Table 二 on a grid of one column more: an empty place after every row's first number column.</param>
    /// <param name="unplaced">Filled with table 三's rows that the padding leaves in doubt (<see cref="PaddedInDoubt"/>), when given.</param>
    private static void WriteTable(StringBuilder sb, Grid grid, Style style, Func<GridCell, string> number, Random rng, bool splitActive = false,
        Dictionary<string, int[]>? unplaced = null)
    {
        var layout = grid.Layout();
        var applications = grid.Name == Tables.ApplicationsName;
        var flat = applications && style.Flat;
        var labelColumns = applications ? grid.Columns - ApplicantTypes.Count : 0;
        var header = new List<string>();
        var body = new List<(string? Key, List<string> Cells)>();
        // A grid repeats a number as it was written where the cell starts.
        var written = new Dictionary<(int Row, int Column), string>();
        // A split column's empty slot stands in every row at one place, where a reader finds it over the whole table.
        if (style.SplitColumn is not null) unplaced = null;
        // Each printed cell's count as a reader takes it (a blank is 0), null for a label: for PaddedInDoubt.
        var counts = new Dictionary<List<string>, List<decimal?>>(ReferenceEqualityComparer.Instance);
        for (var r = 0; r < grid.Rows.Count; r++)
        {
            var cells = new List<string>();
            var values = new List<decimal?>();
            counts[cells] = values;
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
                values.Add(slot.Cell.IsNumber && (origin || style.Grid) ? slot.Cell.Value : cells[^1].Length == 0 ? 0 : null);
            }

            var key = grid.KeyOf(r);
            if (flat && key is null) continue;
            if (flat)
            {
                var label = string.Join(" ", labels);
                if (style.Bold && key is "total_processed") label = $"**{label}**";
                cells.Insert(0, label);
                values.Insert(0, null);
            }

            body.Add((key, cells));
        }

        // A grid of one column more: the split column's second slot, empty or (in a grid) its cell again, in every row.
        if (applications && !flat && !style.PerGroup && style.SplitColumn is { } split)
        {
            var at = labelColumns + split;
            foreach (var (_, cells) in body)
            {
                cells.Insert(at, style.Grid ? cells[at - 1] : "");
                counts[cells].Insert(at, style.Grid ? counts[cells][at - 1] : 0);
            }
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
            if (unplaced is not null && applications) InDoubt(header, pieces[0]);
            foreach (var piece in pieces.Skip(1))
            {
                WritePipe(sb, piece[0].Cells, piece.Skip(1).Select(p => p.Cells).ToList(), style.Spanless);
                if (unplaced is not null && applications) InDoubt(piece[0].Cells, piece);
            }

            return;
        }

        WritePipe(sb, header, body.Select(b => b.Cells).ToList(), style.Spanless);
        if (unplaced is not null && applications) InDoubt(header, body);

        // Rows padded to the widest as WritePipe pads them: the cells after a row's last label, then its padding. Where a row
        // begins with blank slots of merged labels, a reader takes the blanks after a label for such slots: nothing in doubt.
        void InDoubt(IReadOnlyList<string> head, IReadOnlyList<(string? Key, List<string> Cells)> rows)
        {
            if (body.Any(b => b.Key is not null && counts.TryGetValue(b.Cells, out var v) && v.Count > 0 && v[0] is not null
                && b.Cells[0].Length == 0 && v.FindIndex(x => x is null) is > 0)) return;
            var width = Math.Max(head.Count, rows.Count == 0 ? 0 : rows.Max(r => r.Cells.Count));
            foreach (var (key, cells) in rows)
            {
                if (key is null || !counts.TryGetValue(cells, out var values)) continue;
                var after = values.FindLastIndex(v => v is null) + 1;
                var data = cells.Skip(after).Select((t, i) => (Text: t, Value: values[after + i] ?? 0))
                    .Concat(Enumerable.Repeat((Text: "", Value: 0m), width - cells.Count)).ToList();
                if (PaddedInDoubt(data) is { Length: > 0 } columns) unplaced![key] = columns;
            }
        }
    }

    /// <summary>
    /// The columns (0 to 6) of a table 三 row printed with more than seven cells that a reader cannot place, or null: as
    /// the parser reads such a row (a blank is 0, a 总计 left blank no sum where the table fills its totals), the sevens that
    /// leave out only cells of nothing differ, none adds up ("|  | / | - | 7 |  | 0 | 0 |  |", a row the report got wrong:
    /// the 7 in 科研机构 or 社会公益组织), and neither a single seven that adds up nor a single one that leaves out empty
    /// cells alone tells which. Those cells are not stated: null, with an error.
    /// </summary>
    public static int[]? PaddedInDoubt(IReadOnlyList<(string Text, decimal Value)> data)
    {
        const int N = 7;
        if (data.Count <= N) return null;
        var fits = Enumerable.Range(0, data.Count - N + 1)
            .Where(s => Enumerable.Range(0, data.Count).Where(i => i < s || i >= s + N).All(i => data[i].Value == 0)).ToList();
        if (fits.Count < 2) return null;
        decimal[] Window(int s) => data.Skip(s).Take(N).Select(d => d.Value).ToArray();
        if (fits.All(s => Window(s).SequenceEqual(Window(fits[0])))) return null;
        if (fits.Any(s => Window(s).Take(N - 1).Sum() == Window(s)[N - 1])) return null;
        var emptyOnly = fits.Count(s => Enumerable.Range(0, data.Count).Where(i => i < s || i >= s + N).All(i => data[i].Text.Trim().Length == 0));
        if (emptyOnly == 1) return null;
        return Enumerable.Range(0, N).Where(c => fits.Select(s => Window(s)[c]).Distinct().Count() > 1).ToArray();
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
