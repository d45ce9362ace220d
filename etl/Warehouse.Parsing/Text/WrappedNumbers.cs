using System.Text.RegularExpressions;
using Warehouse.Core;

namespace Warehouse.Parsing.Text;

/// <summary>
/// Puts back numbers that a narrow table cell wrapped over lines in text laid out by columns
/// (<c>pdftotext -layout</c>): "116" on the line above a row and "1" on the line below, in the
/// same column, are the cell "1161"; "11" above and "件" below are "11件". A line of a few numbers
/// next to a row of numbers is taken apart by column: a piece over a number of the row joins it
/// (above: before it; below: after it), a piece over no number is a cell of its own, joined with the
/// piece in the same column on the other side. A line of pieces that could belong to the row above
/// or to the row below, and that no column decides, is left alone (the table then reports cells it
/// cannot place, and no number is guessed).
/// </summary>
internal static partial class WrappedNumbers
{
    private sealed record Token(int Start, int End, string Text)
    {
        public bool Overlaps(Token other) => Start <= other.End + 1 && other.Start <= End + 1;
    }

    /// <summary>The lines with wrapped numbers joined to their rows.</summary>
    /// <param name="lines">The text's lines, each page's first line after a form feed (PlainTextLayout).</param>
    /// <returns>
    /// The lines so joined, each page's first line after a <see cref="PageMark"/> in place of its form feed: for
    /// <see cref="BlankCells.Apply"/>, which takes the marks away.
    /// </returns>
    public static string[] Apply(string[] lines)
    {
        // Only text laid out by columns has runs of spaces between words; a markdown row's empty cell ("| 0 |  |") is no such run.
        if (!lines.Any(l => l.Contains("  ", StringComparison.Ordinal) && l.IndexOf('\t') < 0 && !l.AsSpan().TrimStart().StartsWith("|") && MultipleSpaces().IsMatch(l))) return Unmarked(lines, keepPages: true);
        var tokens = lines.Select(Tokens).ToArray();
        // The passes run in this order, each on the lines the one before it wrote:
        // 1. a label between its row's two lines of wrapped cells, first: the next pass joins a line of
        //    ends into the line above it, which would take the ends this pass pairs across the label;
        // 2. a row's ends with their units on a line of their own ("6件  6件  件  件");
        // 3. a row whose cells stand at two heights (LibreOffice centres each cell on its own);
        // 4. a row at two heights around its own label (a browser's print);
        // then, below, pieces above and below a row, and the ends of numbers cut at their thousands.
        // Before them all, a row at three heights: its lines would each look like one of theirs.
        if (WithThreeHeightsJoined(lines, tokens) is { } three)
        {
            lines = three;
            tokens = lines.Select(Tokens).ToArray();
        }

        if (WithLabelBetweenPiecesJoined(lines, tokens) is { } around)
        {
            lines = around;
            tokens = lines.Select(Tokens).ToArray();
        }

        if (WithUnitsJoined(lines, tokens) is { } finished)
        {
            lines = finished;
            tokens = lines.Select(Tokens).ToArray();
        }

        if (WithSplitRowsJoined(lines, tokens) is { } joined)
        {
            lines = joined;
            tokens = lines.Select(Tokens).ToArray();
        }

        if (WithHalvesAroundLabelJoined(lines, tokens) is { } halves)
        {
            lines = halves;
            tokens = lines.Select(Tokens).ToArray();
        }

        // A page's first line holds a form feed for a space (PlainTextLayout): where a page begins.
        var pageHead = lines.Select(l => l.StartsWith('\f')).ToArray();
        lines = Unmarked(lines);
        var unmarked = lines;
        var isData = tokens.Select(t => t.Count(x => IsNumber(x.Text)) >= 3).ToArray();
        // A line of pieces: a few numbers or units, after a fragment of a label at most ("三、本  1896  2550").
        var labels = new string[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            var first = tokens[i].FindIndex(x => IsNumber(x.Text) || IsUnit(x.Text));
            if (first <= 0) continue;
            labels[i] = lines[i][..tokens[i][first].Start].TrimEnd();
            tokens[i] = tokens[i].Skip(first).ToList();
        }

        bool HasLabel(int i) => !string.IsNullOrWhiteSpace(labels[i]);
        var pieceShaped = tokens.Select((t, i) => t.Count is > 0 and <= 4 && lines[i].IndexOf('\t') < 0
            && t.All(x => (IsNumber(x.Text) && x.Text.Count(char.IsAsciiDigit) <= 4) || IsUnit(x.Text))).ToArray();

        // Three or four short numbers alone on a line (or beside a piece of a group's wrapped label,
        // "三、本  1,42  275  247"), next to a row of the table whose columns
        // they complete, are that row's wrapped cells, not a row: "116  1,37  284" over
        // "一、本年新收…  —  33  169  102" and "7  0  1" under it (1167, 1,370, 2841). See Completes
        // for when they complete it.
        var firm = isData.Select((d, i) => d && !(pieceShaped[i] && (!HasLabel(i) || GroupFragment(labels[i])))).ToArray();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!isData[i] || firm[i]) continue;
            if ((i > 1 && firm[i - 1] && Completes(tokens[i], tokens[i - 1], pieceShaped[i - 2] ? tokens[i - 2] : [], above: false))
                || (i + 2 < lines.Length && firm[i + 1] && Completes(tokens[i], tokens[i + 1], pieceShaped[i + 2] ? tokens[i + 2] : [], above: true)))
            {
                isData[i] = false;
            }
        }

        // A piece may stand beside a fragment of a label: a short one of any row ("三、本"), or the
        // label lines of a row whose own line holds only numbers or a short fragment of a group's
        // label, when the fragment ends before them ("3.要求提供公开出版   74" over "—  0  —  58  —  132",
        // "4.保护第三方合法权   20" over "（三）不予   14  —  3  1件  2  —").
        // A whole label of table 二 ("行政许可  91  /", its third cell blank) is a row's, however short.
        var longLabel = labels.Select(l => l is not null && (l.Trim().Length > 6 || BlankCells.IsActiveLabel(l))).ToArray();
        bool LabelFree(int r) => r >= 0 && r < lines.Length && isData[r] && !longLabel[r] && tokens[r].Count > 0;
        bool BesideBareRow(int i, int r) => LabelFree(r) && labels[i].Length < tokens[r][0].Start;
        var isPiece = tokens.Select((t, i) => !isData[i] && pieceShaped[i]
            && (!longLabel[i] || BesideBareRow(i, i - 1) || BesideBareRow(i, i + 1))).ToArray();
        if (!isPiece.Any(p => p)) return [.. unmarked.Select((l, i) => pageHead[i] ? PageMark + l : l)];

        // Which row each line of pieces belongs to: +1 the row below it, -1 the row above, 0 neither.
        var owner = new int[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            if (!isPiece[i]) continue;
            var up = i > 0 && isData[i - 1] && (!longLabel[i] || BesideBareRow(i, i - 1)) ? i - 1 : -1;
            var down = i + 1 < lines.Length && isData[i + 1] && (!longLabel[i] || BesideBareRow(i, i + 1)) ? i + 1 : -1;
            owner[i] = (up, down) switch
            {
                (< 0, < 0) => 0,
                (>= 0, < 0) => -1,
                (< 0, >= 0) => tokens[i].All(t => IsUnit(t.Text)) ? 0 : 1,
                _ => ByArithmetic(tokens[i], tokens, lines, up, down, pageHead[i]) ?? Decide(tokens[i], tokens, up, down, isPiece),
            };
            // A row's own label and numbers that add up ("1.属于国家秘密        0        0", its zeros typed as nothing) beside
            // a line of numbers that adds up too ("9        0    0      9" under (二)'s wrapped label) are two rows, whichever
            // holds the label.
            // So are two lines that each open a row of their own ("（七）总计  20      0  0  0  1  21" over "四、结转下年度继续办理  0").
            var next = owner[i] == -1 ? up : owner[i] == 1 ? down : -1;
            // A row's label, not a piece of a group's merged one ("（三）不予" beside "4.保护第三方合法权"'s numbers).
            bool Opens(int k) => HasLabel(k) && RowNumbering.StartsRow(labels[k].Trim()) && !RowNumbering.OpensGroup(labels[k]);
            // And a row's own label opens no wrapped ends of the row above ("1.属于国家秘密   0" under "9  0  0  0  0  0  9"
            // is no 90): those stand within that row's height, above the next row's label.
            if (next >= 0 && ((Opens(i) && (Opens(next) || owner[i] == -1)) || ((Opens(i) || Opens(next)) && SumsToLast(tokens[i]) && SumsToLast(tokens[next])))) owner[i] = 0;
        }

        var consumed = new bool[lines.Length];
        var rebuilt = new string?[lines.Length];
        for (var j = 0; j < lines.Length; j++)
        {
            if (!isData[j] || lines[j].Contains('\t')) continue;
            var above = j > 0 && isPiece[j - 1] && owner[j - 1] == 1 ? tokens[j - 1] : null;
            var below = j + 1 < lines.Length && isPiece[j + 1] && owner[j + 1] == -1 ? tokens[j + 1] : null;
            var row = tokens[j].Where(t => IsNumber(t.Text)).ToList();
            if (above is null && below is null) continue;

            // The head of the next page is laid out afresh, and a column there may stand over another cell of the
            // row: pieces past a break join a row of table 三 by their columns only if the row then adds up. Else
            // they stay a line of their own, which the extractor places by the arithmetic (JoinWrappedEnds).
            if (below is not null && pageHead[j + 1] && row.Count == Cells && JoinPieces(row, above, below, tokens, lines, j) is var across && !AddsUp(across))
            {
                below = null;
                if (above is null) continue;
            }

            rebuilt[j] = lines[j][..Math.Min(row.Count > 0 ? row[0].Start : lines[j].Length, lines[j].Length)].TrimEnd() + "  " + string.Join("  ", JoinPieces(row, above, below, tokens, lines, j));
            if (above is not null) consumed[j - 1] = true;
            if (below is not null) consumed[j + 1] = true;
        }

        var result = new List<string>(lines.Length);
        // A page's head whose line was consumed whole passes to the next line kept.
        var head = false;
        for (var i = 0; i < lines.Length; i++)
        {
            head |= pageHead[i];
            // A consumed line keeps its fragment of a label, which the rows' labels are read from.
            var kept = !consumed[i] ? rebuilt[i] ?? lines[i] : string.IsNullOrWhiteSpace(labels[i]) ? null : labels[i];
            if (kept is null) continue;
            result.Add(head ? PageMark + kept : kept);
            head = false;
        }

        return result.ToArray();
    }

    // A page's first line holds a form feed for its first space, or before it (PlainTextLayout.WithoutPageFurniture): the lines
    // with a space for it, so that no column moves.
    // keepPages: with a PageMark before each page's first line, for BlankCells.
    private static string[] Unmarked(string[] lines, bool keepPages = false) =>
        lines.Any(l => l.StartsWith('\f')) ? lines.Select(l => l.StartsWith('\f') ? (keepPages ? PageMark + " " : " ") + l[1..] : l).ToArray() : lines;

    /// <summary>
    /// Stands before the first line of each page in the lines <see cref="Apply"/> returns (a noncharacter, U+FDD2, so never
    /// a character of the text itself, and no column: BlankCells places a page's rows by that page's own columns, and takes
    /// it away).
    /// </summary>
    public const char PageMark = '\uFDD2';

    /// <summary>
    /// The cells of the row on line <paramref name="j"/>, in their columns' order, with the pieces above it (each
    /// before the number it stands over) and below it (each after the number, or the free piece, it stands under).
    /// </summary>
    private static List<string> JoinPieces(List<Token> row, List<Token>? above, List<Token>? below, List<Token>[] tokens, string[] lines, int j)
    {
        var cells = row.Select(t => (t.Start, t.End, Text: t.Text)).ToList();
        var free = new List<Token>();
        foreach (var piece in above ?? [])
        {
            var k = cells.FindIndex(c => new Token(c.Start, c.End, c.Text).Overlaps(piece));
            // A piece over a number that has its unit ("4件"), with a unit alone under it ("10" over "4件" over "件"), is
            // a cell of its own centred on the row ("10件"), not the number's start: the number ended with its unit.
            var centred = k >= 0 && cells[k].Text.Length > 1 && IsUnit(cells[k].Text[^1].ToString())
                && below is not null && below.Any(b => IsUnit(b.Text) && b.Overlaps(piece));
            if (k >= 0 && !centred && !WrittenNumber().IsMatch(piece.Text + cells[k].Text) && WrittenNumber().IsMatch(piece.Text))
            {
                // A whole number over a cell it cannot start ("146" over "无"): a cell of the row set a line higher, beside
                // its label, whose wide characters shifted it onto the column below. Which of the two comes first the
                // columns cannot tell: both go out, marked (StackMark), for the table's arithmetic to order.
                cells[k] = (cells[k].Start, cells[k].End, piece.Text + " " + StackMark + " " + cells[k].Text);
            }
            else if (k >= 0 && !centred) cells[k] = (cells[k].Start, cells[k].End, piece.Text + cells[k].Text);
            else free.Add(piece);
        }

        // Numbers cut at their thousands ("1,71", "2,74") end on the line below. When it holds as many pieces as the
        // row has such numbers, each is the end of one, in order ("9", "3": 1,719 and 2,743), wherever pdftotext set
        // it: the wide Chinese characters of a row's label shift its columns against the line under it, and "3"
        // stood under "57", the cell before "2,74".
        var cut = cells.Select((c, i) => (c.Text, i)).Where(x => CutAtThousands().IsMatch(x.Text)).Select(x => x.i).ToList();
        if (below is not null && cut.Count > 0 && below.Count == cut.Count && below.All(p => !IsUnit(p.Text))
            && cut.Zip(below).All(x => WrittenNumber().IsMatch(cells[x.First].Text + x.Second.Text)))
        {
            foreach (var (i, piece) in cut.Zip(below)) cells[i] = (cells[i].Start, cells[i].End, cells[i].Text + piece.Text);
            below = [];
        }

        foreach (var piece in below ?? [])
        {
            var f = free.FindIndex(x => x.Overlaps(piece));
            var k = cells.FindIndex(c => new Token(c.Start, c.End, c.Text).Overlaps(piece));
            if (k < 0 && f < 0) k = GridColumn(piece, tokens, lines, j, cells.Count);
            if (f >= 0) free[f] = free[f] with { Text = free[f].Text + piece.Text };
            // A whole cell under one it cannot end ("无" under "无", "146" under "—"): a cell of the row set a line
            // lower, both marked for the table's arithmetic to order, as over it.
            else if (k >= 0 && IsWholeCell(piece.Text) && !WrittenNumber().IsMatch(cells[k].Text + piece.Text))
            {
                cells[k] = (cells[k].Start, cells[k].End, cells[k].Text + " " + StackMark + " " + piece.Text);
            }
            else if (k >= 0) cells[k] = (cells[k].Start, cells[k].End, cells[k].Text + piece.Text);
            else free.Add(piece);
        }

        // Units are not cells: a unit that found no number stays out of the row.
        cells.AddRange(free.Where(t => !IsUnit(t.Text)).Select(t => (t.Start, t.End, t.Text)));
        return cells.OrderBy(c => c.Start).Select(c => c.Text).ToList();
    }

    /// <summary>
    /// Joins the ends of a row's numbers that a narrow column wrapped with their unit onto a line
    /// below ("3,62  1,02  49  203" over the label, then "6件  6件  件  件"): every cell of the row
    /// wrapped, so the ends are a line of their own, as many as the row has cells. The line is
    /// taken as the row's ends when it holds only pieces (up to four digits, a unit, or both) after
    /// a piece of a group's label at most, a unit alone among them (which can only end a number),
    /// each standing under one number of the nearest line of numbers above (a line without
    /// numbers, the row's label, may lie between; or a row at two heights, one number beside its
    /// label and its other six on the line above) and making with it a number as written ("3,62"
    /// and "6件": 3,626件). Null when no line is such.
    /// </summary>
    private static string[]? WithUnitsJoined(string[] lines, List<Token>[] tokens)
    {
        string[]? result = null;
        for (var u = 2; u < lines.Length; u++)
        {
            var first = tokens[u].FindIndex(t => IsPiece(t.Text));
            if (first < 0) continue;
            var ends = tokens[u].Skip(first).ToList();
            if (ends.Count < 3 || !ends.All(t => IsPiece(t.Text)) || !ends.Any(t => IsUnit(t.Text))) continue;
            // A piece of a group's wrapped label may stand before them ("年度办  3  件  件  件  件  5").
            var prefix = lines[u][..ends[0].Start].TrimEnd();
            if (prefix.Length > 0 && !GroupFragment(prefix)) continue;
            // The row's numbers: on the nearest line with numbers above, and on the line above that
            // when the row's cells stand at two heights ("三、本  203 … 2,72" over "（一）予以公开  85").
            var rows = new List<int>();
            for (var r = u - 1; r >= Math.Max(0, u - 2) && rows.Sum(x => tokens[x].Count(t => IsNumber(t.Text))) < ends.Count; r--)
            {
                if (tokens[r].Any(t => IsNumber(t.Text))) rows.Add(r);
                else if (tokens[r].Any(t => IsUnit(t.Text))) break;
            }

            var numbers = rows.SelectMany(r => tokens[r].Where(t => IsNumber(t.Text)).Select(t => (Line: r, Token: t))).ToList();
            if (numbers.Count < ends.Count || numbers.Any(a => numbers.Any(b => a.Line != b.Line && a.Token.Overlaps(b.Token)))) continue;
            // Two lines only as a row at two heights (its seven cells, some beside its label and the
            // rest on the line above), which WithSplitRowsJoined then puts together.
            if (rows.Count == 2 && numbers.Count != Cells) continue;
            var joins = new Dictionary<(int Line, Token Token), string>();
            foreach (var end in ends)
            {
                var over = numbers.Where(n => n.Token.Overlaps(end)).ToList();
                if (over.Count != 1 || joins.ContainsKey(over[0]) || !WrittenNumber().IsMatch(over[0].Token.Text + end.Text)) break;
                joins[over[0]] = over[0].Token.Text + end.Text;
            }

            var inOrder = false;
            if (joins.Count != ends.Count && numbers.Count == Cells && ends.Count <= Cells)
            {
                // The ends stand under other columns than their numbers': a page break between them laid the ends out
                // afresh ("141  42 … 1,83" at a page's foot, "2件  件 … 9件" at the next one's head), or the wide
                // characters of the row's label shifted its columns ("（七）总计  164  1,55 … 3,51" over "3  6  件 … 5件").
                // The ends keep their order: each way of giving them to as many of the row's numbers, in order, where
                // every join is a number as written, no number cut at its thousands is left without its end, and the
                // row adds up. Taken when every such way reads the same seven values (a unit may go to either of two
                // numbers and change no value).
                // A row at two heights gives its numbers in its columns' order, as below; an end may then stand between
                // two of them ("8件" under "256" and "1,57" of "256  1,57 …" over "一、本年新收…  6件 …").
                joins.Clear();
                inOrder = true;
                var ordered = numbers.OrderBy(n => n.Token.Start).ToList();
                if (OrderedJoins(ordered.Select(n => n.Token.Text).ToList(), ends.Select(e => e.Text).ToList()) is { } picked)
                {
                    for (var k = 0; k < ends.Count; k++) joins[ordered[picked[k]]] = ordered[picked[k]].Token.Text + ends[k].Text;
                }
            }

            if (joins.Count != ends.Count) continue;
            // With more than one number beside the label the two lines' numbers interleave: their
            // order by column is the row only if the cells, so joined, add up (six columns to the total).
            if (rows.Count == 2 && tokens[rows[0]].Count(t => IsNumber(t.Text)) != 1
                && !AddsUp(numbers.OrderBy(n => n.Token.Start).Select(n => joins.GetValueOrDefault(n, n.Token.Text)).ToList())) continue;
            result ??= [.. lines];
            if (rows.Count == 2 && inOrder)
            {
                // Ends given out in order to a row at two heights: the joined numbers no longer keep their columns, so the
                // row is written whole on its label's line, in its columns' order, and the other line goes.
                string Before(int r) => lines[r][..tokens[r].First(t => IsNumber(t.Text)).Start];
                var (own, other) = string.IsNullOrWhiteSpace(Before(rows[1])) ? (rows[0], rows[1]) : (rows[1], rows[0]);
                result[own] = Before(own).TrimEnd() + "  "
                    + string.Join("  ", numbers.OrderBy(n => n.Token.Start).Select(n => joins.GetValueOrDefault(n, n.Token.Text)));
                result[other] = "";
                result[u] = prefix;
                continue;
            }

            foreach (var r in rows)
            {
                var row = tokens[r];
                var line = new System.Text.StringBuilder(lines[r][..row[0].Start]);
                foreach (var t in row)
                {
                    var text = joins.GetValueOrDefault((r, t), t.Text);
                    // A joined number may reach the next one's column: "981" then "105件", never "981105件".
                    if (line.Length > t.Start || (line.Length == t.Start && t != row[0])) line.Append("  ");
                    else line.Append(' ', t.Start - line.Length);
                    line.Append(text);
                }

                result[r] = line.ToString();
            }

            result[u] = prefix;
        }

        return result;
    }

    /// <summary>
    /// Joins a row whose cells stand at two heights: LibreOffice centres each cell of a row on its
    /// own, so the cells that wrap ("2075件" as "2075" over "件") start a line higher than those that
    /// fit, and pdftotext prints the row as "一、本年新收…  2075  1,288  4,432" over
    /// "204 件  142 件  211 件  512 件". Read line by line the numbers come out of their columns' order
    /// (2075, 1,288, 4,432, 204 …); the line of numbers is put into the row's line at its columns
    /// when the row has a label and no number cut at its thousands ("2,01", whose end is a piece),
    /// the line has three numbers or more and no label, no number of one stands over a number of
    /// the other, no other line of numbers lies beyond it, and it is not wrapped pieces (four
    /// numbers at most, with more pieces on the row's other side).
    /// </summary>
    private static string[]? WithSplitRowsJoined(string[] lines, List<Token>[] tokens)
    {
        string[]? result = null;
        var joinedInto = new bool[lines.Length];
        for (var r = 0; r < lines.Length; r++)
        {
            var row = tokens[r];
            var firstNumber = row.FindIndex(t => IsNumber(t.Text));
            if (firstNumber <= 0 || row.Skip(firstNumber).Any(t => !IsNumber(t.Text) && !IsUnit(t.Text))) continue;
            var own = row.Skip(firstNumber).Count(t => IsNumber(t.Text));
            // A number cut at its thousands ("2,01") waits for its end, not for other cells.
            if (row.Any(t => CutAtThousands().IsMatch(t.Text))) continue;
            var labelEnd = row[firstNumber - 1].End;
            var numbers = row.Skip(firstNumber).ToList();
            foreach (var n in (int[])[r + 1, r - 1])
            {
                if (n < 0 || n >= lines.Length || joinedInto[n]) continue;
                var line = tokens[n];
                // The line may open with a piece of a group's label in its merged cell ("（五）不予  /  4  /  /" under
                // "3.要求提供公开出版  34件  204件  242件"): then only if its numbers complete the row's seven and they add up.
                var piece = GroupPieceBefore(line);
                // Not a row's own label ("（七）总计  20  0      0  0  1  21" over "四、结转下年度继续办理  0", zeros typed as
                // nothing): two rows.
                if (piece > 0 && OwnRowOpening().IsMatch(line[0].Text)) continue;
                if (piece > 0)
                {
                    var cells = line.Skip(piece).ToList();
                    if (own + cells.Count != Cells || !cells.All(t => IsNumber(t.Text)) || cells[0].Start <= labelEnd + 1
                        || !AddsUp(numbers.Concat(cells).Where(t => IsNumber(t.Text)).OrderBy(t => t.Start).Select(t => t.Text).ToList())) continue;
                    line = cells;
                }

                if (line.Count(t => IsNumber(t.Text)) < 3 || !line.All(t => IsNumber(t.Text) || IsUnit(t.Text)) || line[0].Start <= labelEnd + 1) continue;
                // A row with one number of its own beside the label takes a line that completes its seven cells.
                if (own < 2 && (own < 1 || own + line.Count(t => IsNumber(t.Text)) != Cells)) continue;
                // A line between two rows of numbers may be the other row's pieces.
                var beyond = n > r ? n + 1 : n - 1;
                if (beyond >= 0 && beyond < lines.Length && tokens[beyond].Any(t => IsNumber(t.Text))) continue;
                if (line.Any(t => numbers.Any(x => x.Overlaps(t)))) continue;
                // Short of seven cells even together, in a table that leaves zeros blank, two lines that each add up (their
                // last number the sum of the others) are two rows: "9        0    0      9" under (二)'s wrapped label, over
                // "1.属于国家秘密        0        0", not 1.'s row at two heights.
                var count = line.Count(t => IsNumber(t.Text));
                if (own + count < Cells && SumsToLast(numbers) && SumsToLast(line)) continue;
                // A line of numbers above a row that opens its own label, itself under the label of a row that waits for its
                // numbers ("（二）部分公开（…" / "计其他情形）" / "9  0  0        9" / "1.属于国家秘密      0  0  0"), is that row's.
                if (n == r - 1 && RowNumbering.StartsRow(lines[r][..row[firstNumber].Start].Trim()) && WaitingLabelAbove(n)) continue;
                var other = n > r ? r - 1 : r + 1;
                var wrapped = line.Count(t => IsNumber(t.Text)) <= 4 && other >= 0 && other < lines.Length
                    && tokens[other] is { Count: > 0 } o && o.All(t => IsNumber(t.Text) || IsUnit(t.Text));
                // (A line beside a group's piece was taken only if the row adds up with it: the sums have decided.)
                if (wrapped && piece == 0) continue;
                var buffer = lines[r].PadRight(Math.Max(lines[r].Length, lines[n].Length)).ToCharArray();
                foreach (var t in line) t.Text.CopyTo(0, buffer, t.Start, t.Text.Length);
                result ??= [.. lines];
                result[r] = new string(buffer).TrimEnd();
                if (piece > 0) result[n] = lines[n][..line[0].Start].TrimEnd();
                else joinedInto[n] = true;
                break;
            }
        }

        return result?.Where((_, i) => !joinedInto[i]).ToArray();

        // Whether the nearest line with text above line k holds words and no number: a label that waits for its numbers.
        bool WaitingLabelAbove(int k)
        {
            for (var j = k - 1; j >= 0; j--)
            {
                if (tokens[j].Count == 0) continue;
                return !tokens[j].Any(t => IsNumber(t.Text));
            }

            return false;
        }
    }

    /// <summary>
    /// Joins a row that pdftotext printed at two heights with its own label between them: a browser's
    /// print sets a cell's digits in another font than its Chinese, on another baseline, so a wrapped
    /// label's row comes out as "要求行政机关确认或重新出具已获 0" / "5." / "取信息   0  0  0  0  0  0"
    /// (the first cell beside the label's first line, the other six beside its last). The numbers
    /// are put on the upper line, the lower line keeps its piece of the label. Joined only when the
    /// two lines' numbers together are the seven cells of a row of table 三, each number of the
    /// upper line stands left of every number of the lower, the lines between hold no number, the
    /// lower line's label starts no row ("1." "（二）"), and the seven cells add up: the six columns
    /// to the total. Neither line alone holds seven cells, so nothing is read without the join but
    /// two rows that fail.
    /// </summary>
    private static string[]? WithHalvesAroundLabelJoined(string[] lines, List<Token>[] tokens)
    {
        string[]? result = null;
        for (var r = 0; r < lines.Length; r++)
        {
            var upper = Numbers(tokens[r], lines[r]);
            if (upper is null || upper.Count is < 1 or > 3) continue;
            for (var n = r + 1; n <= Math.Min(lines.Length - 1, r + 2); n++)
            {
                if (n == r + 2 && tokens[r + 1].Any(t => t.Text.Any(char.IsAsciiDigit) && !RowNumbering.IsAlone(t.Text))) break;
                var lower = Numbers(tokens[n], lines[n]);
                if (lower is null) continue;
                var label = lines[n][..lower[0].Start].Trim();
                // The row's numbering, and its group's, may open the lower line instead ("要求提供公开0  0" over
                // "（ 五 ）3.出版物  0  0  0  0  0"): then the upper line's words, which start no row, go after it.
                var numbered = n == r + 1 && RowNumbering.StartsRow(label) && RowNumbering.Prefix(label) is > 0 and var prefix
                    && prefix < label.Length && lines[r][..upper[0].Start].Trim() is { Length: > 1 } words && !RowNumbering.StartsRow(words)
                    && !words.Any(char.IsAsciiDigit)
                    ? label[..prefix].TrimEnd() + words + label[prefix..]
                    : null;
                if (upper.Count + lower.Count != Cells || label.Length == 0 || (RowNumbering.StartsRow(label) && numbered is null)) break;
                if (upper[^1].End >= lower[0].Start) break;
                if (!AddsUp(upper.Concat(lower).Select(t => t.Text).ToList())) break;
                result ??= [.. lines];
                // A first cell set against the label's last word ("属于国家秘374") gets its space.
                var upperText = upper[0].Start > 0 && lines[r][upper[0].Start - 1] != ' ' ? lines[r][..upper[0].Start] + " " + lines[r][upper[0].Start..] : lines[r];
                var line = new System.Text.StringBuilder(numbered is null ? upperText.TrimEnd() : lines[r][..(lines[r].Length - lines[r].TrimStart().Length)] + numbered + " ");
                if (numbered is not null)
                {
                    foreach (var t in upper) line.Append(' ', Math.Max(1, t.Start - line.Length)).Append(t.Text);
                }
                // A numbering alone between the halves is this row's ("危及“三安 0" / "3." / "全一稳定”  0 0 …"): it opens
                // the label, whose two pieces go together on the upper line, so that a narrow label is read whole.
                var numbering = n == r + 2 && RowNumbering.IsAlone(lines[r + 1]);
                if (numbering)
                {
                    var indent = lines[r].Length - lines[r].TrimStart().Length;
                    var (head, tail) = WithoutGroupPieces(lines[r][indent..upper[0].Start].Trim(), label);
                    line = new System.Text.StringBuilder(new string(' ', indent) + lines[r + 1].Trim() + head + tail + " ");
                    foreach (var t in upper) line.Append(' ', Math.Max(1, t.Start - line.Length)).Append(t.Text);
                }

                foreach (var t in lower)
                {
                    if (line.Length >= t.Start) line.Append("  ");
                    else line.Append(' ', t.Start - line.Length);
                    line.Append(t.Text);
                }

                result[r] = line.ToString();
                result[n] = numbering || numbered is not null ? "" : lines[n][..lower[0].Start].TrimEnd();
                if (numbering) result[r + 1] = "";
                break;
            }
        }

        return result;

        // A group's merged label set one space before the halves' words in a narrow print ("（三）不予 属于国家秘" over
        // "公开 密"), or spaced out and glued to them ("（ 五 ）信访举报投" over "不 予 处 诉类申请"): the row's own words
        // without it.
        static (string Head, string Tail) WithoutGroupPieces(string head, string tail)
        {
            if (LeadingPiece(head, "") is not var (piece, words)) return (head, tail);
            return (words, LeadingPiece(tail, piece) is var (_, rest) ? rest : tail);
        }

        // The longest piece of a group's label at the text's start that goes on `before` ("" for none), with words after it:
        // a word before a space, or characters spaced out one space apart (two at least), the last glued to the words or not;
        // going on a piece, any of the first word's first characters.
        static (string Piece, string Words)? LeadingPiece(string text, string before)
        {
            var ends = new List<int>();
            for (var i = 0; i < text.Length && text[i] != ' ' && !char.IsAsciiDigit(text[i]); i += 2)
            {
                if (i > 0) ends.Add(i + 1);
                if (i + 2 >= text.Length || text[i + 1] != ' ' || text[i + 2] == ' ') break;
            }

            var space = text.IndexOf(' ');
            if (space > 0) ends.Add(space);
            // Going on a piece, its last characters may be glued to the words ("开密" under "（ 三 ） 不 予 公 属于国家秘").
            for (var i = 1; before.Length > 0 && i < text.Length && text[i - 1] != ' ' && !char.IsAsciiDigit(text[i - 1]); i++) ends.Add(i);
            foreach (var end in ends.Distinct().OrderDescending())
            {
                if (text[end - 1] is '（' or '(' || text[..end].Any(char.IsAsciiDigit)) continue;
                var rest = text[end..].Trim();
                var key = TextKey.Of(before + text[..end]);
                if (rest.Length > 0 && key.Length > TextKey.Of(before).Length && GroupLabels.IsOfAny(key)) return (key, rest);
            }

            return null;
        }

        // The numbers (seven at most) at the end of a line after its label, or null when the line has
        // none, no label, or a number cut at its thousands. Read from the end: most lines stop at once.
        static List<Token>? Numbers(List<Token> line, string text)
        {
            var first = line.Count;
            while (first > 0 && line.Count - first < Cells && IsNumber(line[first - 1].Text)) first--;
            if (first == line.Count && line.Count > 0 && MayBeGlued(line[^1].Text) && GluedCell().Match(line[^1].Text) is { Success: true } glued && !IsNumber(line[^1].Text))
            {
                // The label's last word with the row's only cell on this line set against it ("1.属于国家秘374").
                var at = line[^1].Start + glued.Groups["cell"].Index;
                return string.IsNullOrWhiteSpace(text[..at]) ? null : [new Token(at, at + glued.Groups["cell"].Length - 1, glued.Groups["cell"].Value)];
            }

            if (first == line.Count || first == 0 || IsNumber(line[first - 1].Text)) return null;
            if (string.IsNullOrWhiteSpace(text[..line[first].Start])) return null;
            for (var i = first; i < line.Count; i++)
            {
                if (CutAtThousands().IsMatch(line[i].Text)) return null;
            }

            return line.GetRange(first, line.Count - first);
        }
    }

    /// <summary>
    /// Joins a row whose label pdftotext set between the two lines of its wrapped cells: every cell wrapped
    /// ("2023件" as "202" over "3件", "28件" as "28" over "件"), the numbers' first lines stand above the label and
    /// their ends below it: "202  103  28  273 …  386" / "（七）总计" / "3件  7件  件  件 …  7件". A cell that did not
    /// wrap stands beside the label ("156  156  147 …" / "（一）予以公开   53" / "0件  件 …"). Each end is joined with
    /// the number it stands under, and the row is put on the label's line. Only when the line above holds numbers
    /// and nothing else, seven with the label line's own, in columns apart from them; the label's line has no digit
    /// without numbers of its own; the line below holds only ends that each stand under one number of the line
    /// above, fewer than seven or some a unit alone (seven plain numbers there are another row's); every join is a
    /// written number; and the seven cells add up: the six columns to the total.
    /// </summary>
    private static string[]? WithLabelBetweenPiecesJoined(string[] lines, List<Token>[] tokens)
    {
        string[]? result = null;
        var dropped = new bool[lines.Length];
        for (var l = 1; l + 1 < lines.Length; l++)
        {
            // Either line may open with a piece of a group's merged label ("三、本  1,44 … 230" / "（一）予以公开  440 …" /
            // "年度办  9件 … 5件"): it stays on its line, the label's words for the group.
            int abovePiece = GroupPieceBefore(tokens[l - 1]), belowPiece = GroupPieceBefore(tokens[l + 1]);
            List<Token> above = tokens[l - 1].Skip(abovePiece).ToList(), below = tokens[l + 1].Skip(belowPiece).ToList();
            if (dropped[l - 1] || above.Count is < 2 or > Cells || below.Count == 0 || !above.All(t => IsNumber(t.Text))) continue;
            if (!below.All(t => IsNumber(t.Text) || IsUnit(t.Text)) || (below.Count == Cells && !below.Any(t => IsUnit(t.Text)))) continue;

            // The label's line: a label, then the cells that did not wrap ("（一）予以公开   53"), if any.
            var line = tokens[l];
            var first = line.FindIndex(t => IsNumber(t.Text));
            var own = first < 0 ? [] : line.GetRange(first, line.Count - first);
            if (first == 0 || line.Count == 0 || !own.All(t => IsNumber(t.Text)) || above.Count + own.Count != Cells) continue;
            if (first < 0 && lines[l].Any(c => TextKey.Narrow(c) is >= '0' and <= '9')) continue;
            if (own.Any(t => above.Any(a => a.Overlaps(t)))) continue;

            var pieces = above.Select(t => (t.Start, Text: t.Text)).ToList();
            var joined = true;
            foreach (var end in below)
            {
                var over = above.FindIndex(t => t.Overlaps(end));
                if (over < 0 || above.FindLastIndex(t => t.Overlaps(end)) != over || own.Any(t => t.Overlaps(end)) || pieces[over].Text != above[over].Text) { joined = false; break; }
                pieces[over] = (pieces[over].Start, pieces[over].Text + end.Text);
                if (!WrittenNumber().IsMatch(pieces[over].Text)) { joined = false; break; }
            }

            var cells = pieces.Concat(own.Select(t => (t.Start, t.Text))).OrderBy(c => c.Start).Select(c => c.Text).ToList();
            if (!joined || !AddsUp(cells)) continue;
            result ??= [.. lines];
            var label = first < 0 ? lines[l].TrimEnd() : lines[l][..line[first].Start].TrimEnd();
            result[l] = label + "  " + string.Join("  ", cells);
            if (abovePiece > 0) result[l - 1] = lines[l - 1][..above[0].Start].TrimEnd();
            else dropped[l - 1] = true;
            if (belowPiece > 0) result[l + 1] = lines[l + 1][..below[0].Start].TrimEnd();
            else dropped[l + 1] = true;
        }

        return result?.Where((_, i) => !dropped[i]).ToArray();
    }

    /// <summary>
    /// Joins a row whose cells stand at three heights: LibreOffice centres each cell of a row on its own, so in a row
    /// three lines tall (its label wrapped) a cell that wraps takes the first and third lines, and a cell that fits the
    /// middle one. pdftotext prints "3.补正后申请内容仍   993   …   15   101" / "3件   0   3件   2件" /
    /// "不明确   件   …   件   6件": the wrapped cells' heads beside the label, the short cells alone, the heads' ends
    /// under them beside the label's last words. The ends are joined with their heads, the short cells put between
    /// them by their columns, and the row written whole on its first line. Only when the first line has a label and
    /// numbers; the middle line numbers alone (after a piece of a group's merged label at most) in columns apart from
    /// the others; the last line, whose label starts no row, one end (a piece) under each head and nothing else, each
    /// join a number as written; seven cells in all; and they add up: the six columns to the total.
    /// </summary>
    private static string[]? WithThreeHeightsJoined(string[] lines, List<Token>[] tokens)
    {
        string[]? result = null;
        for (var a = 0; a + 2 < lines.Length; a++)
        {
            int b = a + 1, c = a + 2;
            // The heads: the numbers that end the line, after its label (which may open with a number, "5 属于…").
            var firstHead = tokens[a].Count;
            while (firstHead > 0 && IsNumber(tokens[a][firstHead - 1].Text)) firstHead--;
            if (firstHead == 0 || firstHead == tokens[a].Count) continue;
            var count = tokens[a].Count - firstHead;
            // Cheap tests first: most lines with numbers are whole rows, and most lines after them no ends.
            if (count >= Cells || tokens[c].Count < count || !IsPiece(tokens[c][^1].Text)) continue;
            if (tokens[b].Count == 0 || !IsNumber(tokens[b][^1].Text)) continue;
            var heads = tokens[a].Skip(firstHead).ToList();
            var piece = GroupPieceBefore(tokens[b]);
            var middle = tokens[b].Skip(piece).ToList();
            if (middle.Count == 0 || heads.Count + middle.Count != Cells || !middle.All(t => IsNumber(t.Text))) continue;
            if (piece == 0 && !string.IsNullOrWhiteSpace(lines[b][..middle[0].Start])) continue;
            var firstEnd = tokens[c].FindIndex(t => IsPiece(t.Text));
            if (firstEnd < 0) continue;
            var ends = tokens[c].Skip(firstEnd).ToList();
            var label = lines[c][..ends[0].Start].Trim();
            if (ends.Count != heads.Count || !ends.All(t => IsPiece(t.Text)) || RowNumbering.StartsRow(label)) continue;
            if (middle.Any(m => heads.Any(h => h.Overlaps(m)) || ends.Any(e => e.Overlaps(m)))) continue;
            var cells = new List<(int Start, string Text)>();
            for (var i = 0; i < heads.Count; i++)
            {
                if (heads.Count(h => h.Overlaps(ends[i])) != 1 || !heads[i].Overlaps(ends[i])) break;
                if (!WrittenNumber().IsMatch(heads[i].Text + ends[i].Text)) break;
                cells.Add((heads[i].Start, heads[i].Text + ends[i].Text));
            }

            if (cells.Count != heads.Count) continue;
            var row = cells.Concat(middle.Select(t => (t.Start, t.Text))).OrderBy(x => x.Start).Select(x => x.Text).ToList();
            if (!AddsUp(row)) continue;
            result ??= [.. lines];
            result[a] = lines[a][..heads[0].Start].TrimEnd() + "  " + string.Join("  ", row);
            result[b] = piece > 0 ? lines[b][..middle[0].Start].TrimEnd() : "";
            result[c] = label.Length > 0 ? lines[c][..ends[0].Start].TrimEnd() : "";
            a = c;
        }

        return result;
    }

    // Whether a line's numbers (two at least, each a count) add up to their last.
    private static bool SumsToLast(IEnumerable<Token> tokens)
    {
        var values = tokens.Where(t => IsNumber(t.Text)).Select(t => CountCell.ReadCount(t.Text)).ToList();
        return values.Count >= 2 && values.All(v => v is not null) && values.SkipLast(1).Sum() == values[^1];
    }

    // Seven cells as written whose first six add up to the seventh.
    /// <summary>True when the cells are a row of table 三 that adds up: seven counts, the six applicants' sum the total.</summary>
    internal static bool AddsUp(IReadOnlyList<string> cells)
    {
        var values = cells.Select(CountCell.ReadCount).ToList();
        return values.Count == Cells && values.All(v => v is not null) && values.Take(Cells - 1).Sum() == values[^1];
    }

    /// <summary>
    /// The numbers (by index) that the ends take, in order, when every way of giving each end to one number, keeping
    /// their order, that makes written numbers, leaves no number cut at its thousands ("1,55") without its end and
    /// makes the row add up reads the same values; null when there is no such way or two read differently.
    /// </summary>
    private static int[]? OrderedJoins(List<string> numbers, List<string> ends)
    {
        int[]? first = null;
        List<int?>? values = null;
        var pick = new int[ends.Count];
        bool Search(int k, int from)
        {
            if (k == ends.Count)
            {
                var cells = numbers.ToList();
                for (var j = 0; j < ends.Count; j++) cells[pick[j]] += ends[j];
                if (cells.Where((_, i) => !pick.Contains(i)).Any(c => CutAtThousands().IsMatch(c))) return true;
                if (pick.Any(i => !WrittenNumber().IsMatch(cells[i])) || !AddsUp(cells)) return true;
                var read = cells.Select(CountCell.ReadCount).ToList();
                if (values is null) (first, values) = ([.. pick], read);
                else if (!values.SequenceEqual(read)) return false;
                return true;
            }

            for (var i = from; i <= numbers.Count - (ends.Count - k); i++)
            {
                pick[k] = i;
                if (!Search(k + 1, i + 1)) return false;
            }

            return true;
        }

        return Search(0, 0) ? first : null;
    }

    // How many words open the line as a piece of a group's label ("（五）不予", "三、本", "年度办") before its
    // numbers: 0 when the line opens with a number or its words are no such piece.
    private static int GroupPieceBefore(List<Token> line)
    {
        var first = line.FindIndex(t => IsNumber(t.Text) || IsUnit(t.Text));
        if (first <= 0) return 0;
        var words = string.Concat(line.Take(first).Select(t => t.Text));
        return GroupFragment(words) || GroupOpening().IsMatch(words) ? first : 0;
    }

    [GeneratedRegex(@"^[（(][一二三四五六七][）)][\u4e00-\u9fff]{0,3}$")]
    private static partial Regex GroupOpening();

    // The opening of a row's own label of table 三, not a group's: （一）予以公开, （二）部分公开, （七）总计.
    [GeneratedRegex(@"^[（(][一二七][）)]")]
    private static partial Regex OwnRowOpening();

    // A piece of a group's label wrapped in its narrow merged cell ("三、本", "年度办", "公开"): at
    // most three characters of one of those labels, no number of a row ("3.", "（七）") and no row's own short
    // label; not the end of a row's wrapped label ("法权益" of 4.保护第三方合法权益).
    private static bool GroupFragment(string label)
    {
        var text = label.Trim();
        return text.Length <= 3 && !text.Any(ch => char.IsAsciiDigit(ch) || ch is '（' or '(' or '）' or ')' or '.' or '．')
            && text is not ("总计" or "合计" or "其他" or "小计") && GroupLabels.IsOfAny(text);
    }

    // Whether a line of a few numbers completes a row (the line above it when above, else below):
    // each number fills a gap of the row together with a piece in the same column on the row's
    // other side ("116" above, "7" below: 1167), or continues one of the row's numbers; every
    // joined cell must be a number as written ("1,37" and "0" make 1,370; "13" and "无" make
    // nothing), and one join at least must be a gap's pair or a number cut at its thousands
    // ("1,49" and "1"). A row split over two lines (table 四's fifteen cells as four and eleven)
    // has no such partners and stays rows; cells set high and low in a row of table 三, each alone
    // in a column the other line leaves blank, seven in all, are one row.
    private static bool Completes(List<Token> pieces, List<Token> row, List<Token> otherSide, bool above)
    {
        var numbers = row.Where(t => IsNumber(t.Text)).ToList();
        // Cells set low (or high) in a row of table 三, each alone in a column the row's line leaves blank, that make
        // its seven with the row's own ("187  20  …  57  264" over "0  0  0"): the row's, in their columns.
        if (pieces.Count + numbers.Count == ApplicantTypes.Count && pieces.All(p => !numbers.Any(r => r.Overlaps(p)) && !otherSide.Any(t => t.Overlaps(p)))) return true;
        var evidence = false;
        foreach (var piece in pieces)
        {
            var over = numbers.Where(r => r.Overlaps(piece)).ToList();
            if (over.Count > 1) return false;
            if (over.Count == 1)
            {
                var (head, tail) = above ? (piece.Text, over[0].Text) : (over[0].Text, piece.Text);
                if (!WrittenNumber().IsMatch(head + tail)) return false;
                evidence |= CutAtThousands().IsMatch(head);
                continue;
            }

            var partners = otherSide.Where(t => t.Overlaps(piece) && !numbers.Any(r => r.Overlaps(t))).ToList();
            if (partners.Count != 1) return false;
            var joined = above ? piece.Text + partners[0].Text : partners[0].Text + piece.Text;
            if (!WrittenNumber().IsMatch(joined)) return false;
            evidence = true;
        }

        return evidence;
    }

    // A line of pieces between two rows: units follow their number (the row above); a piece in a
    // column where the row has no number pairs with the piece on that row's other side (a cell
    // wrapped around its row's line); a piece over a number continues it. What the columns do not
    // decide is left to nobody.
    // Pieces between two rows of table 三 ("222" / "2" / "81"): theirs is the row that adds up with them while the
    // other adds up without them (-1 the row above, +1 the row below); null when the arithmetic does not tell.
    // Pieces at the head of a page past a row that does not add up, over a row that does and would not with them,
    // are the ends of the row the break cut (-1): the page's columns are laid out afresh, so they need not stand
    // in the row's columns, and the row takes them only as its arithmetic allows (see Apply and JoinWrappedEnds).
    private static int? ByArithmetic(List<Token> pieces, List<Token>[] tokens, string[] lines, int up, int down, bool pageHead)
    {
        var upper = tokens[up].Where(t => IsNumber(t.Text)).ToList();
        var lower = tokens[down].Where(t => IsNumber(t.Text)).ToList();
        if (upper.Count != Cells || lower.Count != Cells) return null;
        bool upJoined = AddsUp(JoinPieces(upper, null, pieces, tokens, lines, up)), downJoined = AddsUp(JoinPieces(lower, pieces, null, tokens, lines, down));
        bool upAlone = AddsUp(upper.Select(t => t.Text).ToList()), downAlone = AddsUp(lower.Select(t => t.Text).ToList());
        if ((upJoined || pageHead) && downAlone && !downJoined && !upAlone) return -1;
        if (downJoined && upAlone && !upJoined && !downAlone) return 1;
        return null;
    }

    private static int Decide(List<Token> pieces, List<Token>[] tokens, int up, int down, bool[] isPiece)
    {
        if (pieces.All(t => IsUnit(t.Text))) return -1;
        var upper = tokens[up].Where(t => IsNumber(t.Text)).ToList();
        var lower = tokens[down].Where(t => IsNumber(t.Text)).ToList();
        var aboveUpper = up > 0 && isPiece[up - 1] ? tokens[up - 1] : null;
        var belowLower = down + 1 < tokens.Length && isPiece[down + 1] ? tokens[down + 1] : null;
        // Joined pieces must make a number as written; finishing one cut at its thousands ("1,60"
        // and "6") weighs most.
        int Pairs(List<Token>? partner, List<Token> row, bool partnerFirst)
        {
            if (partner is null) return 0;
            // A partner above that has its unit ("34 件") has ended: nothing below continues it.
            var joins = pieces.Where(p => !row.Any(r => r.Overlaps(p)))
                .SelectMany(p => partner.Where(q => q.Overlaps(p) && !(partnerFirst && HasUnit(partner, q))).Select(q => partnerFirst ? (Head: q.Text, Tail: p.Text) : (Head: p.Text, Tail: q.Text)))
                .Where(j => WrittenNumber().IsMatch(j.Head + j.Tail)).ToList();
            return joins.Count == 0 ? 0 : joins.Any(j => CutAtThousands().IsMatch(j.Head)) ? 4 : 2;
        }

        // A number of the row above that has its unit ("78 件") is not continued below either.
        bool Continues(List<Token> row, List<Token> line, bool rowFirst) =>
            pieces.Any(p => row.Any(r => r.Overlaps(p) && !(rowFirst && HasUnit(line, r)) && WrittenNumber().IsMatch(rowFirst ? r.Text + p.Text : p.Text + r.Text)));
        var up_ = Pairs(aboveUpper, upper, partnerFirst: true) + (Continues(upper, tokens[up], rowFirst: true) ? 1 : 0);
        var down_ = Pairs(belowLower, lower, partnerFirst: false) + (Continues(lower, tokens[down], rowFirst: false) ? 1 : 0);
        return up_ > down_ ? -1 : down_ > up_ ? 1 : 0;
    }

    // Whether a number on its line ends with its unit, glued or after one space ("78件", "78 件"): the number is whole.
    private static bool HasUnit(List<Token> line, Token number) =>
        IsUnit(number.Text[^1..]) || line.Any(u => IsUnit(u.Text) && u.Start == number.End + 2);

    // A row cut by a page break goes on at the head of the next page, where pdftotext lays the
    // columns out afresh (and a label's wide characters shift the row's own numbers): the piece's
    // column is the one it stands in on the next line of numbers alone, when that line has as
    // many cells as the row; otherwise no column.
    private static int GridColumn(Token piece, List<Token>[] tokens, string[] lines, int row, int count)
    {
        for (var n = row + 2; n < Math.Min(lines.Length, row + 5); n++)
        {
            var numbers = tokens[n];
            if (numbers.Count < 3 || !numbers.All(t => IsNumber(t.Text)) || !string.IsNullOrWhiteSpace(lines[n][..numbers[0].Start])) continue;
            if (numbers.Count != count) return -1;
            var hits = numbers.Select((t, i) => (t, i)).Where(x => x.t.Overlaps(piece)).ToList();
            return hits.Count == 1 ? hits[0].i : -1;
        }

        return -1;
    }

    /// <summary>True for a number as a table prints it: "1167", "1,370", "28件", "0"; not "0116", "1,37" or "13无".</summary>
    public static bool IsWrittenNumber(string text) => WrittenNumber().IsMatch(text);

    /// <summary>True for a number cut at its thousands, its last group short: "1,37", "3,0", "2,".</summary>
    public static bool IsCutAtThousands(string text) => CutAtThousands().IsMatch(text);

    /// <summary>True for what a narrow cell wraps onto its next line: up to four digits, a unit, or both ("7", "0", "件", "5件").</summary>
    public static bool IsPiece(string text) => WrappedPiece().IsMatch(text);

    // The cells of a row of table 三: six applicant columns and their total.
    private const int Cells = 7;

    /// <summary>
    /// Stands between two cells of a row whose order the columns cannot tell ("146" set over "无" in one column): the
    /// row is read both ways (StreamRows gives the cell before it as swappable with the one after). A noncharacter
    /// (U+FDD0), so never a character of the text itself.
    /// </summary>
    public const char StackMark = '\uFDD0';

    private static List<Token> Tokens(string line)
    {
        var list = new List<Token>();
        if (line.Contains('\t')) return list;
        foreach (Match m in Word().Matches(line)) list.Add(new Token(m.Index, m.Index + m.Length - 1, m.Value));
        // A label's last word with the row's first cell set against it, no space between ("属于三类内部1  0", a browser's
        // print in narrow columns): the digits are a cell of their own when a number follows them. No label of the
        // template ends in a digit.
        for (var i = list.Count - 2; i >= 0; i--)
        {
            if (!MayBeGlued(list[i].Text) || !IsNumber(list[i + 1].Text) || GluedCell().Match(list[i].Text) is not { Success: true } glued) continue;
            var at = list[i].Start + glued.Groups["cell"].Index;
            list[i] = new Token(list[i].Start, at - 1, list[i].Text[..glued.Groups["cell"].Index]);
            list.Insert(i + 1, new Token(at, at + glued.Groups["cell"].Length - 1, glued.Groups["cell"].Value));
        }

        return list;
    }

    // A cell with a letter for a digit ("1O", "l41", "I") holds its column like any number (CountCell.IsMisread).
    private static bool IsNumber(string text) => Number().IsMatch(text) || CountCell.IsMisread(text);

    // A cell as written, whole: a number, or a mark for none.
    private static bool IsWholeCell(string text) => WrittenNumber().IsMatch(text) || text is "无" or "-" or "—" or "－" or "/" or "／";

    // Not 人 or 家: a header wraps "自然" over "人", and a lone 人 there is no number's end.
    private static bool IsUnit(string text) => text is "件" or "条" or "个" or "项" or "元" or "万元" or "次" or "份" or "篇";

    // "5." is the numbering of a label set on a line of its own, not a piece of a number: a number
    // never ends in its decimal point. A cell may be a mark for none, 无, or the letter O typed for zero.
    [GeneratedRegex(@"^(?:[-+]?[0-9０-９](?:[0-9０-９,.]*[0-9０-９,])?(?:件|条|个|项|次|元|万元)?|[-—－/／]|无+|[OoＯ])$")]
    private static partial Regex Number();

    [GeneratedRegex(@"^(?:[1-9][0-9]{0,2}(?:,[0-9]{3})+|[1-9][0-9]*|0)(?:件|条|个|项|次|元|万元)?$")]
    private static partial Regex WrittenNumber();

    [GeneratedRegex(@"^(?:[0-9]{1,4}(?:件|条|个|项|次)?|件|条|个|项|次)$")]
    private static partial Regex WrappedPiece();

    [GeneratedRegex(@"[0-9],[0-9]{0,2}$")]
    private static partial Regex CutAtThousands();

    [GeneratedRegex(@"\S+")]
    private static partial Regex Word();

    // Digits at the end of a word, after a character of Chinese text or its punctuation: what GluedCell may match. Most
    // words end in no digit, and most that do are numbers; the regex runs for the few others.
    private static bool MayBeGlued(string word)
    {
        var end = word.Length;
        while (end > 0 && char.IsAsciiDigit(word[end - 1])) end--;
        return end > 0 && end < word.Length && (word[end - 1] >= '\u3000' || word[end - 1] == '”');
    }

    // Words of a label (a numbering among them at most: "公5.属于三类内部"), then digits; not a unit's ("3件0" is two cells
    // of table 四 that touch, neither a label).
    [GeneratedRegex(@"^(?:[^0-9]|[0-9]+[.．、)）])*[\u4e00-\u9fff）”、，](?<![件条个项次份篇元])(?<cell>[0-9]{1,6})$")]
    private static partial Regex GluedCell();

    [GeneratedRegex(@"\S {2,}\S")]
    private static partial Regex MultipleSpaces();
}
