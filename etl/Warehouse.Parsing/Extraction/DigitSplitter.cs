using Warehouse.Parsing.Text;

namespace Warehouse.Parsing.Extraction;

/// <summary>
/// Reads cells whose boundaries were lost ("640020470" for 64, 0, 0, 2, 0, 4, 70): every way to cut
/// a row's printed pieces into a given number of non-negative whole numbers, where a number of
/// several digits never starts with 0 and never crosses a boundary that the document kept (a space,
/// a tab, a cell). Pieces that are not plain digit runs ("1,234", "-", "356.2万元") are one cell each.
/// </summary>
/// <remarks>
/// Sums prune the search: in a group whose last cell is the total of the others (a row of table
/// 三, a proceeding of table 四) the total must be printed exactly as the sum of the cells before it,
/// so it is checked by comparing digits, not searched for. <see cref="Budget"/> bounds the work
/// for rows with very many digits; a search that runs out says so rather than guessing.
/// </remarks>
internal static class DigitSplitter
{
    /// <summary>The most search steps one row may take (about 0.1 s of work).</summary>
    public const int Budget = 2_000_000;

    /// <summary>A piece of a row: a run of digits that may hold several cells, or one cell already read.</summary>
    /// <param name="Negative">The run starts with a minus sign: its first cell is negative (the 2019 template's 本年增/减).</param>
    public readonly record struct Piece(string? Digits, long? Value, bool Negative = false)
    {
        public bool IsRun => Digits is not null;
    }

    /// <param name="Readings">Each reading's cells.</param>
    /// <param name="Inferred">For each reading, the cells cut out of a run that held more than one cell.</param>
    public sealed record Result(List<long?[]> Readings, List<bool[]> Inferred, bool OutOfBudget);

    /// <summary>
    /// Turns printed cells into pieces: plain digit runs stay runs, anything else is read as one
    /// cell with <paramref name="read"/> (null when unreadable).
    /// </summary>
    /// <param name="counts">
    /// The cells are counts, never negative: a dash before a number is a zero mark glued to it ("0-6" of cells run
    /// together is 0, a dash, 6), two pieces.
    /// </param>
    public static List<Piece> Pieces(IReadOnlyList<string> cells, Func<string, long?> read, bool counts = false)
    {
        var pieces = new List<Piece>(cells.Count);
        foreach (var cell in cells)
        {
            var text = TextKey.Compact(cell);
            if (text.Length > 1 && text.All(c => c is >= '0' and <= '9')) pieces.Add(new Piece(text, null));
            else if (IsGroupedRun(text)) pieces.Add(new Piece(text, null));
            else if (text.Length > 1 && text[0] is '-' or '－' && (text.Skip(1).All(c => c is >= '0' and <= '9') || (counts && IsGroupedRun(text[1..]))))
            {
                // A zero mark glued to a number with thousands separators ("…02702-1,208" of cells run together) is
                // two pieces alike.
                if (!counts) pieces.Add(new Piece(text[1..], null, Negative: true));
                else
                {
                    pieces.Add(new Piece(null, 0));
                    pieces.Add(text.Length > 2 ? new Piece(text[1..], null) : new Piece(null, text[1] - '0'));
                }
            }
            else pieces.Add(new Piece(null, read(cell)));
        }

        return pieces;
    }

    /// <summary>How many cells the pieces hold at least and at most.</summary>
    public static (int Min, int Max) Capacity(IReadOnlyList<Piece> pieces) =>
        (pieces.Count, pieces.Sum(p => p.IsRun ? DigitCount(p.Digits!, 0) : 1));

