using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Warehouse.Core;

/// <summary>
/// A cell of a report's tables, written as <see cref="Report.Derived"/> and <see cref="Report.Ambiguous"/>
/// list it in the JSON contract, <c>table.row.column</c>: <c>applications.carried_forward.6</c>
/// (表三, a disposal category, an applicant column 0-6), <c>review_litigation.review.4</c> (表四, a
/// proceeding, an outcome 0-4), <c>active_disclosure.regulations.issued</c> (表二, an item, a measure).
/// </summary>
public sealed record CellRef(CellTable Table, string Row, string Column)
{
    /// <summary>A cell of 表三: a disposal category's row, an applicant column (0-6).</summary>
    public static CellRef Application(string category, int column) => new(CellTable.Applications, category, column.ToString(CultureInfo.InvariantCulture));

    /// <summary>A cell of 表四 by its flat index (0-14): a proceeding's row, an outcome column (0-4).</summary>
    public static CellRef Review(int index) =>
        new(CellTable.ReviewLitigation, ReviewLitigation.Proceedings[index / 5], (index % 5).ToString(CultureInfo.InvariantCulture));

    /// <summary>A cell of 表二: an item's row, a measure (<c>issued</c>) or a column's number.</summary>
    public static CellRef Active(string item, string column) => new(CellTable.ActiveDisclosure, item, column);

    /// <summary>The column as a number (an applicant type, an outcome), or null when it names a measure.</summary>
    public int? Index => int.TryParse(Column, CultureInfo.InvariantCulture, out var index) ? index : null;

    /// <summary>The path of 表三's cell without making a <see cref="CellRef"/>, for lists the parser keeps as text.</summary>
    public static string ApplicationPath(string category, int column) => string.Create(CultureInfo.InvariantCulture, $"{Code(CellTable.Applications)}.{category}.{column}");

    public static string Code(CellTable table) => table switch
    {
        CellTable.ActiveDisclosure => "active_disclosure",
        CellTable.Applications => "applications",
        CellTable.ReviewLitigation => "review_litigation",
        _ => throw new ArgumentOutOfRangeException(nameof(table), table, null),
    };

    /// <summary>A cell from its path; false for what is not <c>table.row.column</c> of a known table.</summary>
    public static bool TryParse(string path, [NotNullWhen(true)] out CellRef? cell)
    {
        cell = null;
        var parts = path.Split('.');
        if (parts.Length != 3) return false;
        foreach (var table in Enum.GetValues<CellTable>())
        {
            if (Code(table) == parts[0]) cell = new CellRef(table, parts[1], parts[2]);
        }

        return cell is not null;
    }

    /// <summary>The path, as the JSON contract lists it: <c>applications.carried_forward.6</c>.</summary>
    public override string ToString() => $"{Code(Table)}.{Row}.{Column}";
}
