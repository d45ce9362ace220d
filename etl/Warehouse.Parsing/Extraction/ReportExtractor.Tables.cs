using Warehouse.Core;
using Warehouse.Parsing.Documents;
using Warehouse.Parsing.Text;

namespace Warehouse.Parsing.Extraction;

internal sealed partial class ReportExtractor
{
    private static readonly (string Item, string Label, int Columns2021, int Columns2019, string Table)[] ActiveItems =
    [
        ("regulations", "规章", 3, 3, "二、第二十条第（一）项"),
        ("normative_documents", "行政规范性文件", 3, 3, "二、第二十条第（一）项"),
        ("licensing", "行政许可", 1, 3, "二、第二十条第（五）项"),
        ("other_services", "其他对外管理服务事项", 0, 3, "二、第二十条第（五）项"),
        ("penalty", "行政处罚", 1, 3, "二、第二十条第（六）项"),
        ("enforcement", "行政强制", 1, 3, "二、第二十条第（六）项"),
        ("fees", "行政事业性收费", 1, 2, "二、第二十条第（八）项"),
        ("procurement", "政府集中采购", 0, 2, "二、第二十条第（九）项"),
    ];

    /// <summary>
    /// A row of table 二 that holds its own numbers and the next row's, that next row's label printed alone after them:
    /// "规章" / "0 0 0 62 33 440" / "行政规范性文" / "件" (PyMuPDF's <c>get_text(sort=True)</c> of an office suite's
    /// print: a label wrapped over two lines puts the row's numbers, centred on it, above its first line). The first
    /// row takes as many numbers as its columns, the next row the rest, when they are exactly as many as its columns
    /// and no numbers of its own follow its label; a warning says so.
    /// </summary>
    private void LabelAfterTwoRows(ActiveRead read, Dictionary<string, string> labelsAfter, Template template)
    {
        int Columns((string Item, string Label, int Columns2021, int Columns2019, string Table) a) => template == Template.Template2019 ? a.Columns2019 : a.Columns2021;
        for (var i = 0; i + 1 < ActiveItems.Length; i++)
        {
            var (row, next) = (ActiveItems[i], ActiveItems[i + 1]);
            // The next row of the same sub-table in this template.
            for (var k = i + 2; Columns(next) == 0 && k < ActiveItems.Length; k++) next = ActiveItems[k];
            if (next.Table != row.Table || Columns(row) == 0 || Columns(next) == 0) continue;
            if (!read.Items.TryGetValue(row.Item, out var own) || read.Items.ContainsKey(next.Item) || read.Conflicting.Contains(row.Item)) continue;
            if (own.Data.Count != Columns(row) + Columns(next) || !labelsAfter.TryGetValue(row.Item, out var after) || MatchActiveItem(after) != next.Item) continue;
            read.Items[row.Item] = (own.Data.Take(Columns(row)).ToList(), own.Header);
            read.Items[next.Item] = (own.Data.Skip(Columns(row)).ToList(), []);
            _findings.Add(Finding.Warning("table_reordered",
                $"{CellNames.ActiveRow(row.Item)}之后印有 {own.Data.Count} 个数「{Preview(own.Data)}」，其后是没有数字的{CellNames.ActiveRow(next.Item)}（抽取时按位置排序，折行行名的数字印在行名之前）：前 {Columns(row)} 个读作前一行，其余读作后一行。Table 二 prints {own.Data.Count} numbers after '{row.Label}' and then '{next.Label}' with none: the first {Columns(row)} are read as '{row.Label}', the rest as '{next.Label}'."));
        }
    }

