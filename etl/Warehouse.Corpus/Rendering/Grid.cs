namespace Warehouse.Corpus.Rendering;

/// <summary>One cell of a table as the template draws it: merged cells are one cell with a span.</summary>
/// <param name="Value">For a number cell, its value (the text is chosen by the renderer's number style).</param>
public sealed record GridCell(string Text, int RowSpan = 1, int ColSpan = 1, decimal? Value = null)
{
    public bool IsNumber => Value is not null;

    /// <summary>For a number cell written as no exact figure ("10余件"), that text; the renderers then print it instead.</summary>
    public string? Printed { get; init; }

    /// <summary>The unit a person may write in a number cell: "件", "条", or "万元" for an amount.</summary>
    public string? Unit { get; init; }

    public static GridCell Number(decimal value, int colSpan = 1) => new("", 1, colSpan, value);
}

/// <summary>A table of the template: the cells that start in each row, left to right.</summary>
public sealed record Grid(string Name, int Columns, IReadOnlyList<IReadOnlyList<GridCell>> Rows)
{
    /// <summary>
    /// What each row holds, for renderers and expectations that need it: a row code of table 三 (or
    /// "group:" + a group printed as one row), an item of table 二, "review" for table 四's numbers; null for headings.
    /// </summary>
    public IReadOnlyList<string?> Keys { get; init; } = [];

    public string? KeyOf(int row) => row < Keys.Count ? Keys[row] : null;

    /// <summary>
    /// Places every cell on the full grid: each position holds the cell that covers it and
    /// where that cell starts, so a renderer knows origins, rowspan and colspan continuations.
    /// </summary>
    public Slot[,] Layout()
    {
        var grid = new Slot[Rows.Count, Columns];
        var taken = new bool[Rows.Count, Columns];
        for (var r = 0; r < Rows.Count; r++)
        {
            var c = 0;
            foreach (var cell in Rows[r])
            {
                while (c < Columns && taken[r, c]) c++;
                if (c + cell.ColSpan > Columns || r + cell.RowSpan > Rows.Count) throw new InvalidOperationException($"Row {r} of table {Name} overflows the grid.");
                for (var dr = 0; dr < cell.RowSpan; dr++)
                {
                    for (var dc = 0; dc < cell.ColSpan; dc++)
                    {
                        taken[r + dr, c + dc] = true;
                        grid[r + dr, c + dc] = new Slot(cell, r, c);
                    }
                }

                c += cell.ColSpan;
            }
        }

        return grid;
    }
}

/// <summary>A grid position and the cell covering it, which starts at (<paramref name="Row"/>, <paramref name="Column"/>).</summary>
public sealed record Slot(GridCell Cell, int Row, int Column);
