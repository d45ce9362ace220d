using System.Text.RegularExpressions;
using UglyToad.PdfPig.Content;
using Warehouse.Core;
using Warehouse.Parsing.Documents;
using Warehouse.Parsing.Extraction;
using Warehouse.Parsing.Text;

namespace Warehouse.Parsing.Pdf;

/// <summary>
/// Tables printed without rules (Word's and WPS's tables set to 无框线). Nothing on the page says where a
/// cell ends, so the numbers place the columns and the lines of numbers place the rows:
/// <list type="bullet">
/// <item>a run of lines (PDF points, top to bottom) that hold numbers, or only a short label, is one
/// table; a sentence, a section heading, a "第二十条…" line or a heading row (words over the numbers'
/// columns: "自然人 商业企业 …", "信息内容 …") ends it;</item>
/// <item>the columns are the table's numbers laid over each other: numbers in one column overlap
/// across rows whatever their alignment, and two columns never do. A number stands in the column it
/// overlaps, and a column a line leaves empty is a blank cell, not the next number. A column no row
/// fills (a blank in table 四's one row) is one the heading row's lowest words name. A table that goes on
/// at the head of the next page with no heading that names its columns stands in the columns it had on
/// the page before, or that its heading there named;</item>
/// <item>a number wrapped in its narrow cell is put back together: cut at its thousands ("3,33" over
/// "8"), or in two pieces half a line above and below its row's line (a cell centred: "102" over the row
/// over "0");</item>
/// <item>each line of numbers is a row; the label lines between two rows are cut before a line that
/// begins with a row numbering ("7.属于" "（四）"), all go to the row above when the row below begins its
/// label on its numbers' line (set from the top), else each goes to the nearer row (centred);</item>
/// <item>a group's label in a column of its own left of the rows' labels ("（三）不予公开" over eight rows)
/// is left out, as the rows' own labels and the template's order place them; it is the label of a
/// row whose own column holds nothing ("（一）予以公开").</item>
/// </list>
/// The table is left to the reading by gaps (<see cref="PdfLayout"/>), as before, when its numbers do
/// not stand in certain columns: two in one column; more columns than any row fills and no heading
/// names; a number cut in its thousands ("1,46") that nothing completes, but on the page's last row; a
/// line of numbers without a label in a table whose rows have labels (the end of a number wrapped in its
/// narrow cell), but above the first row, where it ends the numbers of the page before's last row. Its
/// cells are then null with an error, never placed by a guess.
/// </summary>
internal static partial class UnruledTables
{
    private const double Tolerance = 1.5;

    /// <summary>A table row read from a table without rules, at its numbers' height (PDF points).</summary>
    internal sealed record Row(double Y, TableRow Block);

    private enum Kind { Values, Label, Heading, Other }

    /// <summary>
    /// The rows of the tables without rules among <paramref name="lines"/> (each a line of words, left to right,
    /// the lines top to bottom), the lines that are no part of one, to be read as before, and the columns of the
    /// table that the foot of the page cut (PDF points, left to right; null when none), for the next page.
    /// </summary>
    /// <param name="lines">The page's lines of words outside ruled cells, top to bottom.</param>
    /// <param name="height">The page's line height (PDF points).</param>
    /// <param name="carried">
    /// The columns of the table the page before ended in: a table continued at the head of this page, with no heading
    /// of its own that names its columns ("1.属于国家秘密 0 0 0 0 0" under "（区分处理的…" and a blank in two cells;
    /// table 四's heading cut after its fourth line), stands in them.
    /// </param>
    public static (List<Row> Rows, List<List<Word>> Others, List<(double Left, double Right)>? Carry) Read(
        IReadOnlyList<List<Word>> lines, double height, List<(double Left, double Right)>? carried = null)
    {
        var rows = new List<Row>();
        var rest = new List<List<Word>>();
        var kinds = lines.Select(Classify).ToList();
        var i = 0;
        // The heading rows right above the table being read: they name its columns.
        var heading = new List<List<Word>>();
        List<(double Left, double Right)>? carry = null;
        while (i < lines.Count)
        {
            if (kinds[i] is Kind.Other or Kind.Heading)
            {
                if (kinds[i] == Kind.Other)
                {
                    heading.Clear();
                    // Past a sentence or a heading, the page has left the table the page before ended in.
                    carried = null;
                }
                else
                {
                    heading.Add(lines[i]);
                }

                rest.Add(lines[i++]);
                continue;
            }

            var end = i;
            while (end < lines.Count && kinds[end] is Kind.Values or Kind.Label) end++;
            // Within a run, a label line with words over the numbers is a heading: it ends the table.
            var cut = Heading(lines, i, end);
            if (cut > i)
            {
                end = cut;
            }
            else if (cut == i)
            {
                heading.Add(lines[i]);
                rest.Add(lines[i++]);
                continue;
            }

            var segment = lines.Skip(i).Take(end - i).ToList();
            carry = null;
            if (Table(segment, heading, height, carried) is { } read)
            {
                rows.AddRange(read.Rows);
                if (end == lines.Count) carry = read.Columns;
            }
            else
            {
                rest.AddRange(segment);
                // Heading lines at the foot of the page name the columns of the table the next page goes on with.
                if (end == lines.Count && segment.All(l => !l.Any(IsValue)) && Leaves([.. heading, .. segment]) is { Count: > 1 } named) carry = named;
            }

            heading.Clear();
            carried = null;
            i = end;
        }

        // A page that ends in a heading row ("信息内容 …") hands its columns to the next.
        if (kinds.Count > 0 && kinds[^1] == Kind.Heading && Leaves(heading) is { Count: > 1 } leaves) carry = leaves;
        return (rows, rest, carry);
    }