    /// <param name="runTogether">
    /// Whether the document runs cells together (most rows of table 三 show it, <see cref="CellsRunTogether"/>):
    /// only then is a row of table 二 with fewer numbers than cells split into them; elsewhere a lone
    /// "141" is a cell whose neighbours were lost, not three cells, and "行政规范性文件0 | 0 | 98" (a
    /// print without rules that set a cell against the label) is a row short of a cell, not 0, 9, 8.
    /// </param>
    private ActiveRead ReadActiveDisclosure(int applicationsStart, int? year, bool runTogether)
    {
        var read = new ActiveRead { Read = ReadActiveCell };
        var from = _sections.Start(2) ?? 0;
        var to = _sections.Start(3) ?? (applicationsStart >= 0 ? applicationsStart : _blocks.Count);
        if (_sections.Start(2) is null && applicationsStart < 0) to = from;
        var loose = "";
        // Text without layout may wrap a label over more lines than one ("行政规范性文" / "件" / "62 33 440").
        var looseRun = "";
        var labels = new List<string>();
        // Text without layout may also print a sub-table's number before its label ("本年收费金额（单位：
        // 万元）" / "7545" / "行政事业性收费"): a number under headings alone waits for the label after it,
        // which takes it only when that label gets no number of its own in its sub-table.
        // Only a label alone after it: with two rows' labels after it ("447228" / "行政处罚" / "行政强制", as pdfminer
        // sets a page's cells column by column), the number may be either's, or another sub-table's, and is nobody's.
        RowParts? waiting = null;
        string? waitingFor = null;
        var waitingAmbiguous = false;
        // The labels printed alone after each item's numbers, up to the next numbers or sub-table (LabelAfterTwoRows).
        var labelsAfter = new Dictionary<string, string>();
        string? lastItem = null;

        void EndWaiting()
        {
            if (waiting is null) return;
            if (waitingFor is not null && !waitingAmbiguous && !read.Items.ContainsKey(waitingFor)) read.Items[waitingFor] = (waiting.Data, []);
            else Unrecognised("二", waiting);
            (waiting, waitingFor, waitingAmbiguous) = (null, null, false);
        }

        var rows = CollectRows(from, to, columnsEndRow: true);
        var numbersFirst = NumbersBeforeLabels(rows);
        if (numbersFirst is not null)
        {
            foreach (var (_, parts) in rows) read.AddHeaderMarks(parts.Key);
            foreach (var (item, data) in numbersFirst) read.Items[item] = (data, []);
            _findings.Add(Finding.Warning("table_reordered",
                $"表二各子表的数字都印在行名之前（抽取时未保留版式，如「{Preview(numbersFirst[0].Data)}」在「{ActiveItems.First(a => a.Item == numbersFirst[0].Item).Label}」之前），每行数字之后恰是一个行名，已按此对应读取。Every sub-table of table 二 prints each row's numbers before its label (text extracted without layout); each line of numbers is read as the row named after it."));
            rows = [];
        }

        // A sentence under the table ("注：本年度作出行政处罚决定5件，已全部按规定公开。"): a paragraph
        // with a 。 that gives one row with numbers is prose, not a row (a crawler's one-line body
        // gives many rows from one paragraph and stays a table).
        var withData = rows.Where(r => r.Parts.HasData).GroupBy(r => r.Index).ToDictionary(g => g.Key, g => g.Count());
        bool Sentence(int index) => withData.GetValueOrDefault(index) == 1 && _blocks[index] is Paragraph p && p.Text.Contains('。', StringComparison.Ordinal);
        foreach (var (index, parts) in rows)
        {
            read.AddHeaderMarks(parts.Key);
            if (!parts.HasData)
            {
                if (parts.Key.Contains("第二十条", StringComparison.Ordinal)) EndWaiting();
                else if (waiting is not null && MatchActiveItem(parts.Key) is { } after)
                {
                    if (waitingFor is null) waitingFor = after;
                    else if (after != waitingFor) waitingAmbiguous = true;
                }

                if (parts.Key.Contains("第二十条", StringComparison.Ordinal)) lastItem = null;
                else if (lastItem is not null) labelsAfter[lastItem] = labelsAfter.GetValueOrDefault(lastItem, "") + parts.Key;

                // A label wrapped in its cell ("行政\n强制") leaves its first part on a line of its own.
                looseRun = parts.Key.Length <= 8 && loose.Length > 0 ? looseRun + parts.Key : parts.Key.Length <= 8 ? parts.Key : "";
                loose = parts.Key.Length <= 8 ? parts.Key : "";
                // Text extracted without layout may put the column heading between a row's label and
                // its number ("行政许可 / 本年处理决定数量 / 9487"); a new sub-table ends the label's reach.
                if (parts.Key.Contains("第二十条", StringComparison.Ordinal)) labels.Clear();
                else labels.Add(parts.Key);
                continue;
            }

            var item = MatchActiveItem(parts.Key) ?? MatchActiveItem(loose + parts.Key)
                ?? (looseRun.Length > loose.Length && looseRun.Length <= 16 ? MatchActiveItem(looseRun + parts.Key) : null) ?? LabelAbove(parts.Key, labels);
            var apart = item is null || waiting is not null ? null : LabelsApart(labels, item, parts, read);
            lastItem = apart is null ? item : null;
            loose = "";
            looseRun = "";
            labels.Clear();
            if (waiting is not null)
            {
                // The label after the waiting number has a number of its own: the waiting one is nobody's. Unless that number
                // came on a line of its own and the waiting one holds as many cells as the row: numbers before their labels
                // ("0 0 0" / "规章" / "62 33 440" / "行政规范性文件", as pdfminer sets a row's numbers above its label) read the
                // same, and which line is the label's cannot be told. (A lone "7" before "规范性文件" / "77 77 166" is a cell
                // of the row above set lower, not a row of three.)
                if (item is not null && item == waitingFor)
                {
                    if (ActiveRead.StripHeaders(parts.Key).Length == 0 && !read.Items.ContainsKey(item)
                        && ActiveItems.First(a => a.Item == item) is var row && (waiting.Data.Count == row.Columns2021 || waiting.Data.Count == row.Columns2019))
                    {
                        _findings.Add(new Finding("cells_ambiguous", Severity.Error,
                            $"{CellNames.ActiveRow(item)}的行名前后各有一行数字（「{Preview(waiting.Data)}」在前，「{Preview(parts.Data)}」在后，抽取时未保留版式），无法确定哪一行是它的，该行的值未知。Table 二, row '{ActiveItems.First(a => a.Item == item).Label}' has a line of numbers before its label and another after it (text extracted without layout); which is its own cannot be told, so its values are unknown.", item));
                        read.Conflicting.Add(item);
                        read.Items[item] = (parts.Data, []);
                        (waiting, waitingFor, waitingAmbiguous) = (null, null, false);
                        continue;
                    }

                    waitingFor = null;
                }

                EndWaiting();
            }

            if (item is null)
            {
                // A heading row of a grid ("第二十条第（一）项" with empty cells beside it) has no numbers.
                if (!IsProse(parts) && !Sentence(index) && parts.Data.Any(d => CountCell.Classify(d) == CellKind.Number))
                {
                    if (ActiveRead.StripHeaders(parts.Key).Length == 0 && !parts.Data.Any(d => CountCell.Classify(d) == CellKind.Label)) waiting = parts;
                    else Unrecognised("二", parts);
                }
                else if (parts.Key.Length <= 8) loose = parts.Key;
                continue;
            }

            if (apart is not null)
            {
                ReadApart(read, apart.Value.Items, apart.Value.Columns, parts.Data);
                continue;
            }

            if (read.Items.TryGetValue(item, out var first))
            {
                if (!IsProse(parts) && !Sentence(index)) Repeated(read, item, first.Data, parts.Data);
                continue;
            }

            read.Items[item] = (parts.Data, []);
        }

        EndWaiting();

        var template = read.Evidence.For2019 == read.Evidence.For2021
            ? (year is < 2021 ? Template.Template2019 : Template.Template2021)
            : read.Evidence.For2019 > read.Evidence.For2021 ? Template.Template2019 : Template.Template2021;
        LabelAfterTwoRows(read, labelsAfter, template);
        // Rows whose merged cells' numbers were repeated in each column they span (SpansRepeated).
        var repeated = new List<((string Item, string Label, int Columns2021, int Columns2019, string Table) Item, string Cells)>();
        // Rows whose merged cells left their other columns empty.
        var emptied = new List<((string Item, string Label, int Columns2021, int Columns2019, string Table) Item, string Cells)>();
        foreach (var group in ActiveItems.Where(a => (template == Template.Template2019 ? a.Columns2019 : a.Columns2021) > 0).GroupBy(a => a.Table))
        {
            var present = group.Where(a => read.Items.ContainsKey(a.Item)).ToList();
            if (present.Count == 0)
            {
                _missingTables.Add(group.Key);
                if (_sections.Start(2) is not null)
                {
                    _findings.Add(new Finding("missing_row", Severity.Error, PictureIn(2) is { } picture
                        ? $"表二「{group.Key}」没有可读的行：第二部分的表格以图片发布（{picture.Name}），不是文字表格，其值未知。Section 二 publishes its table as a picture ({picture.Name}), not as text; the values of table {group.Key} are unknown."
                        : $"表二「{group.Key}」没有可读的行，其值未知。Section 二 has no readable rows of table {group.Key}; its values are unknown.", group.First().Item));
                }
            }
            else if (present.All(a => read.Items[a.Item].Data.All(d => CountCell.Classify(d) == CellKind.Empty))) _blankTables.Add(group.Key);

            if (present.Count > 0)
            {
                foreach (var a in group.Where(a => !read.Items.ContainsKey(a.Item) && (template == Template.Template2019 || a.Item is not ("other_services" or "procurement"))))
                {
                    _findings.Add(new Finding("missing_row", Severity.Error, $"{CellNames.ActiveRow(a.Item)}一行缺失，其值未知。Table {group.Key} has no row '{a.Label}'.", a.Item));
                }
            }

            foreach (var a in present)
            {
                var expected = template == Template.Template2019 ? a.Columns2019 : a.Columns2021;
                if (read.Conflicting.Contains(a.Item))
                {
                    for (var k = 0; k < expected; k++) read.Unknown.Add((a.Item, k));
                    continue;
                }

                var data = read.Items[a.Item].Data;
                if (data.Count < expected && runTogether && SplitActive(read, a.Item, data, expected, template)) continue;
                var trimmed = data;
                if (data.Count > expected)
                {
                    var list = data.ToList();
                    while (list.Count > expected && CountCell.Classify(list[^1]) == CellKind.Empty) list.RemoveAt(list.Count - 1);
                    trimmed = list;
                }

                if (trimmed.Count > expected && SpansRepeated() && Unrepeated(trimmed, expected) is { } values)
                {
                    read.Items[a.Item] = (values, read.Items[a.Item].Header);
                    repeated.Add((a, Preview(trimmed)));
                    continue;
                }

                // A grid of more columns than the row's cells leaves each merged cell's other columns empty (pandoc's grid table
                // of Word's HTML: "| 规章 | 13 | 13 |  | 524 |", 本年新公开数量 across two): the empty places go, when they are
                // exactly as many as the cells too many.
                if (trimmed.Count > expected && trimmed.Count(d => CountCell.Classify(d) == CellKind.Empty) == trimmed.Count - expected)
                {
                    read.Items[a.Item] = (trimmed.Where(d => CountCell.Classify(d) != CellKind.Empty).ToList(), read.Items[a.Item].Header);
                    emptied.Add((a, Preview(trimmed)));
                    continue;
                }

                if (trimmed.Count != expected)
                {
                    // Cells missing or too many: which number is which cannot be told, so none is read.
                    _findings.Add(new Finding(trimmed.Count < expected ? "missing_cells" : "extra_cells", Severity.Error,
                        $"{CellNames.ActiveRow(a.Item)}有 {trimmed.Count} 个数「{Preview(trimmed)}」，{template.Code()} 年版模板为 {expected} 个，该行的值未知。Table 二, row '{a.Label}' has {trimmed.Count} cells where the {template.Code()} template has {expected}; its values are unknown.", a.Item));
                    for (var k = 0; k < expected; k++) read.Unknown.Add((a.Item, k));
                }
            }
        }

        if (repeated.Count > 0)
        {
            // One warning for the document: its tables are written so, and each such row is read.
            _findings.Add(new Finding("span_repeated", Severity.Warning,
                $"表二{string.Concat(repeated.Select(r => $"「{r.Item.Label}」"))}的数在合并单元格跨过的每一列都写了一遍（如「{repeated[0].Cells}」），本文档的表格都是这样，各读作一格。"
                + $"Table 二 repeats a merged cell's number in every column it spans (as in '{repeated[0].Cells}'), as this document's tables repeat merged cells; rows {string.Join(", ", repeated.Select(r => r.Item.Label))} are read as one cell each.",
                repeated[0].Item.Item));
        }

        if (emptied.Count > 0)
        {
            _findings.Add(new Finding("span_empty", Severity.Warning,
                $"表二{string.Concat(emptied.Select(r => $"「{r.Item.Label}」"))}比模板多出空格（如「{emptied[0].Cells}」）：表格的列比该行的格多，合并单元格跨过的列留下空位，去掉空位后按模板的格数读取。"
                + $"Table 二 rows {string.Join(", ", emptied.Select(r => r.Item.Label))} hold empty places beyond the template's cells (as in '{emptied[0].Cells}'): the grid has more columns than the row has cells, and merged cells leave the rest empty; read without them.",
                emptied[0].Item.Item));
        }

        return read;
    }

