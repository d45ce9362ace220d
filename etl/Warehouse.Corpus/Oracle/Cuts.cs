using System.Globalization;

namespace Warehouse.Corpus.Oracle;

/// <summary>
/// Every way to read printed pieces as a given number of cells, by brute force: each run of
/// digits is cut into whole numbers, never crossing a boundary the document kept, and a number
/// of several digits never starts with 0. Written apart from the parser, to say what it must read.
/// </summary>
public static class Cuts
{
    /// <summary>
    /// The cuts of <paramref name="pieces"/> into <paramref name="cells"/> numbers that
    /// <paramref name="keep"/> accepts; null when the search would take more than
    /// <paramref name="stepLimit"/> steps (the caller then prints the row another way rather than guess).
    /// </summary>
    /// <remarks>Pieces printed as exactly <paramref name="cells"/> cells are read as printed, kept or not.</remarks>
    /// <param name="vanish">
    /// Where a cell may have vanished (a blank cell of a table whose cells a tool ran together leaves nothing): given
    /// the cell's index and the values before it, whether a zero that takes no character may stand there; null when
    /// no cell vanishes. A reading is listed once, wherever its vanished zeros stood.
    /// </param>
    public static List<decimal[]>? Of(IReadOnlyList<Piece> pieces, int cells, Func<decimal[], bool> keep, int stepLimit = 2_000_000, Func<int, decimal[], bool>? vanish = null)
    {
        if (pieces.Count == cells && pieces.All(p => p.IsSingle || IsOneNumber(p)))
        {
            return [pieces.Select(Value).ToArray()];
        }

        var found = new List<decimal[]>();
        var values = new decimal[cells];
        var steps = 0L;
        var complete = Place(0, 0, 0);
        return complete ? found : null;

        // Cell `cell` starts at character `offset` of piece `piece`; false when out of steps.
        bool Place(int piece, int offset, int cell)
        {
            if (++steps > stepLimit) return false;
            if (cell < cells && vanish is not null && vanish(cell, values))
            {
                values[cell] = 0;
                if (!Place(piece, offset, cell + 1)) return false;
            }

            if (piece == pieces.Count)
            {
                if (cell == cells && keep(values) && !found.Exists(f => f.AsSpan().SequenceEqual(values))) found.Add((decimal[])values.Clone());
                return true;
            }

            if (cell == cells || cells - cell < pieces.Count - piece || (vanish is null && cells - cell > Room(piece, offset))) return true;
            var p = pieces[piece];
            if (p.IsSingle)
            {
                values[cell] = p.Whole!.Value;
                return Place(piece + 1, 0, cell + 1);
            }

            for (var end = offset + 1; end <= p.Digits.Length; end++)
            {
                var text = p.Digits[offset..end];
                if (text.Contains(','))
                {
                    // A number with thousands separators: "5,808", never ",808" or "58,08".
                    if (!Grouped(text)) continue;
                }
                else if (!IsNumber(text, end == p.Digits.Length, p.Digits.IndexOf('.', StringComparison.Ordinal), end))
                {
                    continue;
                }

                var value = decimal.Parse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
                if (p.Negative && offset == 0)
                {
                    if (value == 0) continue;
                    value = -value;
                }

                values[cell] = value;
                var ok = end == p.Digits.Length ? Place(piece + 1, 0, cell + 1) : Place(piece, end, cell + 1);
                if (!ok) return false;
            }

            return true;
        }

        // At most one cell per digit left (a '.' holds none).
        int Room(int piece, int offset)
        {
            var room = 0;
            for (var i = piece; i < pieces.Count; i++)
            {
                var p = pieces[i];
                room += p.IsSingle ? 1 : p.Digits[(i == piece ? offset : 0)..].Count(char.IsAsciiDigit);
            }

            return room;
        }
    }

    /// <summary>All cuts with no rule: the readings of a row of table 二 (any cell but one may have vanished when <paramref name="vanish"/>).</summary>
    public static List<decimal[]>? Of(IReadOnlyList<Piece> pieces, int cells, bool vanish = false) =>
        Of(pieces, cells, _ => true, vanish: vanish ? (_, _) => true : null);

    private static bool Grouped(string text)
    {
        var parts = text.Split(',');
        return parts[0].Length is >= 1 and <= 3 && parts[0][0] != '0' && parts[0].All(char.IsAsciiDigit)
            && parts.Skip(1).All(g => g.Length == 3 && g.All(char.IsAsciiDigit));
    }

    // A cut "0", "12", "0.5", "356.2" (the '.' only in a run's last cell, which runs to its end), never "012" or "1.".
    private static bool IsNumber(string text, bool endsRun, int dot, int end)
    {
        if (text.EndsWith('.') || text.StartsWith('.')) return false;
        if (dot >= 0 && end > dot && !endsRun) return false;
        var whole = text.Split('.')[0];
        return whole.Length == 1 || whole[0] != '0';
    }

    private static bool IsOneNumber(Piece p) =>
        p.Digits.Contains(',') ? Grouped(p.Digits) : IsNumber(p.Digits, true, p.Digits.IndexOf('.', StringComparison.Ordinal), p.Digits.Length);

    private static decimal Value(Piece p)
    {
        if (p.Whole is { } v) return v;
        var value = decimal.Parse(p.Digits.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return p.Negative ? -value : value;
    }
}
