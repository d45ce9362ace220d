using Warehouse.Parsing.Text;

namespace Warehouse.Parsing.Extraction;

/// <summary>A table row split into its label (the text cells before the numbers) and its data cells.</summary>
internal sealed record RowParts(string Label, IReadOnlyList<string> Data, string LastLabel = "")
{
    private string? _key;

    // A copy made with `with` has its own label: the folded keys are computed again, not copied.
    private RowParts(RowParts original)
    {
        Label = original.Label;
        Data = original.Data;
        LastLabel = original.LastLabel;
        Exact = original.Exact;
        Swaps = original.Swaps;
        Blank = original.Blank;
    }

    /// <summary>True when the cells are the table's own (a real grid, or a row whose cells a PDF's columns place); false when only gaps part them.</summary>
    public bool Exact { get; init; }

    /// <summary>
    /// A row printed as its label alone, its cells all blank: in text whose cells ran together its label stands before the next
    /// row's, with no digit between (ReportExtractor's LabelsRunTogether). False for a label that may wait for numbers below it.
    /// </summary>
    public bool Blank { get; init; }

    /// <summary>
    /// Cells whose order the layout cannot tell: each index i says Data[i] and Data[i + 1] stood in one column, one
    /// over the other (WrappedNumbers.StackMark), and may be read in either order. Empty for most rows.
    /// </summary>
    public IReadOnlyList<int> Swaps { get; init; } = [];

    /// <summary>
    /// The row's cells begin with empty ones before its first label ("|  | 2.其他法律行政法规禁止公开 | 0 | …"): the grid
    /// keeps the slots of merged label cells, blank, so a row's blanks after its label may be such slots too, not padding.
    /// </summary>
    public bool LeadBlank { get; init; }

    public string Key => _key ??= TextKey.Of(Label);

    public bool HasData => Data.Count > 0;

    /// <summary>The folded text of the last label cell: the most specific label of the row.</summary>
    public string LastKey => _lastKey ??= TextKey.Of(LastLabel);

    private string? _lastKey;

    public bool AllBlank => Data.All(d => CountCell.Classify(d) == CellKind.Empty);

    /// <param name="gridExact">
    /// True when the cells are the table's real cells (HTML, DOCX): an empty cell is a blank value.
    /// False for text and PDF, where empty cells at the edges are only layout.
    /// </param>
    public static RowParts Split(IReadOnlyList<string> cells, bool gridExact)
    {
        Span<CellKind> kinds = cells.Count <= 64 ? stackalloc CellKind[cells.Count] : new CellKind[cells.Count];
        var firstNumber = -1;
        for (var i = 0; i < cells.Count; i++)
        {
            kinds[i] = CountCell.Classify(cells[i]);
            if (firstNumber < 0 && kinds[i] == CellKind.Number) firstNumber = i;
        }

        var lastLabel = -1;
        var labelSearchEnd = firstNumber < 0 ? cells.Count : firstNumber;
        for (var i = 0; i < labelSearchEnd; i++)
        {
            if (kinds[i] == CellKind.Label) lastLabel = i;
        }

        var label = new System.Text.StringBuilder();
        for (var i = 0; i <= lastLabel; i++)
        {
            if (kinds[i] == CellKind.Label) label.Append(cells[i].Trim());
        }

        if (firstNumber < 0 && !gridExact && lastLabel >= 0 && SplitGluedNumber(cells[lastLabel]) is { } glued)
        {
            // Text that lost the tab between a label and its only number: "行政事业性收费0".
            label.Length -= glued.Length;
            return new RowParts(label.ToString(), [glued], cells[lastLabel].Trim()[..^glued.Length]) { Exact = gridExact };
        }

        var last = lastLabel >= 0 ? cells[lastLabel] : "";
        if (firstNumber < 0 && (!gridExact || lastLabel < 0)) return new RowParts(label.ToString(), [], last) { Exact = gridExact };

        var from = lastLabel + 1;
        var to = cells.Count;
        if (!gridExact)
        {
            while (to > from && kinds[to - 1] == CellKind.Empty) to--;
            while (from < to && kinds[from] == CellKind.Empty) from++;
        }

        var data = new string[to - from];
        for (var i = from; i < to; i++) data[i - from] = cells[i];
        var firstLabel = 0;
        while (firstLabel < lastLabel && kinds[firstLabel] != CellKind.Label) firstLabel++;
        var leadBlank = firstLabel > 0;
        for (var i = 0; i < firstLabel && leadBlank; i++) leadBlank = kinds[i] == CellKind.Empty;
        return new RowParts(label.ToString(), data, last) { Exact = gridExact, LeadBlank = leadBlank };
    }

    private static string? SplitGluedNumber(string cell)
    {
        var text = cell.Trim();
        var start = text.Length;
        // Full-width digits carry full-width separators ("行政许可２，７１３"): both belong to the number.
        while (start > 0 && (char.IsAsciiDigit(TextKey.Narrow(text[start - 1])) || TextKey.Narrow(text[start - 1]) is ',' or '.')) start--;
        while (start < text.Length && TextKey.Narrow(text[start]) is ',' or '.') start++;
        if (start == text.Length || start == 0 || !TextKey.HasCjk(text[..start])) return null;
        var number = text[start..];
        return CountCell.Classify(number) == CellKind.Number ? number : null;
    }
}