    private static Kind Classify(List<Word> line)
    {
        var text = string.Concat(line.Select(w => w.Text));
        if (text.Contains('。', StringComparison.Ordinal) || text.Length > 60 || Sections.IsHeading(new Paragraph(text))) return Kind.Other;
        // Table 二's parts are headed by the article they publish under, and by the heading row of their columns.
        if (text.Contains("第二十条", StringComparison.Ordinal)) return Kind.Other;
        if (text.StartsWith("信息内容", StringComparison.Ordinal)) return Kind.Heading;
        var values = line.Where(IsValue).ToList();
        if (values.Count == 0) return text.Length <= 30 ? Kind.Label : Kind.Other;
        // A line of a table row: its label, then its numbers; a number amid words is a sentence's.
        var firstValue = values.Min(w => w.BoundingBox.Left);
        return line.Where(w => !IsValue(w)).All(w => w.BoundingBox.Right <= firstValue + Tolerance) ? Kind.Values : Kind.Other;
    }

    private static bool IsValue(Word word) => CountCell.Classify(word.Text) == CellKind.Number;

    /// <summary>
    /// The first line in [<paramref name="from"/>, <paramref name="to"/>) whose words reach over the numbers' columns
    /// without a number: a heading row; <paramref name="to"/> when none does. The columns are those of the line of
    /// numbers the line heads (the next, or the last when none follows): a run whose first table's heading was
    /// left out runs on into the next table's heading ("行政复议 行政诉讼" under table 三's last row).
    /// </summary>
    private static int Heading(IReadOnlyList<List<Word>> lines, int from, int to)
    {
        double? left = null;
        var lefts = new double?[to - from];
        for (var k = to - 1; k >= from; k--)
        {
            if (lines[k].Any(IsValue)) left = lines[k].Where(IsValue).Min(w => w.BoundingBox.Left);
            lefts[k - from] = left;
        }

        left = null;
        for (var k = from; k < to; k++)
        {
            if (lines[k].Any(IsValue))
            {
                left = lefts[k - from];
                continue;
            }

            if ((lefts[k - from] ?? left) is { } over && lines[k].Any(w => w.BoundingBox.Right > over + Tolerance)) return k;
        }

        return to;
    }

