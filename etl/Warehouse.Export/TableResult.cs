namespace Warehouse.Export;

/// <summary>The rows of one summary table or data sheet, as its query returned them, in its columns' order.</summary>
/// <param name="Name">The Excel table's name.</param>
public sealed record TableResult(string Name, string? Caption, IReadOnlyList<OutputColumn> Columns, IReadOnlyList<object?[]> Rows, BuiltQuery Query);

/// <summary>What one dashboard sheet shows: its tables, its chart as PNG, and its detail rows.</summary>
public sealed record SheetResult(Dashboards.SheetSpec Spec, IReadOnlyList<TableResult> Tables, byte[]? Chart, TableResult? Data);

/// <summary>What the warehouse holds, for the cover: current reports, their years, and when it last took in data (an ingest, reparse or crawl), in Beijing time.</summary>
public sealed record Freshness(long Reports, int? FirstYear, int? LastYear, DateTimeOffset? LatestLoad);

/// <summary>Everything a workbook is written from.</summary>
/// <param name="Source">The data's source as the cover names it (a configured name, never a path).</param>
public sealed record WorkbookModel(Dashboards.Dashboard Dashboard, Selection Selection, Freshness Freshness, DateTimeOffset GeneratedAt, string Source, IReadOnlyList<SheetResult> Sheets)
{
    /// <summary>With a balanced selection, how many agencies reported in every year chosen.</summary>
    public long? PanelAgencies { get; init; }

    /// <summary>Sections the caller adds to the cover after the source (<see cref="Exporter.CoverSections"/>).</summary>
    public IReadOnlyList<CoverSection> CoverSections { get; init; } = [];
}
