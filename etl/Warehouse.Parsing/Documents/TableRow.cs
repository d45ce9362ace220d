namespace Warehouse.Parsing.Documents;

/// <summary>One row of a table, its cells left to right as the layout gives them.</summary>
/// <remarks>
/// Cells are not padded to a grid: a merged (rowspan) label shows only in its first row, and
/// text layouts may lose or add cells. The extractor reads rows by their labels, not positions.
/// </remarks>
/// <param name="Exact">True when the cells are the table's own (a markdown pipe row): an empty cell is a blank value, not layout.</param>
public sealed record TableRow(IReadOnlyList<string> Cells, bool Exact = false) : Block;