    /// <summary>
    /// The rows of one table without rules and its columns (PDF points, left to right: each the numbers and the
    /// heading word that stand in it), or null when its numbers make no columns.
    /// </summary>
    private static (List<Row> Rows, List<(double Left, double Right)> Columns)? Table(
        List<List<Word>> lines, List<List<Word>> heading, double height, List<(double Left, double Right)>? carried)
    {
        var printed = lines.Count;
        lines = JoinCentred(JoinWrapped(lines), height);
        var anchors = Enumerable.Range(0, lines.Count).Where(k => lines[k].Any(IsValue)).ToList();
        if (anchors.Count == 0)
        {
            // One label under a heading that names the columns, and nothing in them: a row whose cells are all blank.
            if (lines.Count == 1 && Leaves(heading) is { Count: > 1 } named && lines[0].All(w => w.BoundingBox.Right < named[1].Left))
            {
                return ([new Row(lines[0].Max(w => w.BoundingBox.Centroid.Y), new TableRow([string.Concat(lines[0].Select(w => w.Text)), .. named.Skip(1).Select(_ => "")], Exact: true))], named);
            }

            return null;
        }

        // A number cut in its thousands that no line below completes: on the last row, at the foot of a page, its end
        // stands on the next page, and the row is left as printed for the table's reading to join; elsewhere the
        // numbers do not stand in certain columns.
        var cut = anchors.Where(k => lines[k].Any(w => IsValue(w) && CutNumber().IsMatch(w.Text))).ToList();
        if (cut.Count > 0 && (cut is not [var foot] || foot != anchors[^1] || anchors.Count == 1)) return null;
        var numbers = Columns(anchors.SelectMany(k => lines[k].Where(IsValue)));
        var left = numbers[0].Left;
        // The columns the heading names right of the rows' labels ("信息内容" and table 三's note head the labels).
        var labelRight = lines.SelectMany(l => l).Where(w => !IsValue(w) && w.BoundingBox.Right <= left + Tolerance)
            .Select(w => w.BoundingBox.Right).DefaultIfEmpty(double.NegativeInfinity).Max();
        var heads = Leaves(AtColumns(heading, numbers))?.Where(l => l.Left > labelRight - Tolerance).ToList();
        // Which of the table's columns each column of numbers stands in: the heading's, where each is certain
        // (a column no row fills, such as a blank in table 四's one row, is seen only there); else the numbers' own.
        int[] place;
        int width;
        List<(double Left, double Right)>? columns = null;
        if (heads is { Count: > 0 } && heads.Count >= numbers.Count && Place(numbers, heads) is { } placed)
        {
            place = placed;
            width = heads.Count;
            columns = heads;
        }
        else if (carried?.Where(c => c.Left > labelRight - Tolerance).ToList() is { } before && before.Count >= numbers.Count && Within(numbers, before) is { } within)
        {
            // The rest of a table the page before cut, under no heading of its own: its numbers stand in the columns there,
            // those right of the rows' labels (a heading at the page's foot names the labels' column too: "信息内容" over "数量").
            place = within;
            width = before.Count;
            columns = before;
        }
        else if (numbers.Count > anchors.Max(k => lines[k].Count(IsValue)) && !Aligned(numbers, anchors.SelectMany(k => lines[k].Where(IsValue))))
        {
            // Columns that no full row shows, and no heading names, whose numbers are not set alike (a continued
            // table's page holds no heading): the numbers do not stand in certain columns.
            return null;
        }
        else
        {
            place = [.. Enumerable.Range(0, numbers.Count)];
            width = numbers.Count;
        }

        columns ??= numbers;
        var values = new List<string[]>();
        foreach (var k in anchors)
        {
            var cells = new string[width];
            foreach (var word in lines[k].Where(IsValue))
            {
                // A number in none of the columns (they are drawn from these very words, so only an odd glyph box, a
                // letter set askew, leaves one out) stands nowhere certain.
                var at = numbers.FindIndex(col => Overlap((word.BoundingBox.Left, word.BoundingBox.Right), col));
                if (at < 0) return null;
                var c = place[at];
                if (cells[c] is not null) return null;
                cells[c] = word.Text;
            }

            values.Add(cells);
        }

        // A single line of numbers, all there (table 四), reads as well by its gaps; not one whose wrapped numbers were joined.
        if (values.All(v => v.All(c => c is not null)) && printed == 1) return null;

        var labels = lines.Select(l => l.Where(w => !IsValue(w) && w.BoundingBox.Right <= left + Tolerance).ToList()).ToList();
        var itemLeft = ItemLeft(labels);
        List<Word> Item(int k) => labels[k].Where(w => w.BoundingBox.Right > itemLeft + Tolerance).ToList();
        string Text(IEnumerable<Word> words) => string.Concat(words.Select(w => w.Text));
        bool Numbered(int k) => PdfLayout.RowNumbering().IsMatch(Text(Item(k)));

        // Whose label lines are between two rows: the owner of each line.
        var owner = new int[lines.Count];
        Array.Fill(owner, -1);
        foreach (var k in anchors) owner[k] = k;
        double Y(int k) => lines[k].Average(w => w.BoundingBox.Centroid.Y);
        for (var n = 0; n + 1 < anchors.Count; n++)
        {
            int a = anchors[n], b = anchors[n + 1];
            var between = Enumerable.Range(a + 1, b - a - 1).Where(k => Item(k).Count > 0).ToList();
            var numbered = between.FindIndex(Numbered);
            for (var m = 0; m < between.Count; m++)
            {
                var k = between[m];
                owner[k] = numbered >= 0 ? (m < numbered ? a : b)
                    : Numbered(b) ? a
                    : Y(a) - Y(k) <= Y(k) - Y(b) ? a : b;
            }
        }

        // Before the first row, its label's first lines, up to one that begins with a numbering (or, without one, as
        // many as its label has below its numbers, and one more); after the last row, the rest of its label.
        int first = anchors[0], last = anchors[^1];
        var below = Enumerable.Range(first + 1, lines.Count - first - 1).Count(k => owner[k] == first);
        var numberedAbove = Enumerable.Range(0, first).Any(Numbered);
        // A label on the row's own line without a numbering above it is whole ("行政强制" under "行政处罚", whose cell is blank).
        var whole = !numberedAbove && Item(first).Count > 0;
        for (int k = first - 1, taken = 0; k >= 0 && !whole && Item(k).Count > 0 && !Numbered(k + 1) && (numberedAbove || taken <= below); k--, taken++) owner[k] = first;
        // Likewise below the last row: a label of its own line, in a table whose labels are not numbered, is whole ("行政处罚" over "行政强制").
        var numberedTable = Enumerable.Range(0, lines.Count).Any(Numbered);
        var lastWhole = !numberedTable && Item(last).Count > 0;
        for (var k = last + 1; k < lines.Count && !lastWhole && Item(k).Count > 0 && !Numbered(k) && Y(k - 1) - Y(k) < height * 2; k++) owner[k] = last;

        var rows = new List<Row>();
        for (var n = 0; n < anchors.Count; n++)
        {
            var k = anchors[n];
            var label = Text(Enumerable.Range(0, lines.Count).Where(j => owner[j] == k).SelectMany(Item));
            // Numbers without a label in a table whose rows have labels are the ends of numbers wrapped in narrow
            // cells ("1,46" over "5"). Above the first row, under a heading repeated at the head of a page, they end
            // the numbers of the page before's last row, with no label or beside a piece of a merged one ("年度办"
            // of 三、本年度办理结果): a line of their own, for the table's reading to join ("156 … 218" over "1 … 0").
            // Elsewhere which cell each belongs to is not certain here: the reading by gaps says so.
            var outer = Text(labels[k]);
            if (label.Length == 0 && n > 0 && OuterLabels.IsPiece(outer) && !cut.Contains(k) && !cut.Contains(anchors[n - 1])
                && rows.Count > 0 && rows[^1].Block.Exact && JoinedEnds(values[n - 1], values[n]) is { } joined)
            {
                // Beside a piece of a merged label ("年度办" of 三、本年度办理结果), the ends of the row above's numbers, each in
                // its number's column ("147" over "6"), when the row adds up only with them: that row's numbers, whole.
                rows[^1] = rows[^1] with { Block = new TableRow([rows[^1].Block.Cells[0], .. joined], Exact: true) };
                rows.Add(new Row(Y(k), new TableRow([outer], Exact: false)));
                continue;
            }

            if (label.Length == 0 && (outer.Length == 0 || (n == 0 && OuterLabels.IsPiece(outer))) && labels.Any(l => l.Count > 0))
            {
                if (n > 0 || anchors.Count == 1) return null;
                rows.Add(new Row(Y(k), new TableRow([outer, .. lines[k].Where(IsValue).Select(w => w.Text)], Exact: false)));
                continue;
            }

            // A row whose own label column holds nothing is labelled in the group's column ("（一）予以公开" across both).
            if (label.Length == 0) label = outer;

            // A table without labels (table 四) is its numbers alone.
            IEnumerable<string> cells = labels.All(l => l.Count == 0) ? [] : [label];
            if (cut.Contains(k))
            {
                rows.Add(new Row(lines[k].Max(w => w.BoundingBox.Centroid.Y), new TableRow([.. cells, .. lines[k].Where(IsValue).Select(w => w.Text)], Exact: false)));
                continue;
            }

            rows.Add(new Row(lines[k].Max(w => w.BoundingBox.Centroid.Y), new TableRow([.. cells, .. values[n].Select(v => v ?? "")], Exact: true)));
        }

        // Label lines no row took stay lines of their own; under a heading that names the columns, a row whose cells are blank.
        var headed = heads?.Count ?? 0;
        for (var k = 0; k < lines.Count; k++)
        {
            if (owner[k] >= 0 || Item(k).Count == 0) continue;
            rows.Add(new Row(Y(k), headed == width && (k < first || k > last) ? new TableRow([Text(labels[k]), .. Enumerable.Repeat("", width)], Exact: true) : new TableRow([Text(labels[k])], Exact: false)));
        }

        // Each column as far as its numbers and its heading reach, for the page that goes on with the table.
        var reach = columns.ToList();
        for (var n = 0; n < numbers.Count; n++) reach[place[n]] = (Math.Min(reach[place[n]].Left, numbers[n].Left), Math.Max(reach[place[n]].Right, numbers[n].Right));
        return (rows, reach);
    }