    /// <summary>
    /// Whether the document's tables repeat a merged cell's text in every column it spans, as the grids of docling,
    /// pandas' <c>read_html</c> and other table extractors do: a row with two neighbouring cells of the same words
    /// ("三、本年度办理结果" on every row of table 三, "本年处理决定数量" thrice). Decided once.
    /// </summary>
    private bool SpansRepeated() => _spansRepeated ??= _blocks.OfType<TableRow>().Any(r =>
        Enumerable.Range(1, Math.Max(0, r.Cells.Count - 1)).Any(k => r.Cells[k].Length >= 2
            && string.Equals(r.Cells[k].Trim(), r.Cells[k - 1].Trim(), StringComparison.Ordinal) && CountCell.Classify(r.Cells[k]) == CellKind.Label));

    private bool? _spansRepeated;

    /// <summary>
    /// The cells of a row whose merged cells were repeated in every column they span ("489 489 489" for one cell,
    /// "1 229.44 229.44" for two): its runs of equal cells, when they make <paramref name="expected"/> cells one way
    /// only: as many runs as cells, or fewer with one run alone long enough to be several cells ("0 0 0" for two
    /// zeros). A blank cell is a cell like the others (" 671.24 671.24": blank and 671.24). Null otherwise ("5 5 3 3"
    /// for three cells is 5, 5, 3 or 5, 3, 3).
    /// </summary>
    internal static IReadOnlyList<string>? Unrepeated(IReadOnlyList<string> data, int expected)
    {
        var runs = new List<(string Text, int Length)>();
        foreach (var cell in data)
        {
            var text = cell.Trim();
            if (runs.Count > 0 && string.Equals(runs[^1].Text, text, StringComparison.Ordinal)) runs[^1] = (text, runs[^1].Length + 1);
            else runs.Add((text, 1));
        }

        if (runs.Count > expected || (runs.Count < expected && runs.Count(r => r.Length > 1) != 1)) return null;
        var values = new List<string>(expected);
        foreach (var (text, length) in runs)
        {
            var cells = runs.Count < expected && length > 1 ? Math.Min(length, expected - runs.Count + 1) : 1;
            for (var k = 0; k < cells; k++) values.Add(text);
        }

        return values.Count == expected ? values : null;
    }

    /// <summary>
    /// Table 二 as text without layout gives it when the extractor sets each row's numbers above its label (pdfminer with
    /// <c>boxes_flow=None</c>, a row's numbers centred a little above its label's first line): in every sub-table, after its
    /// headings, a line of numbers alone, then the label of one row (its lines: "行政规范性文" / "件"), then the next row's
    /// numbers and label ("0 0 0" / "规章" / "62 33 440" / "行政规范性文件"; "1100" / "行政处罚" / "65" / "行政强制").
    /// Read label first, each label takes the numbers of the row below and the first line is nobody's. Taken only when
    /// every sub-table that holds numbers is so printed, every line of numbers followed by one label and every label
    /// preceded by one line of numbers, and no label of a row twice: the pairs (item, its cells) in printed order.
    /// Otherwise null (the rows are read label first).
    /// </summary>
    private static List<(string Item, IReadOnlyList<string> Data)>? NumbersBeforeLabels(List<(int Index, RowParts Parts)> rows)
    {
        var pairs = new List<(string Item, IReadOnlyList<string> Data)>();
        IReadOnlyList<string>? pending = null;
        // The label's lines since the last numbers, and the item they name once they name one.
        var label = "";
        string? named = null;
        foreach (var (_, parts) in rows)
        {
            if (parts.Key.Contains("第二十条", StringComparison.Ordinal))
            {
                if (parts.HasData || pending is not null) return null;
                (label, named) = ("", null);
                continue;
            }

            if (parts.HasData)
            {
                // Numbers beside a label, or after numbers that no label took: not this form.
                if (ActiveRead.StripHeaders(parts.Key).Length > 0 || pending is not null || !parts.Data.Any(d => CountCell.Classify(d) == CellKind.Number)) return null;
                pending = parts.Data;
                (label, named) = ("", null);
                continue;
            }

            var words = ActiveRead.StripHeaders(parts.Key);
            if (words.Length == 0) continue;
            // The rest of a wrapped label ("件" after "行政规范性文") names the same row.
            if (named is not null && MatchActiveItem(label + words) == named)
            {
                label += words;
                continue;
            }

            if (MatchActiveItem(label + words) is not { } item)
            {
                // A heading's words before the numbers ("本年增/减"), or under numbers a label's first line that names no
                // row yet ("其他对外管理服务事" before "项").
                if (pending is null) continue;
                label += words;
                if (label.Length > 20) return null;
                continue;
            }

            // A label without numbers before it, or a row named twice: not this form.
            if (pending is null || pairs.Exists(p => p.Item == item)) return null;
            pairs.Add((item, pending));
            pending = null;
            (label, named) = (label + words, item);
        }

        return pending is null && pairs.Count >= 2 ? pairs : null;
    }

    /// <summary>
    /// Rows of a sub-table whose labels come first, one to a line, and then all their numbers, as pdfminer's text of a
    /// WPS PDF gives table 二 (real hongze-2024.pdf: "行政处罚" / "行政强制" / "2776" / "84", where the last label took both
    /// numbers, an extra_cells error, and 行政处罚 none, a missing_row error, on a report that adds up). The labels before
    /// <paramref name="item"/>'s, back to the first that names no row of its sub-table; null unless there is one at least,
    /// none is read yet, and the numbers are every cell of those rows and <paramref name="item"/>'s.
    /// </summary>
    private static (List<string> Items, int Columns)? LabelsApart(List<string> labels, string item, RowParts parts, ActiveRead read)
    {
        if (labels.Count == 0 || read.Items.ContainsKey(item) || parts.Data.Any(d => CountCell.Classify(d) != CellKind.Number)) return null;
        var table = ActiveItems.First(a => a.Item == item).Table;
        var items = new List<string> { item };
        // The numbers on lines of their own: the item's label is the last line before them.
        var from = labels.Count - 1;
        if (ActiveRead.StripHeaders(parts.Key).Length == 0)
        {
            var own = 1;
            for (var joined = labels[^1]; MatchActiveItem(joined) != item; own++)
            {
                if (own == 3 || labels.Count - own - 1 < 0) return null;
                joined = labels[^(own + 1)] + joined;
            }

            from -= own;
        }

        for (var k = from; k >= 0;)
        {
            // A label wrapped in its narrow cell ("其他对外管理服务事" / "项") names its row with its lines joined.
            string? above = null;
            var lines = 1;
            for (var joined = ""; lines <= 3 && k - lines + 1 >= 0; lines++)
            {
                joined = labels[k - lines + 1] + joined;
                if (ActiveRead.StripHeaders(joined).Length > 0 && MatchActiveItem(joined) is { } named)
                {
                    above = named;
                    break;
                }
            }

            if (above is null) break;
            if (items.Contains(above) || read.Items.ContainsKey(above) || ActiveItems.First(a => a.Item == above).Table != table) return null;
            items.Insert(0, above);
            k -= lines;
        }

        if (items.Count < 2) return null;
        var order = ActiveItems.Select(a => a.Item).ToList();
        if (!items.Zip(items.Skip(1)).All(x => order.IndexOf(x.First) < order.IndexOf(x.Second))) return null;
        var rows = items.Select(i => ActiveItems.First(a => a.Item == i)).ToList();
        foreach (var columns in new[] { rows[0].Columns2021, rows[0].Columns2019 })
        {
            if (columns > 0 && rows.All(r => r.Columns2021 == columns || r.Columns2019 == columns) && parts.Data.Count == columns * rows.Count) return (items, columns);
        }

        return null;
    }

