namespace Warehouse.Export.Dashboards;

/// <summary>
/// What one workbook shows, read from a YAML file in <c>dashboards/</c> (see its README):
/// the filters it accepts and its sheets. Every element keeps the line it was written on,
/// so that a mistake found later (an unknown view or field) names that line.
/// </summary>
public sealed record Dashboard(
    string Name,
    string File,
    string Title,
    string? Description,
    DashboardFilters Filters,
    IReadOnlyList<SheetSpec> Sheets);

/// <summary>The filters a dashboard accepts on the command line, and its default years.</summary>
/// <param name="Years">Default years when none are given: <c>latest</c>, <c>all</c> or <c>last N</c>.</param>
/// <param name="SingleYear">The dashboard shows one year (a <c>--years</c> range is refused).</param>
/// <param name="Balanced">It may be limited to the agencies that reported in every year chosen (<c>--balanced</c>); every table and data sheet then names its agency field (<c>filter: panel:</c>).</param>
public sealed record DashboardFilters(YearsDefault Years, bool SingleYear, bool Region, bool Level, bool AgencyType, bool Balanced = false);

/// <summary>Default years: the latest loaded, every year loaded, or the last <see cref="Count"/> up to the latest.</summary>
public sealed record YearsDefault(string Kind, int Count)
{
    public static YearsDefault Latest { get; } = new("latest", 1);

    public static YearsDefault All { get; } = new("all", 0);

    public override string ToString() => Kind == "last" ? $"last {Count}" : Kind;
}

/// <summary>
/// One sheet of the workbook: its summary tables (computed in SQL, readable without refresh),
/// an optional chart of one of them, and an optional data sheet of detail rows with a
/// PivotTable over it, so that users can re-pivot.
/// </summary>
public sealed record SheetSpec(
    string Name,
    string? About,
    IReadOnlyList<TableSpec> Tables,
    ChartSpec? Chart,
    DataSpec? Data,
    PivotSpec? Pivot,
    int Line);

/// <summary>
/// A summary table: rows of a view under the chosen filters. When a column has an aggregate,
/// the rows are grouped by the columns that have none. A spread turns the values of one field
/// into columns (disposal category × applicant type); a rank adds a first column ranking rows.
/// </summary>
public sealed record TableSpec(
    string Id,
    string? Caption,
    string View,
    FilterBinding Filter,
    IReadOnlyList<WhereCondition> Where,
    IReadOnlyList<ColumnSpec> Columns,
    IReadOnlyList<OrderSpec> Order,
    SpreadSpec? Spread,
    RankSpec? Rank,
    int? Limit,
    int Line,
    int ViewLine);

/// <summary>A column of a table or data sheet: a view field, its header, format and alerts.</summary>
/// <param name="Aggregate">sum, count, min, max or average; null to group by (or show) the field.</param>
/// <param name="Format">An Excel number format, or a preset: count, percent, ratio, year, date, text.</param>
/// <param name="Width">Column width in characters; by default from the header and the values.</param>
/// <param name="Highlight">Whole-row fills for rows whose value in this column equals a key (e.g. 未发布: red).</param>
/// <param name="Line">The line it is written on.</param>
/// <param name="Definition">What a rate of the dashboard's own divides, for the cover; the rates of the views are defined in <see cref="Rates"/>.</param>
public sealed record ColumnSpec(
    string Field,
    string Caption,
    string? Aggregate,
    string? Format,
    double? Width,
    Thresholds? Thresholds,
    IReadOnlyDictionary<string, string>? Highlight,
    int Line,
    string? Definition = null);

/// <summary>Red and yellow fills for a measure: below (or above) the red value is red, then yellow.</summary>
public sealed record Thresholds(double? RedBelow, double? YellowBelow, double? RedAbove, double? YellowAbove);

public sealed record OrderSpec(string Field, bool Descending, int Line);

