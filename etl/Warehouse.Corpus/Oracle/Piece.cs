namespace Warehouse.Corpus.Oracle;

/// <summary>
/// What a document prints between two boundaries it kept (a space, a label, a cell): a run of
/// digits that may hold several cells, or one cell already read ("1,234", "-").
/// </summary>
/// <param name="Digits">The run: ASCII digits with at most one '.', whose cell is then the run's last.</param>
/// <param name="Negative">The run starts with a minus sign, which belongs to its first cell ("-3200" in "12-3200").</param>
/// <param name="Whole">The value of a piece that is one cell whatever its text.</param>
public sealed record Piece(string Digits, bool Negative = false, decimal? Whole = null)
{
    public static Piece Run(string digits) => digits.Length > 0 && digits.All(c => c is >= '0' and <= '9' or '.' or ',')
        ? new Piece(digits)
        : throw new ArgumentException($"'{digits}' is not a run of digits.", nameof(digits));

    public static Piece Cell(decimal value) => new("", Whole: value);

    public bool IsSingle => Whole is not null;

    /// <summary>
    /// The pieces of counts printed with zero marks among them ("13415160/-291"): runs of digits (with the thousands
    /// separators of their numbers: "3,2921,393") between spaces and marks, each mark ("-", "/") a zero cell of its own.
    /// </summary>
    public static IReadOnlyList<Piece> ParseMarked(string printed)
    {
        var pieces = new List<Piece>();
        var run = new System.Text.StringBuilder();
        foreach (var ch in printed + " ")
        {
            if (char.IsAsciiDigit(ch) || (ch == ',' && run.Length > 0))
            {
                run.Append(ch);
                continue;
            }

            if (run.Length > 0) pieces.Add(Run(run.ToString()));
            run.Clear();
            if (ch is '-' or '/') pieces.Add(Cell(0));
        }

        return pieces;
    }

    /// <summary>The pieces of printed text: runs of digits between spaces; a minus sign starts a new piece.</summary>
    public static IReadOnlyList<Piece> Parse(string printed)
    {
        var pieces = new List<Piece>();
        foreach (var word in printed.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = word.Split('-');
            for (var i = 0; i < parts.Length; i++)
            {
                if (parts[i].Length == 0) continue;
                pieces.Add(Run(parts[i]) with { Negative = i > 0 });
            }
        }

        return pieces;
    }

    public override string ToString() => Whole is { } v ? $"[{v}]" : (Negative ? "-" : "") + Digits;
}