    /// <summary>
    /// The column each column of numbers stands in among <paramref name="columns"/> (a table's columns on the page
    /// before), or null unless each overlaps exactly one of them, and no two the same one.
    /// </summary>
    private static int[]? Within(List<(double Left, double Right)> numbers, List<(double Left, double Right)> columns)
    {
        var place = new int[numbers.Count];
        for (var n = 0; n < numbers.Count; n++)
        {
            var hits = Enumerable.Range(0, columns.Count).Where(c => Overlap(numbers[n], columns[c])).ToList();
            if (hits is not [var only] || (n > 0 && only <= place[n - 1])) return null;
            place[n] = only;
        }

        return place;
    }

    /// <summary>
    /// The heading's column each column of numbers stands in (indexes into <paramref name="named"/>, both left to
    /// right in PDF points), or null when one is not certain. A column of numbers stands in the one heading word it
    /// overlaps. Under a heading set to the cell's left over numbers centred in a wide cell (a part of table 二
    /// whose cells span two columns), it overlaps none: it then stands in the heading word left of it, only when
    /// that word is also the nearest by half the distance to any other. Two columns of numbers never share one.
    /// </summary>
    private static int[]? Place(List<(double Left, double Right)> numbers, List<(double Left, double Right)> named)
    {
        static double Distance((double Left, double Right) a, (double Left, double Right) b) =>
            Math.Max(0, Math.Max(a.Left - b.Right, b.Left - a.Right));
        var place = new int[numbers.Count];
        for (var c = 0; c < numbers.Count; c++)
        {
            var over = Enumerable.Range(0, named.Count).Where(n => Overlap(numbers[c], named[n])).ToList();
            if (over.Count > 1) return null;
            if (over.Count == 1)
            {
                place[c] = over[0];
            }
            else
            {
                var leftOf = named.FindLastIndex(n => n.Left <= numbers[c].Left);
                if (leftOf < 0) return null;
                var nearest = Distance(numbers[c], named[leftOf]);
                if (Enumerable.Range(0, named.Count).Any(n => n != leftOf && Distance(numbers[c], named[n]) < nearest * 2)) return null;
                place[c] = leftOf;
            }

            if (c > 0 && place[c] <= place[c - 1]) return null;
        }

        return place;
    }