    // The rows of LabelsApart: one number each, in their order (the labels and the numbers both run down the page); with
    // more cells a row, row by row or column by column, which the text does not tell: read only when both agree.
    private void ReadApart(ActiveRead read, List<string> items, int columns, IReadOnlyList<string> data)
    {
        var n = items.Count;
        var byRow = items.Select((_, r) => Enumerable.Range(0, columns).Select(c => data[(r * columns) + c]).ToArray()).ToList();
        var byColumn = items.Select((_, r) => Enumerable.Range(0, columns).Select(c => data[(c * n) + r]).ToArray()).ToList();
        var labels = string.Concat(items.Select(i => $"「{ActiveItems.First(a => a.Item == i).Label}」"));
        if (byRow.Zip(byColumn).All(x => x.First.SequenceEqual(x.Second)))
        {
            for (var r = 0; r < n; r++) read.Items[items[r]] = (byRow[r], []);
            _findings.Add(new Finding("table_reordered", Severity.Warning,
                $"表二{labels}的行名在前、数字在后（抽取时未保留版式：先列出各行名，再列出「{Preview(data)}」），{(columns == 1 ? "每行一个数，按行序" : "按行或按列排回结果相同，")}对应读取。Table 二's rows {string.Join(", ", items)} print their labels first and then their numbers (text extracted without layout); each row takes its numbers in order.", items[0]));
            return;
        }

        var readings = $"按行读作 {string.Join("、", byRow.Select(r => "(" + string.Join(",", r) + ")"))}，按列读作 {string.Join("、", byColumn.Select(r => "(" + string.Join(",", r) + ")"))}";
        for (var r = 0; r < n; r++)
        {
            var item = items[r];
            read.Conflicting.Add(item);
            read.Items[item] = (byRow[r], []);
            _findings.Add(new Finding("cells_ambiguous", Severity.Error,
                $"{CellNames.ActiveRow(item)}的值未知：{labels}的行名在前、数字「{Preview(data)}」在后（抽取时未保留版式），{readings}，无法确定是哪一种。Table 二's rows {string.Join(", ", items)} print their labels first and then their numbers (text extracted without layout), which read otherwise row by row than column by column; the row's values are unknown.", item));
        }
    }

    // The nearest label above a number whose own line holds only column headings.
    private static string? LabelAbove(string key, List<string> labels)
    {
        if (labels.Count == 0 || ActiveRead.StripHeaders(key).Length > 0) return null;
        // The nearest label, or a label wrapped over the lines above ("其他对外管理服务事" / "项"):
        // the last line's words first, then joined with the lines before it.
        var joined = "";
        var lines = 0;
        for (var k = labels.Count - 1; k >= 0 && lines < 3; k--)
        {
            if (ActiveRead.StripHeaders(labels[k]).Length == 0) continue;
            joined = labels[k] + joined;
            lines++;
            if (MatchActiveItem(joined) is { } item) return item;
        }

        return null;
    }

    /// <summary>
    /// A row of table 二 whose cells ran together ("行政规范性文件693665"): read when its digits split
    /// into the row's cells one way only; otherwise its cells are unknown, with an error that names
    /// the readings (no rule of the template ties these cells together).
    /// </summary>
    private bool SplitActive(ActiveRead read, string item, IReadOnlyList<string> data, int expected, Template template)
    {
        // An amount ends the row ("政府集中采购0521.86": 0 projects, 521.86 万元): its decimals
        // belong to the last cell, and the digits before them are cut like any run.
        // So does its unit ("39573802895.90元": the amount in 元, converted as any amount is).
        var cells = data.ToList();
        var fraction = "";
        var last = TextKey.Compact(cells[^1]);
        var unit = last.EndsWith("万元", StringComparison.Ordinal) ? "万元" : last.EndsWith('元') ? "元" : "";
        if (unit.Length > 0 && last.Length > unit.Length && char.IsAsciiDigit(last[^(unit.Length + 1)]))
        {
            last = last[..^unit.Length];
            cells[^1] = last;
        }
        else
        {
            unit = "";
        }

        if (last.IndexOf('.') is var dot and > 0 && last.Length > dot + 1
            && last[..dot].All(char.IsAsciiDigit) && last[(dot + 1)..].All(char.IsAsciiDigit))
        {
            fraction = last[dot..];
            cells[^1] = last[..dot];
        }

        // The 2021 template's table 二 holds no negative number: a dash before digits is a zero mark glued to them.
        var pieces = DigitSplitter.Pieces(cells, cell => CountCell.ReadSigned(cell), counts: template == Template.Template2021);
        if ((fraction.Length > 0 || unit.Length > 0) && !pieces[^1].IsRun) pieces[^1] = new DigitSplitter.Piece(cells[^1], null);
        if (!pieces.Any(p => p.IsRun) || pieces.Any(p => !p.IsRun && p.Value is null)) return false;
        var result = DigitSplitter.Split(pieces, [expected], lastIsTotal: false, limit: ReadingLimit, blanks: _cellsVanish ? expected - 1 : 0);
        if (result.Readings.Count == 0) return false;
        string Text(long? value, int k) => value!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + (k == expected - 1 ? fraction + unit : "");
        var where = CellNames.ActiveRow(item);
        var printed = string.Join(" ", data.Select(TextKey.Compact));
        var named = ActiveRead.ColumnNames(template, item);
        var columns = named.Count == expected ? named : Enumerable.Range(1, expected).Select(k => $"第{k}列").ToArray();

        // The prose may state a cell of the row ("本年度制发行政规范性文件62件"): only the readings that
        // agree with it stay, column by column. A figure that no reading agrees with is not used (the prose
        // may count the 现行有效 documents at another date than the table), the others still are.
        var readings = result.Readings;
        var inferred = result.Inferred;
        // The 2019 template's columns are other measures (本年新公开数量 is no repeal count).
        var stated = template == Template.Template2021 && expected == 3 ? Prose.StatedActive(SectionOneText(), item) : null;
        var byProse = false;
        for (var column = 0; stated is not null && column < 3; column++)
        {
            if (stated[column] is not { } figure) continue;
            var keep = Enumerable.Range(0, readings.Count).Where(i => readings[i][column] == figure).ToList();
            if (keep.Count == 0 || keep.Count == readings.Count) continue;
            readings = keep.Select(i => readings[i]).ToList();
            inferred = keep.Select(i => inferred[i]).ToList();
            byProse = true;
        }

        var because = byProse ? "（结合第一部分正文所述件数）" : "";
        // Every reading is known only when the splitter neither ran out of steps nor hit the cap.
        var complete = !result.OutOfBudget && result.Readings.Count < ReadingLimit;
        if (readings.Count == 1 && complete)
        {
            read.Items[item] = (Enumerable.Range(0, expected).Select(k => Text(readings[0][k], k)).ToList(), []);
            for (var k = 0; k < expected; k++)
            {
                if (inferred[0][k]) _derived.Add(ActivePath(item, k, expected, template));
            }

            _findings.Add(Finding.Warning("cells_run_together",
                $"{where}的数字「{printed}」连在一起，只有一种拆法{because}，读作 {string.Join("、", Enumerable.Range(0, expected).Select(k => Text(readings[0][k], k)))}。The cells of table 二 row '{item}' ran together and split one way only."));
            return true;
        }

        // Several readings: a cell on which every reading agrees is read; the others are unknown.
        var values = new List<string>(expected);
        var open = new List<int>();
        for (var k = 0; k < expected; k++)
        {
            var first = readings[0][k];
            if (complete && readings.All(r => r[k] == first))
            {
                // Derived only when a cut made it; a cell printed on its own was stated.
                values.Add(Text(first, k));
                if (inferred.Any(m => m[k])) _derived.Add(ActivePath(item, k, expected, template));
                continue;
            }

            values.Add("");
            open.Add(k);
            read.Unknown.Add((item, k));
            _ambiguous.Add(ActivePath(item, k, expected, template));
        }

        read.Items[item] = (values, []);
        var shown = string.Join(" 或 ", readings.Take(12).Select(r => "(" + string.Join(",", Enumerable.Range(0, expected).Select(k => Text(r[k], k))) + ")")) + (readings.Count > 12 ? $" 等 {readings.Count}{(complete ? "" : "+")} 种" : "");
        var settled = open.Count < expected
            ? $"各种读法的{string.Join("、", Enumerable.Range(0, expected).Except(open).Select(k => columns[k]))}相同，予以采信；"
            : "";
        _findings.Add(new Finding("cells_ambiguous", Severity.Error,
            $"{where}的数字「{printed}」连在一起{because}，可读作 {shown}，模板没有能确定拆法的勾稽关系，{settled}{string.Join("、", open.Select(k => columns[k]))}不予采信。The cells of table 二 row '{item}' ran together and can be read in several ways; the cells they disagree on are left unknown.", item));
        return true;
    }