    // Digits with thousands separators, cells run together ("3,2921,393106298876325,808" for 3,292, 1,393, 106, 298,
    // 87, 632, 5,808): digits and commas, each comma before three digits, a digit at either end. A number written so
    // may be two cells ("561,067" is 56 and 1,067 or 561,067).
    private static bool IsGroupedRun(string text)
    {
        if (text.Length < 5 || !char.IsAsciiDigit(text[0]) || !char.IsAsciiDigit(text[^1]) || !text.Contains(',')) return false;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsAsciiDigit(text[i])) continue;
            if (text[i] != ',' || i + 3 >= text.Length || !char.IsAsciiDigit(text[i + 1]) || !char.IsAsciiDigit(text[i + 2]) || !char.IsAsciiDigit(text[i + 3])) return false;
        }

        return true;
    }

    private static int DigitCount(string digits, int offset)
    {
        var n = 0;
        for (var i = offset; i < digits.Length; i++) n += digits[i] == ',' ? 0 : 1;
        return n;
    }

    private static long ValueOf(string digits, int offset, int end)
    {
        long value = 0;
        for (var i = offset; i < end; i++)
        {
            if (digits[i] != ',') value = (value * 10) + (digits[i] - '0');
        }

        return value;
    }

    /// <summary>
    /// Every reading of <paramref name="pieces"/> as <c>groups.Sum()</c> cells, where each group of
    /// <paramref name="groups"/> (consecutive cells) ends with the sum of its other cells when
    /// <paramref name="lastIsTotal"/>. At most <paramref name="limit"/> readings are returned.
    /// </summary>
    /// <param name="blanks">
    /// How many cells may have vanished: a blank cell (zero) leaves no character when a tool runs a
    /// table's cells together (html-to-text's "033295976" for 0, 33, 29, 5, blank, 9, 76), so it may stand
    /// anywhere between two digits. A total vanishes only as a zero, beside cells that are all zeros (a total left
    /// blank for its sum is not read so). A vanished cell is an inferred cell.
    /// </param>
    public static Result Split(IReadOnlyList<Piece> pieces, IReadOnlyList<int> groups, bool lastIsTotal, int limit = 64, int blanks = 0)
    {
        var search = new Search(pieces, groups, lastIsTotal, limit, blanks);
        search.Run();
        return new Result(search.Readings, search.Inferred, search.Steps > Budget);
    }

    private sealed class Search
    {
        private readonly IReadOnlyList<Piece> _pieces;
        private readonly int[] _groupOf;
        private readonly bool[] _isTotal;
        private readonly int _cells;
        private readonly int _limit;
        private readonly long?[] _values;
        private readonly long[] _groupSums;

        public List<long?[]> Readings { get; } = [];

        public List<bool[]> Inferred { get; } = [];

        private readonly int[] _pieceOf;

        public long Steps { get; private set; }

        private readonly bool[] _blank;

        private int _blanksLeft;

        // The total the row's cells must add up to, when one group's total ends the row (see Run), and where it starts
        // in the last piece (-1: the piece is one cell).
        private long _target = long.MaxValue;
        private int _totalStart = -1;

        public Search(IReadOnlyList<Piece> pieces, IReadOnlyList<int> groups, bool lastIsTotal, int limit, int blanks)
        {
            _pieces = pieces;
            _blanksLeft = blanks;
            _limit = limit;
            _cells = groups.Sum();
            _groupOf = new int[_cells];
            _isTotal = new bool[_cells];
            for (int g = 0, c = 0; g < groups.Count; g++)
            {
                for (var k = 0; k < groups[g]; k++, c++)
                {
                    _groupOf[c] = g;
                    _isTotal[c] = lastIsTotal && k == groups[g] - 1;
                }
            }

            _values = new long?[_cells];
            _pieceOf = new int[_cells];
            _groupSums = new long[groups.Count];
            _blank = new bool[_cells];
        }

        public void Run()
        {
            var (min, max) = Capacity(_pieces);
            if (_cells < min || _cells > max + _blanksLeft) return;
            if (_groupSums.Length == 1 && _isTotal[_cells - 1])
            {
                // One group whose total ends the row: the total is one of the last piece's endings, each known
                // before the cells are cut, and no cut whose cells exceed it can add up to it.
                foreach (var (total, start) in Totals(_pieces[^1]))
                {
                    _target = total;
                    _totalStart = start;
                    Place(0, 0, 0);
                    if (Readings.Count >= _limit || Steps > Budget) return;
                }

                return;
            }

            Place(0, 0, 0);
        }

        // The most that the pieces from (piece, offset) up to the total can add up to: each run read as one number.
        private long Reach(int piece, int offset)
        {
            const long Cap = 1_000_000_000_000_000;
            long reach = 0;
            for (var i = piece; i < _pieces.Count; i++)
            {
                var p = _pieces[i];
                var last = i == _pieces.Count - 1;
                if (!p.IsRun)
                {
                    if (!last) reach += p.Value ?? Cap;
                }
                else
                {
                    var d = p.Digits!;
                    var end = last && _totalStart >= 0 ? _totalStart : d.Length;
                    long value = 0;
                    for (var k = i == piece ? offset : 0; k < end; k++)
                    {
                        if (d[k] == ',') continue;
                        value = (value * 10) + (d[k] - '0');
                        if (value >= Cap) return Cap;
                    }

                    reach += value;
                }

                if (reach >= Cap) return Cap;
            }

            return reach;
        }

        // The values a row's last piece may end with: a plain number (no leading 0 but "0", nine digits at most) or one
        // with thousands separators.
        private static IEnumerable<(long Value, int Start)> Totals(Piece last)
        {
            if (!last.IsRun)
            {
                yield return (last.Value ?? long.MaxValue, -1);
                yield break;
            }

            var d = last.Digits!;
            for (var start = d.Length - 1; start >= 0 && d.Length - start <= 12; start--)
            {
                if (d[start] == ',') continue;
                var plain = d.IndexOf(',', start) < 0;
                if (plain ? (d[start] == '0' && start < d.Length - 1) || d.Length - start > 9 : !IsGrouped(d, start)) continue;
                yield return (ValueOf(d, start, d.Length), start);
            }
        }

        // digits[start..] is a number with thousands separators: one to three digits, no leading 0, then ",ddd" groups.
        private static bool IsGrouped(string digits, int start)
        {
            var comma = digits.IndexOf(',', start);
            if (comma - start is < 1 or > 3 || digits[start] == '0') return false;
            for (var i = comma; i < digits.Length; i += 4)
            {
                if (digits[i] != ',' || i + 3 >= digits.Length || digits.IndexOf(',', i + 1, 3) >= 0) return false;
            }

            return (digits.Length - comma) % 4 == 0;
        }

        // Cell `cell` starts at digit `offset` of piece `piece`.
        private void Place(int piece, int offset, int cell)
        {
            if (Readings.Count >= _limit || ++Steps > Budget || _groupSums[0] > _target) return;
            // Cut however they may, the digits still to cut add up to no more than they read as one number.
            if (_target != long.MaxValue && !_isTotal[Math.Min(cell, _cells - 1)] && _groupSums[0] + Reach(piece, offset) < _target) return;
            if (cell == _cells)
            {
                // A blank beside a zero reads the same wherever it stands: one reading.
                if (piece == _pieces.Count && !Readings.Exists(r => r.AsSpan().SequenceEqual(_values)))
                {
                    Readings.Add((long?[])_values.Clone());
                    Inferred.Add(Enumerable.Range(0, _cells).Select(c => _blank[c] || _pieceOf.Count(p => p == _pieceOf[c]) > 1).ToArray());
                }

                return;
            }

            if (_blanksLeft > 0 && (!_isTotal[cell] || (GroupComplete(cell) && _groupSums[_groupOf[cell]] == 0)))
            {
                // The cell vanished: a zero that consumes nothing (a total only where its group is all zeros).
                _blanksLeft--;
                _blank[cell] = true;
                _pieceOf[cell] = -1 - cell;
                Set(cell, 0);
                Place(piece, offset, cell + 1);
                Unset(cell, 0);
                _blank[cell] = false;
                _blanksLeft++;
                if (Readings.Count >= _limit || Steps > Budget) return;
            }

            if (piece == _pieces.Count) return;

            // Cells still to place must fit in what is left: one per remaining piece at least, one per digit at most
            // (and the cells that may still vanish).
            var p = _pieces[piece];
            var left = _cells - cell;
            var piecesAfter = _pieces.Count - piece - 1;
            var room = (p.IsRun ? DigitCount(p.Digits!, offset) : 1) + RoomAfter(piece) + _blanksLeft;
            if (left < 1 + piecesAfter || left > room) return;

            if (!p.IsRun)
            {
                if (!Accept(cell, p.Value)) return;
                _pieceOf[cell] = piece;
                Set(cell, p.Value);
                Place(piece + 1, 0, cell + 1);
                Unset(cell, p.Value);
                return;
            }

            var digits = p.Digits!;
            if (digits[offset] == ',') return;
            // In the last piece, the cells before the total end where the total starts.
            var limit = piece == _pieces.Count - 1 && _totalStart >= 0 ? _totalStart : digits.Length;
            if (_isTotal[cell] && limit != digits.Length && offset != _totalStart) return;
            var rest = digits.Length - offset;
            if (_isTotal[cell] && _groupSums[_groupOf[cell]] is var sum && GroupComplete(cell))
            {
                // The total is printed as the sum of the cells before it: compare digits (with its thousands
                // separators, when the run has them).
                var text = sum.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var grouped = sum >= 1000 && digits.Contains(',') ? sum.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : null;
                foreach (var form in grouped is null ? [text] : new[] { text, grouped })
                {
                    if (form.Length > rest || string.CompareOrdinal(digits, offset, form, 0, form.Length) != 0) continue;
                    _pieceOf[cell] = piece;
                    Set(cell, sum);
                    Next(piece, offset + form.Length, cell + 1, digits.Length);
                    Unset(cell, sum);
                }

                return;
            }

            // A plain number up to the next comma, or one written with thousands separators ("5,808").
            if (offset >= limit) return;
            var plain = 0;
            while (offset + plain < limit && digits[offset + plain] != ',') plain++;
            var longest = Math.Min(9, plain);
            if (digits[offset] == '0') longest = 1;
            for (var length = 1; length <= longest; length++)
            {
                if (!Try(offset + length)) return;
            }

            if (digits[offset] != '0' && plain <= 3)
            {
                for (var end = offset + plain; end + 3 < limit && digits[end] == ',' && end - offset < 12; )
                {
                    end += 4;
                    if (!Try(end)) return;
                }
            }

            bool Try(int end)
            {
                var value = ValueOf(digits, offset, end);
                if (p.Negative && offset == 0) value = -value;
                _pieceOf[cell] = piece;
                Set(cell, value);
                Next(piece, end, cell + 1, digits.Length);
                Unset(cell, value);
                return Readings.Count < _limit && Steps <= Budget;
            }
        }

        private void Next(int piece, int offset, int cell, int length)
        {
            if (offset == length) Place(piece + 1, 0, cell);
            else Place(piece, offset, cell);
        }

        private int RoomAfter(int piece)
        {
            var room = 0;
            for (var i = piece + 1; i < _pieces.Count; i++) room += _pieces[i].IsRun ? DigitCount(_pieces[i].Digits!, 0) : 1;
            return room;
        }

        // A total read as one printed cell must still equal its group's sum.
        private bool Accept(int cell, long? value) =>
            !_isTotal[cell] || !GroupComplete(cell) || value is null || value == _groupSums[_groupOf[cell]] || _values.Take(cell).Any(v => v is null);

        private bool GroupComplete(int cell)
        {
            for (var c = cell - 1; c >= 0 && _groupOf[c] == _groupOf[cell]; c--)
            {
                if (_values[c] is null) return false;
            }

            return true;
        }

        private void Set(int cell, long? value)
        {
            _values[cell] = value;
            if (!_isTotal[cell] && value is { } v) _groupSums[_groupOf[cell]] += v;
        }

        private void Unset(int cell, long? value)
        {
            _values[cell] = null;
            if (!_isTotal[cell] && value is { } v) _groupSums[_groupOf[cell]] -= v;
        }
    }
}