    /// <summary>
    /// A row of table 三 (seven columns) with the ends of its wrapped numbers joined, each end to the number in its own
    /// column ("147" and "6": 1476), or null unless every end stands under a number (not a lone 0) and makes a number as
    /// written with it, and the row adds up (the six applicants to the total) with the ends and not without them.
    /// </summary>
    private static string[]? JoinedEnds(string?[] row, string?[] ends)
    {
        if (row.Length != 7 || ends.Length != 7 || ends.All(e => e is null)) return null;
        var joined = new string[7];
        for (var c = 0; c < 7; c++)
        {
            if (ends[c] is null)
            {
                joined[c] = row[c] ?? "";
                continue;
            }

            if (row[c] is not { } head || head == "0" || !ends[c]!.All(char.IsAsciiDigit) || ends[c]!.Length > 3
                || !WrappedNumbers.IsWrittenNumber(head + ends[c])) return null;
            joined[c] = head + ends[c];
        }

        return WrappedNumbers.AddsUp(joined) && !WrappedNumbers.AddsUp(row.Select(c => c ?? "").ToList()) ? joined : null;
    }

    /// <summary>
    /// The lines with the numbers that their narrow cells wrapped put back together. A number cut at a thousands
    /// separator ("3,33") is certainly not whole: the digits under it in its column, on the next line or the one
    /// after, are its end when they complete its last group of three (3,338). That line is then the rest of the
    /// row's wrapped cells, so each number on it is the end of the one above it in its column ("446" over "6" is
    /// 4466). The whole number stands on its row's line: of the lines from the cut to its end, the one that holds
    /// a number no wrapping touched, else the first with a label. When a number on that line has no number above
    /// it, or the two do not make one, nothing is joined, and the table is left to the reading by gaps.
    /// </summary>
    private static List<List<Word>> JoinWrapped(List<List<Word>> lines)
    {
        if (!lines.Any(l => l.Any(w => IsValue(w) && CutNumber().IsMatch(w.Text)))) return lines;
        var result = lines.Select(l => l.ToList()).ToList();
        static bool Over(Word a, Word b) => Overlap((a.BoundingBox.Left, a.BoundingBox.Right), (b.BoundingBox.Left, b.BoundingBox.Right));
        for (var k = 0; k < result.Count; k++)
        {
            var cut = result[k].FirstOrDefault(w => IsValue(w) && CutNumber().IsMatch(w.Text));
            if (cut is null) continue;
            var j = Enumerable.Range(k + 1, Math.Min(2, result.Count - k - 1)).FirstOrDefault(n => result[n].Any(w => Over(w, cut)), -1);
            if (j < 0 || result[j].Where(w => Over(w, cut)).ToList() is not [var end] || !TailDigits().IsMatch(end.Text) || !GroupedNumber().IsMatch(cut.Text + end.Text)) continue;

            var pairs = new List<(Word Head, Word Tail)>();
            foreach (var tail in result[j].Where(IsValue))
            {
                var heads = result[k].Where(w => IsValue(w) && Over(w, tail)).ToList();
                if (heads is not [var head] || !TailDigits().IsMatch(tail.Text) || !(GroupedNumber().IsMatch(head.Text + tail.Text) || PlainDigits().IsMatch(head.Text + tail.Text)))
                {
                    pairs.Clear();
                    break;
                }

                pairs.Add((head, tail));
            }

            // Every number cut on the line must have found its end.
            if (pairs.Count == 0 || result[k].Any(w => IsValue(w) && CutNumber().IsMatch(w.Text) && pairs.All(p => p.Head != w))) continue;
            var pieces = pairs.SelectMany(p => new[] { p.Head, p.Tail }).ToHashSet();
            var span = Enumerable.Range(k, j - k + 1).ToList();
            var row = span.Where(n => result[n].Any(w => IsValue(w) && !pieces.Contains(w)))
                .Concat(span.Where(n => result[n].Any(w => !IsValue(w)))).DefaultIfEmpty(k).First();
            result[k].RemoveAll(pieces.Contains);
            result[j].RemoveAll(pieces.Contains);
            result[row].AddRange(pairs.Select(p => new Word([.. p.Head.Letters, .. p.Tail.Letters])));
            result[row].Sort((a, b) => a.BoundingBox.Left.CompareTo(b.BoundingBox.Left));
        }

        return result.Where(l => l.Count > 0).ToList();
    }