    // At most this many readings of a row of table 二 are listed; more mean that none is certain.
    private const int ReadingLimit = 200;

    // 2021: active_disclosure.regulations.issued, active_disclosure.licensing.0; 2019: the template's own
    // columns as the JSON contract names them (active_disclosure.template_2019_columns.licensing.decisions).
    private static string ActivePath(string item, int index, int columns, Template template) =>
        template == Template.Template2019 && ActiveRead.Columns2019Names.TryGetValue(item, out var names) && index < names.Length
            ? $"active_disclosure.template_2019_columns.{item}.{names[index]}"
            : CellRef.Active(item, columns == 3 && item is "regulations" or "normative_documents"
                ? (index == 0 ? "issued" : index == 1 ? "repealed" : "in_force")
                : index.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToString();

    // A sentence of prose in a table's section (a note, a total in words) is not a row of the table.
    /// <summary>The first block in [from, to) that reads as a sentence after a block with a digit, else <paramref name="to"/>.</summary>
    private int FirstSentenceAfterNumbers(int from, int to)
    {
        var numbers = false;
        for (var i = from; i < Math.Min(to, _blocks.Count); i++)
        {
            if (numbers && IsSentence(_blocks[i])) return i;
            numbers |= _blocks[i] switch
            {
                Paragraph p => p.Text.AsSpan().IndexOfAnyInRange('0', '9') >= 0,
                Documents.TableRow r => r.Cells.Any(c => c.AsSpan().IndexOfAnyInRange('0', '9') >= 0),
                _ => false,
            };
        }

        return to;
    }

    /// <summary>A block that reads as a sentence: sentence punctuation among at least ten Chinese characters.</summary>
    private static bool IsSentence(Block block)
    {
        var text = block switch
        {
            Paragraph p => p.Text,
            Documents.TableRow r => string.Concat(r.Cells),
            _ => "",
        };
        if (text.AsSpan().IndexOfAny('，', '。') < 0) return false;
        var cjk = 0;
        foreach (var ch in text)
        {
            if (ch is >= '\u4e00' and <= '\u9fff' && ++cjk >= 10) return true;
        }

        return false;
    }

    private static bool IsProse(RowParts parts) =>
        parts.Label.Contains('。', StringComparison.Ordinal) || (parts.Label.Length > 30 && parts.Label.Contains('，', StringComparison.Ordinal));

    /// <summary>
    /// A row of table 二 printed a second time. With the same numbers it is a repeat (a warning; the first
    /// is read). With other numbers one of the two is some other row whose label was misread, and which
    /// cannot be told: none of the row's cells is read, and an error names it.
    /// </summary>
    private void Repeated(ActiveRead read, string item, IReadOnlyList<string> first, IReadOnlyList<string> again)
    {
        var label = ActiveItems.First(a => a.Item == item).Label;
        if (first.SequenceEqual(again))
        {
            if (read.Conflicting.Contains(item)) return;
            _findings.Add(new Finding("duplicate_row", Severity.Warning,
                $"{CellNames.ActiveRow(item)}出现了两次，读取第一次。Table 二 has the row '{label}' twice; the first is read.", item));
            return;
        }

        if (read.Conflicting.Add(item))
        {
            _findings.Add(new Finding("duplicate_row", Severity.Error,
                $"{CellNames.ActiveRow(item)}出现了两次且数字不同（「{Preview(first)}」与「{Preview(again)}」），无法确定哪一行是，该行的值未知。Table 二 has the row '{label}' twice with different numbers; its values are unknown.", item));
        }
    }

    private void Unrecognised(string table, RowParts parts) =>
        _findings.Add(new Finding("unrecognised_row", Severity.Error, parts.Label.Trim().Length == 0
            ? $"表{table}中有一行数字（{Preview(parts.Data)}）没有标签，无法确定是哪一行，未读入。Table {table} has a row of numbers without a label; it is not read."
            : $"表{table}中的行「{Preview(parts.Label)}」不是模板中的行，其数字未读入。Table {table} has a row with numbers whose label '{parts.Label}' is not one of the template's; its values are not read."));

    private decimal? ReadActiveCell(string item, string raw, int index)
    {
        var signed = index == 1 && item is "licensing" or "other_services" or "penalty" or "enforcement" or "fees";
        var converted = false;
        var value = (item == "fees" && index == 0) || (item == "procurement" && index == 1) ? CountCell.ReadAmount(raw, out converted)
            : signed ? CountCell.ReadSigned(raw)
            : CountCell.ReadCount(raw);
        if (converted)
        {
            _findings.Add(Finding.Warning("unit_converted", $"{CellNames.ActiveRow(item)}写作「{raw.Trim()}」（元），该列单位为万元，按 {value} 万元读取。The amount is written in yuan and read as {value} ten-thousand yuan."));
        }

        if (value is null)
        {
            _findings.Add(new Finding("unreadable_cell", Severity.Error, $"{CellNames.ActiveRow(item)}「{raw.Trim()}」不是一个确数，该格的值未知。Table 二, row '{item}': '{raw.Trim()}' is not a number.", item));
        }

        return value;
    }

    private static string? MatchActiveItem(string key)
    {
        if (key.Length == 0) return null;
        if (key.EndsWith("规范性文件", StringComparison.Ordinal)) return "normative_documents";
        if (key.EndsWith("规章", StringComparison.Ordinal) && (key.Length <= 4 || ActiveRead.EndsHeader(key[..^2]))) return "regulations";
        foreach (var (item, label, _, _, _) in ActiveItems)
        {
            if (key.EndsWith(label, StringComparison.Ordinal)) return item;
        }

        // A misprinted or cut label ("行政规范文件", "行政事业收费"): the item whose name it is most like.
        var rest = ActiveRead.StripHeaders(key);
        if (rest.Length < 3 || rest.Length > 16) return null;
        var best = ActiveItems.Select(a => (a.Item, Score: Likeness(a.Label, rest))).MaxBy(x => x.Score);
        return best.Score >= 0.7 ? best.Item : null;
    }

    private static double Likeness(string label, string printed)
    {
        var previous = new int[printed.Length + 1];
        var current = new int[printed.Length + 1];
        foreach (var ca in label)
        {
            for (var j = 1; j <= printed.Length; j++) current[j] = ca == printed[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            (previous, current) = (current, previous);
        }

        return (double)previous[printed.Length] / Math.Max(label.Length, printed.Length);
    }

    private const string ReviewTable = "四、政府信息公开行政复议、行政诉讼情况";

    // Whether table 四's region prints the headings of both kinds of suit, 未经复议直接起诉 and 复议后起诉 (words that prose
    // saying there was no review or suit does not use), and no digit.
    private bool ReviewHeadingsPrinted(int from, int to)
    {
        var text = new System.Text.StringBuilder();
        for (var i = from; i < Math.Min(to, _blocks.Count); i++)
        {
            text.Append(_blocks[i] switch { Paragraph p => p.Text, Documents.TableRow r => string.Concat(r.Cells), _ => "" });
        }

        var words = string.Concat(text.ToString().Where(c => !char.IsWhiteSpace(c)));
        return words.Contains("直接起诉", StringComparison.Ordinal) && words.Contains("复议后起诉", StringComparison.Ordinal)
            && !words.Any(c => TextKey.Narrow(c) is >= '0' and <= '9');
    }

    // The last grid row of table 四's region holding exactly its 15 value cells, all empty.
    private IReadOnlyList<string>? BlankReviewRow(int from, int to)
    {
        for (var i = Math.Min(to, _blocks.Count) - 1; i >= from; i--)
        {
            if (_blocks[i] is not Documents.TableRow row || !(_gridExact || row.Exact)) continue;
            return row.Cells.Count == 15 && row.Cells.All(c => CountCell.Classify(c) == CellKind.Empty) ? row.Cells : null;
        }

        return null;
    }

    private ReviewLitigation ReadReviewLitigation(int applicationsEnd)
    {
        var from = _sections.Start(4) ?? applicationsEnd + 1;
        var to = _sections.End(4, _blocks.Count);
        var cells = new List<string>();
        // Text without layout may print a column heading between the numbers ("2 4 0 19 结果维持 … 2 3 1
        // 7 …"): their printed order is then not the table's.
        var headingInside = false;
        // Text without layout may also give each number a line of its own (pdftotext without -layout,
        // mutool): in a browser's print their order follows the fonts' baselines, not the columns
        // ("25 8 0 0 0 0 3 36 …" for 25 3 8 0 36 …).
        var alone = 0;
        // Without heading 五 the table runs on into section 五's prose, whose years and counts are
        // no cells ("2024        年，全区政府信息公开工作…" in pdftotext's layout): the first sentence
        // after the numbers ends the table.
        if (_sections.Start(5) is null) to = FirstSentenceAfterNumbers(Math.Max(from, 0), to);
        // The numbers of each line without a label: a table whose cells stand at several heights (LibreOffice centres
        // each cell on its own, and a cell that wraps, "5件" as "5" over "件", stands higher) comes out of pdftotext
        // -layout as a staircase of short lines, "0 0 0 5件 5件  4件 0" / "4件 1件0 0 7" / "0 0 1件", whose order is
        // no longer the columns'.
        var lines = new List<IReadOnlyList<string>>();
        // Where each line's cells stand (first and last character's column), when the text keeps its columns.
        var columns = new List<(int Start, int End)[]?>();
        // Cells stacked in one column (WrappedNumbers.StackMark): either may come first.
        var swaps = new List<int>();
        foreach (var (_, parts) in CollectRows(Math.Max(from, 0), to))
        {
            if (!parts.HasData && cells.Count > 0 && !_gridExact && IsReviewHeading(parts.Key)) headingInside = true;
            if (!parts.HasData || IsProse(parts)) continue;
            if (parts.Label.Length == 0 || parts.Data.Any(d => CountCell.Classify(d) == CellKind.Number))
            {
                swaps.AddRange(parts.Swaps.Select(i => i + cells.Count));
                cells.AddRange(parts.Data);
            }
        }

        // A table whose every value cell is blank (zeros left empty) has a row of empty cells under its
        // headings: in a real grid (HTML, DOCX, markdown) those are the 15 cells, read as blanks.
        if (cells.Count == 0 && BlankReviewRow(Math.Max(from, 0), to) is { } blank) cells.AddRange(blank);
        // In text, a table whose headings are printed ("未经复议直接起诉    复议后起诉" over the stacked "结/果/维/持 …") and
        // no number under them: an office that types no zeros, and had no review or suit. Its 15 cells are blank.
        if (cells.Count == 0 && !_gridExact && _sections.Start(4) is not null && ReviewHeadingsPrinted(Math.Max(from, 0), to)) cells.AddRange(Enumerable.Repeat("", 15));

        if (cells.Count == 0)
        {
            _missingTables.Add(ReviewTable);
            if (_sections.Start(4) is not null)
            {
                _findings.Add(new Finding("missing_cells", Severity.Error, PictureIn(4) is { } picture
                    ? $"表四「{ReviewTable}」以图片发布（{picture.Name}），不是文字表格，其值未知。Table 四 is published as a picture ({picture.Name}), not as text; its values are unknown."
                    : $"表四「{ReviewTable}」没有数字表格，其值未知。Section {ReviewTable} has no table of numbers; its values are unknown.", "review"));
            }

            return ReviewLitigation.Empty;
        }

        if (cells.All(c => CountCell.Classify(c) == CellKind.Empty)) _blankTables.Add(ReviewTable);
        // Narrow cells that pdftotext set without a space between them ("0-", "-0"): two cells each.
        var before = cells.Count;
        cells = [.. CountCell.WithGluedMarksParted(cells, 15)];
        if (cells.Count != before) swaps.Clear();
        if (cells.Count < 15 && SplitReview(cells) is { } split) return split;

        while (cells.Count > 15 && CountCell.Classify(cells[^1]) == CellKind.Empty) cells.RemoveAt(cells.Count - 1);
        if (cells.Count > 15)
        {
            _findings.Add(new Finding("extra_cells", Severity.Error, $"表四有 {cells.Count} 个数（应为 15 个），无法确定哪些属于该表，其值未知。Table 四 has {cells.Count} numbers where 15 are expected; its values are unknown.", "review"));
            return ReviewLitigation.Empty;
        }

        var values = cells.Select((c, i) => ReadReviewCell(c, i)).ToList();
        for (var i = Math.Max(from, 0); i < Math.Min(to, _blocks.Count) && !_gridExact; i++)
        {
            if (_blocks[i] is not Paragraph p) continue;
            if (CountCell.Classify(p.Text.Trim()) == CellKind.Number) alone++;
            if (StreamRows.Read(p.Text) is [{ Label.Length: 0, HasData: true } line])
            {
                lines.Add(CountCell.WithGluedMarksParted(line.Data, 15));
                columns.Add(CellColumns(p, lines[^1]));
            }
        }

        var oneToALine = alone >= 8;
        // Two lines or more, not one proceeding of five to a line: a staircase, when they are the table's fifteen cells.
        var staircase = !_gridExact && !oneToALine && !headingInside && lines.Count >= 2 && !lines.All(l => l.Count == 5)
            && lines.SelectMany(l => l).SequenceEqual(cells);
        if (staircase && values.Count == 15 && values.All(v => v is not null) && Interleaved(lines, columns) is { } stairs) return stairs;
        if (swaps.Count is > 0 and <= 4 && values.Count == 15 && values.All(v => v is not null) && Swapped(values.Select(v => v!.Value).ToArray(), swaps) is { } swapped) return swapped;
        // Two lines that no interleaving makes add up are read as printed (a line set a little higher, the order most
        // likely kept; the sums then say what is wrong); three or more are refused.
        if ((headingInside || oneToALine || (staircase && lines.Count >= 3)) && values.Count == 15 && !ReviewAddsUp(values))
        {
            // No order of these fifteen numbers adds up: the report's own table breaks the rule, whatever the text did
            // to its order. That is the finding; which cell each number is stays unknown.
            if (values.All(v => v is not null) && !ReviewCanAddUp(values.Select(v => v!.Value)))
            {
                _findings.Add(new Finding("review_total", Severity.Error,
                    $"表四的 15 个数（{string.Join(" ", cells.Select(c => c.Trim()))}）无论怎样排列，都不能使各项总计等于前四项之和：报告本身的表四不合勾稽关系；抽取时未保留版式，各数对应哪一格无法确定，表四的值未知。Table 四's 15 numbers add up in no order: the report's own table breaks the rule; with its layout lost, which cell each number is cannot be told, and its values are unknown.", "review"));
                return ReviewLitigation.Empty;
            }

            // A report may break the rule itself, but here the order is in doubt: no number is guessed.
            _findings.Add(new Finding("table_scrambled", Severity.Error, headingInside
                ? "表四的数字之间夹着表头文字（抽取时未保留版式），按印出的次序各项总计不等于前四项之和，无法确定对应关系，表四不予读取。Table 四's numbers come with column headings between them (text extracted without layout) and do not add up in printed order; the table is not read."
                : oneToALine
                ? "表四的数字各自成行（抽取时未保留版式），按印出的次序各项总计不等于前四项之和，无法确定对应关系，表四不予读取。Table 四's numbers come one to a line (text extracted without layout) and do not add up in printed order; the table is not read."
                : $"表四的数字印在高低不齐的 {lines.Count} 行里（各格在格内各自居中），各行的数怎样穿插都不能使各项总计等于前四项之和，无法确定对应关系，表四不予读取。Table 四's numbers stand on {lines.Count} lines at several heights (each cell centred on its own) and no interleaving of the lines adds up; the table is not read.", "review"));
            return ReviewLitigation.Empty;
        }

        if (values.Count == 14) values = PlaceReviewGap(values);
        else if (values.Count < 15)
        {
            _findings.Add(new Finding("missing_cells", Severity.Error, _doc.TextBeyondPage
                ? $"表四只有 {values.Count} 个数（应为 15 个）：PDF 的版面比纸面宽，页边以外的数没有印出，其值未知。Table 四 has {values.Count} of 15 numbers: the PDF's content is wider than its page and what lies past the edge was not printed; its values are unknown."
                : $"表四只有 {values.Count} 个数（应为 15 个），其值未知。Table 四 has {values.Count} of 15 numbers; its values are unknown.", "review"));
            values = Enumerable.Repeat<int?>(null, 15).ToList();
        }

        // A 总计 printed but unreadable ("l", "1O") stays unknown, as its error says, and as an unreadable cell of
        // table 三 does: derived from the four before it, it would hide a total the report misprinted.
        return ReviewLitigation.FromFlat(values);
    }

    /// <summary>
    /// Table 四 with its cells run together ("10203120001200000"): the readings as fifteen numbers
    /// in which each 总计 is the sum of the four before it. A cell on which every reading agrees is
    /// taken (derived); the others are left null with an error naming the readings. Digits enough
    /// for fifteen cells that no reading makes add up: every cell unknown, one missing_cells error.
    /// Null when there is no run to cut or too few digits (the caller reports the cells as missing).
    /// </summary>
    private ReviewLitigation? SplitReview(List<string> cells)
    {
        var pieces = DigitSplitter.Pieces(cells, cell => CountCell.ReadCount(cell), counts: true);
        if (!pieces.Any(p => p.IsRun) || pieces.Any(p => !p.IsRun && p.Value is null)) return null;
        var result = DigitSplitter.Split(pieces, [5, 5, 5], lastIsTotal: true, limit: ReviewReadingLimit, blanks: _cellsVanish ? 12 : 0);
        var printed = Preview(string.Join(" ", cells.Select(TextKey.Compact)));
        if (result.Readings.Count == 0)
        {
            if (DigitSplitter.Capacity(pieces).Max < 15) return null;
            // Digits enough for fifteen cells, yet no reading in which every 总计 adds up: which digit
            // is which cell cannot be told, so none is read (the runs are not "wrong numbers").
            _findings.Add(new Finding("missing_cells", Severity.Error,
                $"表四的数字「{printed}」连在一起，无法读成各项总计等于前四项之和的十五个数，其值未知。Table 四's digits ran together and cannot be read as fifteen numbers that add up; its values are unknown.", "review"));
            return ReviewLitigation.Empty;
        }

        // Every reading is known only when the splitter neither ran out of steps nor hit the cap.
        var complete = !result.OutOfBudget && result.Readings.Count < ReviewReadingLimit;
        var values = new int?[15];
        var open = new List<int>();
        for (var k = 0; k < 15; k++)
        {
            var options = result.Readings.Select(r => r[k]).Distinct().ToList();
            if (options.Count == 1 && complete) values[k] = (int?)options[0];
            else open.Add(k);
        }

        for (var k = 0; k < 15; k++)
        {
            if (values[k] is not null && result.Inferred.Any(m => m[k])) _derived.Add(ReviewPath(k));
        }

        if (open.Count == 0)
        {
            _findings.Add(Finding.Warning("cells_run_together",
                $"表四的数字「{printed}」连在一起，按各项总计等于前四项之和只有一种拆法，已读出并列为推算值。The cells of table 四 ran together and split one way only."));
        }
        else
        {
            foreach (var k in open) _ambiguous.Add(ReviewPath(k));
            var shown = string.Join(" 或 ", result.Readings.Take(3).Select(r => "(" + string.Join(",", r) + ")")) + (result.Readings.Count > 3 ? " 等" : "");
            _findings.Add(new Finding("cells_ambiguous", Severity.Error,
                $"表四的数字「{printed}」连在一起，按各项总计等于前四项之和仍有 {result.Readings.Count} 种读法：{shown}；{string.Join("、", open.Select(CellNames.ReviewCell))}无法确定，不予采信。The cells of table 四 ran together and can be read in several ways; the cells that differ are left unknown.",
                ReviewLitigation.Proceedings[open[0] / 5], ReviewLitigation.Outcomes[open[0] % 5]));
        }

        return ReviewLitigation.FromFlat(values);
    }

    // Readings of table 四 beyond this many mean that no cell is certain (the step budget bounds the work first).
    private const int ReviewReadingLimit = 10_000;

    // States of the walk over a staircase's interleavings beyond which no cell is taken.
    private const int InterleavingStates = 200_000;

    /// <summary>
    /// Table 四 printed as a staircase: its fifteen cells on lines at several heights, each line in its columns' order,
    /// but the lines' cells interleaved in the table in an order the text no longer shows ("无  5件" over "无  无  5件  无
    /// 3 …": 0, 0, 5, 0, 5 for the first proceeding, not 0, 5, 0, 0, 5). Every interleaving that keeps each line's order
    /// and makes each 总计 the sum of the four before it is a reading. The walk goes over states (how far each line is
    /// taken, the sum of the proceeding so far), each once, and keeps the values each cell takes in some reading: a cell
    /// with one value is taken (derived, with a warning, where it is not the printed order's), the others are left null
    /// with an error naming their values. Null when no interleaving adds up (the caller refuses the table with that reason).
    /// </summary>
    /// <remarks>
    /// Where the text keeps its columns (<paramref name="columns"/>), a cell that stands clear of another, left of it,
    /// comes before it ("—  —  —  4" over "4  2  —  3 …" starting under that 4: 行政复议's four results, then its total):
    /// those readings are taken when any adds up. When none does, the columns are not trusted (a page's head is laid out
    /// afresh) and every interleaving is tried.
    /// </remarks>
    private ReviewLitigation? Interleaved(List<IReadOnlyList<string>> lines, List<(int Start, int End)[]?> columns)
    {
        var rows = lines.Select(l => l.Select(c => CountCell.ReadCount(c) ?? -1).ToArray()).ToList();
        if (rows.Any(r => r.Any(v => v < 0))) return null;
        var how = $"表四的数字印在高低不齐的 {lines.Count} 行里（各格在格内各自居中）";
        var english = $"Table 四's numbers stand on {lines.Count} lines at several heights";
        var byColumns = columns.Count == rows.Count && columns.All(c => c is not null)
            ? Walked(rows, (r, i, s, j) => columns[s]![j].End + ClearColumns < columns[r]![i].Start)
            : null;
        return (byColumns ?? Walked(rows, (_, _, _, _) => false)) is { } walked
            ? Agreed(walked.Options, rows.SelectMany(r => r).ToArray(), complete: walked.Complete, how, "穿插", english)
            : null;
    }

    // Blank columns between two cells of a staircase beyond which the left one comes first (pdftotext rounds a cell's place).
    private const int ClearColumns = 1;

    /// <summary>
    /// The walk of <see cref="Interleaved"/>: the values each cell takes over the interleavings of <paramref name="rows"/>
    /// that add up, where cell i of line r may not be taken while cell j of line s is left and <paramref name="before"/>(r,
    /// i, s, j) says it comes first. Complete is false when the walk stopped at its cap. Null when none adds up.
    /// </summary>
    private static (HashSet<int>[] Options, bool Complete)? Walked(List<int[]> rows, Func<int, int, int, int, bool> before)
    {
        var at = new int[rows.Count];
        var options = Enumerable.Range(0, 15).Select(_ => new HashSet<int>()).ToArray();
        var good = new Dictionary<string, bool>();
        var capped = false;
        bool Free(int r)
        {
            for (var s = 0; s < rows.Count; s++)
            {
                if (s != r && at[s] < rows[s].Length && before(r, at[r], s, at[s])) return false;
            }

            return true;
        }

        bool Walk(int k, int sum)
        {
            if (k == 15) return true;
            var key = string.Join(",", at) + ";" + sum.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (good.TryGetValue(key, out var known)) return known;
            if (good.Count >= InterleavingStates)
            {
                capped = true;
                return false;
            }

            var any = false;
            for (var r = 0; r < rows.Count; r++)
            {
                if (at[r] == rows[r].Length || !Free(r)) continue;
                var v = rows[r][at[r]];
                if (k % 5 == 4 && v != sum) continue;
                at[r]++;
                if (Walk(k + 1, k % 5 == 4 ? 0 : sum + v))
                {
                    options[k].Add(v);
                    any = true;
                }

                at[r]--;
            }

            good[key] = any;
            return any;
        }

        if (!Walk(0, 0) && !capped) return null;
        return (options, !capped);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\S+")]
    private static partial System.Text.RegularExpressions.Regex Words();

    // The columns of a staircase line's cells, from its paragraph's words, when they are its cells one for one; else null.
    private static (int Start, int End)[]? CellColumns(Paragraph paragraph, IReadOnlyList<string> cells)
    {
        if (paragraph.Indent is not { } indent) return null;
        var words = Words().Matches(paragraph.Text);
        if (words.Count != cells.Count || words.Where((w, i) => w.Value != cells[i].Trim()).Any()) return null;
        return words.Select(w => (indent + w.Index, indent + w.Index + w.Length - 1)).ToArray();
    }

    /// <summary>
    /// Table 四 with cells stacked in one column (<see cref="RowParts.Swaps"/>: "5件" set over "无"), each pair in
    /// either order: every order that makes each 总计 the sum of the four before it is a reading, taken as
    /// <see cref="Interleaved"/> takes its readings. Null when none adds up (the table is read as printed, and its
    /// sums say what is wrong).
    /// </summary>
    private ReviewLitigation? Swapped(int[] printed, List<int> swaps)
    {
        if (swaps.Any(s => s < 0 || s + 1 >= 15)) return null;
        var options = Enumerable.Range(0, 15).Select(_ => new HashSet<int>()).ToArray();
        var any = false;
        for (var m = 0; m < 1 << swaps.Count; m++)
        {
            var table = (int[])printed.Clone();
            for (var b = 0; b < swaps.Count; b++)
            {
                if ((m >> b & 1) != 0) (table[swaps[b]], table[swaps[b] + 1]) = (table[swaps[b] + 1], table[swaps[b]]);
            }

            if (!ReviewAddsUp(table.Select(v => (int?)v).ToList())) continue;
            any = true;
            for (var k = 0; k < 15; k++) options[k].Add(table[k]);
        }

        return any ? Agreed(options, printed, complete: true, "表四有数印在上一行、与下一行的数同列相叠（两格的先后版面不能确定）", "排法", "Table 四 has cells stacked in one column") : null;
    }

    // The cells with one value in every reading (derived where the printed order differs, with a warning), the others
    // null with an error naming the values each may take.
    private ReviewLitigation Agreed(HashSet<int>[] options, int[] printed, bool complete, string how, string ways, string english)
    {
        var values = new int?[15];
        var open = new List<int>();
        for (var k = 0; k < 15; k++)
        {
            if (complete && options[k].Count == 1) values[k] = options[k].Single();
            else open.Add(k);
        }

        var moved = Enumerable.Range(0, 15).Where(k => values[k] is { } v && v != printed[k]).ToList();
        foreach (var k in moved) _derived.Add(ReviewPath(k));
        if (open.Count == 0 && moved.Count > 0)
        {
            _findings.Add(Finding.Warning("cells_stacked",
                $"{how}，按各项总计等于前四项之和只有一种{ways}，已读出，{moved.Count} 格与印出的次序不同，列为推算值。{english}; one order adds up, and the {moved.Count} cells it places otherwise than the printed order are marked derived."));
        }
        else if (open.Count > 0)
        {
            foreach (var k in open) _ambiguous.Add(ReviewPath(k));
            var shown = complete
                ? string.Join("；", open.Take(4).Select(k => $"{CellNames.ReviewCell(k)}可为 {string.Join(" 或 ", options[k].Order())}")) + (open.Count > 4 ? " 等" : "")
                : "读法过多，无法逐一核对";
            _findings.Add(new Finding("cells_ambiguous", Severity.Error,
                $"{how}，按各项总计等于前四项之和有多种{ways}：{shown}；这 {open.Count} 格不予采信。{english}, in several orders that add up; the {open.Count} cells that differ are left unknown.",
                ReviewLitigation.Proceedings[open[0] / 5], ReviewLitigation.Outcomes[open[0] % 5]));
        }

        return ReviewLitigation.FromFlat(values);
    }

    private int? ReadReviewCell(string raw, int index)
    {
        var value = CountCell.ReadCount(raw);
        if (value is null)
        {
            _findings.Add(new Finding("unreadable_cell", Severity.Error, $"{CellNames.ReviewCell(index)}「{raw.Trim()}」不是一个确数，该格的值未知。Table 四, {ReviewPath(index)}: '{raw.Trim()}' is not a count.",
                ReviewLitigation.Proceedings[index / 5], ReviewLitigation.Outcomes[index % 5]));
        }

        return value;
    }

    // One lost number: the position where every 总计 is the sum of the four before it. Only
    // when every such position gives the same values (a row of zeros) is the number recovered;
    // otherwise the gap could be in more than one place and the table is not guessed at.
    private List<int?> PlaceReviewGap(List<int?> fourteen)
    {
        var fits = new List<(int Gap, List<int?> Values)>();
        for (var gap = 14; gap >= 0; gap--)
        {
            var candidate = fourteen.Take(gap).Append(null).Concat(fourteen.Skip(gap)).ToList();
            var group = gap / 5 * 5;
            if (Enumerable.Range(group, 5).Where(i => i != gap).Any(i => candidate[i] is null)) continue;
            var value = gap % 5 == 4
                ? Enumerable.Range(group, 4).Sum(i => candidate[i])
                : candidate[group + 4] - Enumerable.Range(group, 4).Where(i => i != gap).Sum(i => candidate[i]);
            var othersAddUp = Enumerable.Range(0, 3).Where(g => g != gap / 5).All(g => Enumerable.Range(g * 5, 4).Sum(i => candidate[i]) == candidate[(g * 5) + 4]);
            if (value is null or < 0 || !othersAddUp) continue;
            candidate[gap] = value;
            fits.Add((gap, candidate));
        }

        // The totals are the only check on table 四, so a number run together with its
        // neighbour would also add up: only a table of zeros is recovered.
        if (fits.Count > 0 && fits.All(f => f.Values.SequenceEqual(fits[0].Values)) && fits[0].Values.All(v => v == 0))
        {
            var (gap, values) = fits[0];
            _derived.Add(ReviewPath(gap));
            _findings.Add(new Finding("derived_value", Severity.Warning, $"{CellNames.ReviewCell(gap)}在文中缺失，按合计推算为 {values[gap]}。{ReviewPath(gap)} is missing from the document; {values[gap]} is recovered from the table's totals.",
                ReviewLitigation.Proceedings[gap / 5], ReviewLitigation.Outcomes[gap % 5], null, values[gap]));
            return values;
        }

        _findings.Add(new Finding("missing_cells", Severity.Error,
            fits.Count == 0
                ? "表四只有 14 个数，缺的一格放在哪里都不能使合计成立，其值未知。Table 四 has 14 of 15 numbers and no position of the missing one adds up; its values are unknown."
                : "表四只有 14 个数，无法确定缺的是哪一格，其值未知。Table 四 has 14 of 15 numbers; where the missing one stood cannot be told for certain, so its values are unknown.",
            "review"));
        return Enumerable.Repeat<int?>(null, 15).ToList();
    }

    // A column heading of table 四, not a row of it (a table printed turned has 行政复议, 复议后起诉 between its numbers).
    private static bool IsReviewHeading(string key) =>
        key.Length > 0 && !key.Contains("复议", StringComparison.Ordinal) && !key.Contains("诉讼", StringComparison.Ordinal)
        && key.All(c => "结果维持纠正其他尚未审总计".Contains(c, StringComparison.Ordinal));

    /// <summary>
    /// Whether some order of the fifteen numbers makes each proceeding's total the sum of its four outcomes: three of
    /// them totals, the other twelve in three fours that sum to them. Numbers are non-negative, so a proceeding's total
    /// is its largest; taken largest first, a number opens a proceeding as its total or joins an open one as an outcome.
    /// </summary>
    internal static bool ReviewCanAddUp(IEnumerable<int> values)
    {
        var sorted = values.OrderDescending().ToArray();
        if (sorted.Length != 15) return false;
        var totals = new int[3];
        var counts = new int[3];
        var sums = new int[3];
        var open = 0;
        return Place(0);

        bool Place(int i)
        {
            if (i == sorted.Length) return open == 3 && counts.All(c => c == 4) && Enumerable.Range(0, 3).All(g => sums[g] == totals[g]);
            var v = sorted[i];
            for (var g = 0; g < open; g++)
            {
                if (counts[g] == 4 || sums[g] + v > totals[g]) continue;
                // Proceedings alike so far take the number alike: try the first of them only.
                if (g > 0 && totals[g] == totals[g - 1] && counts[g] == counts[g - 1] && sums[g] == sums[g - 1]) continue;
                counts[g]++;
                sums[g] += v;
                if (Place(i + 1)) return true;
                counts[g]--;
                sums[g] -= v;
            }

            if (open == 3) return false;
            totals[open++] = v;
            if (Place(i + 1)) return true;
            open--;
            return false;
        }
    }

    private static bool ReviewAddsUp(List<int?> values) =>
        Enumerable.Range(0, 3).All(g => values.Skip(g * 5).Take(5).Any(v => v is null) || values.Skip(g * 5).Take(4).Sum() == values[g * 5 + 4]);

    private static string ReviewPath(int index) => CellRef.Review(index).ToString();
}