/// <summary>Values of <see cref="Field"/> become columns (ordered by <see cref="OrderBy"/>, headed by <see cref="Label"/>).</summary>
public sealed record SpreadSpec(string Field, string OrderBy, string Label, int Line);

/// <summary>
/// A rank of rows by a measure, within each value of <see cref="PartitionBy"/> (e.g. each year).
/// Rows whose measure is null, or whose <c>rankable</c> is 0 (under 30 applications), get no rank.
/// </summary>
public sealed record RankSpec(string Field, bool Descending, string Caption, IReadOnlyList<string> PartitionBy, int Line);

/// <summary>
/// One condition of a table's or data sheet's <c>where</c>: rows whose field equals one of
/// <see cref="Values"/> are kept (<c>applicant_code: total</c>, <c>group_code: [granted, partial]</c>),
/// or, with <see cref="Not"/>, left out (<c>applicant_code: { not: total }</c>): a data sheet under
/// a PivotTable leaves out the total rows and columns, so that the pivot never adds a total to its parts.
/// </summary>
public sealed record WhereCondition(string Field, IReadOnlyList<string> Values, bool Not);

/// <summary>How the command-line filters apply to a view's fields.</summary>
/// <param name="Year">Field compared with the chosen year or years.</param>
/// <param name="Region">Rows within the chosen region (its province_code, city_code or region_code equals it).</param>
/// <param name="Level">Field holding the level of the row's region; rows at <see cref="LevelAt"/> are kept.</param>
/// <param name="LevelAt"><c>children</c>: the chosen level (by default one below the region); <c>region</c>: the region's own level.</param>
/// <param name="AgencyType">Field holding the agency type; <see cref="AgencyTypeAll"/> is its value for all types, when the view sums them.</param>
/// <param name="Panel">
/// Field holding the agency code, for a balanced panel (<c>--balanced</c>): rows of agencies without a report in every year chosen are left out;
/// or <see cref="NoPanel"/> for a table of counts that are not per reporting agency (the roster's), which --balanced leaves whole.
/// </param>
public sealed record FilterBinding(string? Year, bool Region, string? Level, string LevelAt, string? AgencyType, string? AgencyTypeAll, string? Panel = null)
{
    /// <summary>
    /// <c>panel: none</c>: the table is not narrowed to a balanced panel. For counts over the roster
    /// (应报名单): kept to the agencies that reported every year, its coverage would be 100% by construction.
    /// </summary>
    public const string NoPanel = "none";

    public static FilterBinding None { get; } = new(null, false, null, "children", null, null);

    /// <summary>The agency field a balanced panel narrows by; null when none (no panel, or <see cref="NoPanel"/>).</summary>
    public string? PanelField => Panel is NoPanel ? null : Panel;
}

/// <summary>The data sheet: detail rows of a view under the same filters, for the PivotTable.</summary>
public sealed record DataSpec(string Sheet, string View, FilterBinding Filter, IReadOnlyList<WhereCondition> Where, IReadOnlyList<ColumnSpec> Columns, IReadOnlyList<OrderSpec> Order, int Line, int ViewLine);

/// <summary>A PivotTable over the data sheet: fields by their view names.</summary>
/// <param name="TotalColumn">
/// The grand-total column at the right, adding up each row across the columns; false when a
/// column item is itself a total (the 总计 column of table 三), which the pivot must not add to its parts.
/// </param>
public sealed record PivotSpec(IReadOnlyList<string> Rows, IReadOnlyList<string> Columns, IReadOnlyList<PivotValue> Values, IReadOnlyList<string> Filters, bool TotalColumn, int Line);

public sealed record PivotValue(string Field, string Aggregate, string Caption, string? Format, int Line);

/// <summary>A chart of one summary table: a bar or line per <see cref="Series"/> value over <see cref="Category"/>.</summary>
/// <param name="Top">Only the first N categories, in the table's order.</param>
public sealed record ChartSpec(string Table, ChartKind Type, string Title, string Category, string? Series, string Value, int? Top, int Line);