    /// <summary>
    /// The lines with the numbers that their narrow cells wrapped, set in the middle of their cells, put back
    /// together. A row's cells centred over its line put a number wrapped over two lines half a line above it and
    /// half a line below ("102" over "一、本年新收…申请数量 800 28 …" over "0"). So a line of numbers just above a
    /// row's line and one as far below it (within a point), each with no label but a group's left of the row's own
    /// ("三、本" beside "（一）予以公开"), whose numbers stand in the same columns one above the other, in columns
    /// the row's line leaves blank, are those pieces: each pair is one number, read top to bottom (1020), on the
    /// row's line. Nothing is joined unless every pair reads as a written number and a row of table 三's seven
    /// cells still adds up; the lines are then left as they are, and the table to the reading by gaps.
    /// </summary>
    private static List<List<Word>> JoinCentred(List<List<Word>> lines, double height)
    {
        static bool Over(Word a, Word b) => Overlap((a.BoundingBox.Left, a.BoundingBox.Right), (b.BoundingBox.Left, b.BoundingBox.Right));
        static double Y(List<Word> line) => line.Average(w => w.BoundingBox.Centroid.Y);
        var result = lines.Select(l => l.ToList()).ToList();
        for (var k = 1; k + 1 < result.Count; k++)
        {
            var row = result[k];
            if (!row.Any(IsValue) || row.LastOrDefault(w => !IsValue(w)) is not { } own) continue;
            // Beside the pieces, only a group's label, left of the row's own ("三、本" "年度办" beside "（一）予以公开").
            bool Pieces(List<Word> line) => line.Any(IsValue) && line.All(w => IsValue(w) || w.BoundingBox.Right <= own.BoundingBox.Left + Tolerance);
            List<Word> above = result[k - 1].Where(IsValue).ToList(), below = result[k + 1].Where(IsValue).ToList();
            if (!Pieces(result[k - 1]) || !Pieces(result[k + 1])) continue;
            double up = Y(above) - Y(row.Where(IsValue).ToList()), down = Y(row.Where(IsValue).ToList()) - Y(below);
            if (up <= 0 || down <= 0 || Math.Abs(up - down) > 1.0 || up > height * 1.2) continue;
            if (above.Count != below.Count) continue;
            var pairs = above.Zip(below).ToList();
            if (pairs.Any(p => !Over(p.First, p.Second) || row.Any(w => IsValue(w) && (Over(w, p.First) || Over(w, p.Second))))) continue;
            var joined = pairs.Select(p => new Word([.. p.First.Letters, .. p.Second.Letters])).ToList();
            if (!joined.All(w => WrappedNumbers.IsWrittenNumber(w.Text))) continue;
            var cells = row.Where(IsValue).Concat(joined).OrderBy(w => w.BoundingBox.Left).Select(w => CountCell.ReadCount(w.Text)).ToList();
            if (cells.Count == ApplicantTypes.Count && (cells.Any(c => c is null) || cells.Take(ApplicantTypes.TotalIndex).Sum() != cells[ApplicantTypes.TotalIndex])) continue;
            result[k] = [.. row, .. joined];
            result[k].Sort((a, b) => a.BoundingBox.Left.CompareTo(b.BoundingBox.Left));
            result[k - 1].RemoveAll(IsValue);
            result[k + 1].RemoveAll(IsValue);
        }

        return result.Where(l => l.Count > 0).ToList();
    }

