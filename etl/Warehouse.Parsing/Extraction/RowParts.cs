using Warehouse.Parsing.Text;

namespace Warehouse.Parsing.Extraction;

/// <summary>A table row split into its label (the text cells before the numbers) and its data cells.</summary>
internal sealed record RowParts(string Label, IReadOnlyList<string> Data)
{
    public string Key { get; } = TextKey.Of(Label);

    public bool HasData => Data.Count > 0;

    public bool AllBlank => Data.All(d => CountCell.Classify(d) == CellKind.Empty);

    /// <param name="gridExact">
    /// True when the cells are the table's real cells (HTML, DOCX): an empty cell is a blank value.
    /// False for text and PDF, where empty cells at the edges are only layout.
    /// </param>
    public static RowParts Split(IReadOnlyList<string> cells, bool gridExact)
    {
        var firstNumber = -1;
        for (var i = 0; i < cells.Count; i++)
        {
            if (CountCell.Classify(cells[i]) == CellKind.Number)
            {
                firstNumber = i;
                break;
            }
        }

        var lastLabel = -1;
        var labelSearchEnd = firstNumber < 0 ? cells.Count : firstNumber;
        for (var i = 0; i < labelSearchEnd; i++)
        {
            if (CountCell.Classify(cells[i]) == CellKind.Label) lastLabel = i;
        }

        var label = string.Concat(cells.Take(lastLabel + 1).Where(c => CountCell.Classify(c) == CellKind.Label).Select(c => c.Trim()));
        if (firstNumber < 0 && (!gridExact || lastLabel < 0)) return new RowParts(label, []);

        var data = cells.Skip(lastLabel + 1).ToList();
        if (!gridExact)
        {
            while (data.Count > 0 && CountCell.Classify(data[^1]) == CellKind.Empty) data.RemoveAt(data.Count - 1);
            while (data.Count > 0 && CountCell.Classify(data[0]) == CellKind.Empty) data.RemoveAt(0);
        }

        return new RowParts(label, data);
    }
}