    /// <summary>
    /// Whether the numbers of each column are set alike (PDF points): all to one left edge, one right edge or one
    /// centre. A column whose numbers are so set is one column, wherever the rows leave it blank.
    /// </summary>
    private static bool Aligned(List<(double Left, double Right)> columns, IEnumerable<Word> numbers)
    {
        var members = numbers.GroupBy(w => columns.FindIndex(c => Overlap((w.BoundingBox.Left, w.BoundingBox.Right), c)));
        static bool Same(IEnumerable<double> xs) => xs.Max() - xs.Min() <= 1.0;
        return members.All(g => Same(g.Select(w => w.BoundingBox.Left)) || Same(g.Select(w => w.BoundingBox.Right))
            || Same(g.Select(w => (w.BoundingBox.Left + w.BoundingBox.Right) / 2)));
    }

    private static bool Overlap((double Left, double Right) a, (double Left, double Right) b) => a.Left < b.Right + 0.5 && b.Left < a.Right + 0.5;

    /// <summary>
    /// The columns a table's heading rows name (PDF points, left to right): the heading's words that no word below
    /// them stands under (a spanning "行政复议" is over five), joined where they overlap (a word wrapped in its cell).
    /// Null when there is no heading.
    /// </summary>
    private static List<(double Left, double Right)>? Leaves(List<List<Word>> heading)
    {
        if (heading.Count == 0) return null;
        var words = heading.SelectMany(l => l).ToList();
        static (double Left, double Right) Span(Word w) => (w.BoundingBox.Left, w.BoundingBox.Right);
        bool Spanning(Word w)
        {
            var under = words.Where(u => u.BoundingBox.Top < w.BoundingBox.Bottom && Overlap(Span(u), Span(w))).ToList();
            return under.Any(u => under.Any(v => !Overlap(Span(u), Span(v))));
        }

        return Columns(words.Where(w => !Spanning(w)));
    }

    /// <summary>
    /// The heading's lines with each word cut at its gaps (a letter more than a tenth of the type's size after the one
    /// before: pdftotext breaks words there too): cells set with hardly any padding (WeasyPrint) run their headings
    /// together, "本年废止件数" and "现行有效件数" 1.5 pt apart in one word, and the second column would go unnamed. A word
    /// is cut at every gap when each piece holds two letters or more; a heading spread over its cell a letter apart
    /// ("总  计") is then cut only where a piece begins at a column of numbers' left edge (within the tolerance).
    /// </summary>
    private static List<List<Word>> AtColumns(List<List<Word>> heading, List<(double Left, double Right)> numbers)
    {
        IEnumerable<Word> Cut(Word word)
        {
            var letters = word.Letters;
            var gaps = Enumerable.Range(1, Math.Max(0, letters.Count - 1)).Where(i =>
                Math.Max(letters[i - 1].PointSize, letters[i].PointSize) is var size && size > 0
                && letters[i].StartBaseLine.X - letters[i - 1].EndBaseLine.X > size * 0.1).ToList();
            if (gaps.Count == 0) return [word];
            var bounds = gaps.Prepend(0).Append(letters.Count).ToList();
            if (bounds.Zip(bounds.Skip(1)).Any(b => b.Second - b.First < 2))
            {
                gaps = gaps.Where(i => numbers.Exists(c => Math.Abs(c.Left - letters[i].BoundingBox.Left) <= Tolerance)).ToList();
                bounds = gaps.Prepend(0).Append(letters.Count).ToList();
            }

            return bounds.Zip(bounds.Skip(1)).Select(b => new Word(letters.Skip(b.First).Take(b.Second - b.First).ToList())).ToList();
        }

        return heading.Select(line => line.SelectMany(Cut).ToList()).ToList();
    }

    /// <summary>
    /// The columns of a table's numbers (PDF points, left to right): the numbers' extents, joined where they overlap.
    /// </summary>
    private static List<(double Left, double Right)> Columns(IEnumerable<Word> numbers)
    {
        var columns = new List<(double Left, double Right)>();
        foreach (var (l, r) in numbers.Select(w => (w.BoundingBox.Left, w.BoundingBox.Right)).OrderBy(e => e.Left))
        {
            if (columns.Count > 0 && l < columns[^1].Right + 0.5) columns[^1] = (columns[^1].Left, Math.Max(columns[^1].Right, r));
            else columns.Add((l, r));
        }

        return columns;
    }

    /// <summary>
    /// Where the rows' own labels begin (PDF points): the left of most labels that begin with an item's
    /// numbering ("1." "2、"); a group's label stands left of it. The table's left when no label is numbered so.
    /// </summary>
    private static double ItemLeft(List<List<Word>> labels)
    {
        var lefts = labels.Where(l => l.Count > 0).Select(l => l.SkipWhile(w => !ItemNumbering().IsMatch(w.Text)).FirstOrDefault())
            .Where(w => w is not null).Select(w => Math.Round(w!.BoundingBox.Left / 2) * 2).ToList();
        if (lefts.Count < 2)
        {
            // No items numbered so: where a line holds two labels apart, the right one is its row's own.
            var inner = labels.Where(l => l.Count >= 2 && l[^1].BoundingBox.Left - l[^2].BoundingBox.Right > Tolerance * 2).Select(l => l[^1].BoundingBox.Left).ToList();
            return inner.Count == 0 ? double.MinValue : inner.Min() - Tolerance * 2;
        }

        return lefts.GroupBy(x => x).OrderByDescending(g => g.Count()).First().Key - Tolerance * 2;
    }

    // A number cut inside its thousands ("1,46" of "1,465").
    [GeneratedRegex(@"^\d{1,3}(?:,\d{3})*,\d{0,2}$")]
    private static partial Regex CutNumber();

    // The end of a number wrapped after its thousands separator: the rest of its last group.
    [GeneratedRegex(@"^\d{1,3}$")]
    private static partial Regex TailDigits();

    [GeneratedRegex(@"^\d{1,3}(?:,\d{3})+$")]
    private static partial Regex GroupedNumber();

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex PlainDigits();

    [GeneratedRegex(@"^\s*(?:[0-9０-９]+\s*[.．、]|[0-9０-９]\s*[)）](?=\s?[\u4e00-\u9fff“])|[0-9０-９]\s?[，,:：](?=\s?[\u4e00-\u9fff]))")]
    private static partial Regex ItemNumbering();
}
