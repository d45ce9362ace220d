using System.Text.RegularExpressions;
using Warehouse.Catalogue;

namespace Warehouse.Export.Dashboards;

/// <summary>
/// Checks a dashboard against the warehouse's views: every view and field it names exists,
/// every aggregation makes sense (rates are never summed or averaged: the views compute them
/// from sums), sheet and table names suit Excel, and the chart and pivot name fields they have.
/// </summary>
public static partial class DashboardChecker
{
    public static readonly IReadOnlyList<string> Aggregates = ["sum", "count", "min", "max", "average"];
    public static readonly IReadOnlyList<string> FormatPresets = ["count", "number", "percent", "ratio", "year", "date", "text", "link"];
    public const string CoverSheet = "说明";
    private const int MaxSheetName = 31;

    public static IReadOnlyList<DashboardProblem> Check(Dashboard d, ViewCatalog catalog)
    {
        var problems = new List<DashboardProblem>();
        void Problem(int line, string message) => problems.Add(new DashboardProblem(d.File, line, message));

        if (d.Sheets.Count == 0) Problem(0, "has no sheets");
        var sheetNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { CoverSheet };
        var tableIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var sheet in d.Sheets)
        {
            SheetName(sheet.Name, sheet.Line, sheetNames, Problem);
            foreach (var table in sheet.Tables)
            {
                if (!TableIdPattern().IsMatch(table.Id)) Problem(table.Line, $"table id '{table.Id}' should be letters, digits and '_', starting with a letter (Excel names its tables so)");
                else if (!tableIds.Add(table.Id)) Problem(table.Line, $"table id '{table.Id}' is used twice");
                CheckTable(sheet, table, catalog, d.Filters, Problem);
            }

            if (sheet.Chart is { } chart) CheckChart(sheet, chart, Problem);
            if (sheet.Data is { } data)
            {
                SheetName(data.Sheet, data.Line, sheetNames, Problem);
                if (View(data.View, data.ViewLine, catalog, $"sheet {sheet.Name}: data", Problem))
                {
                    Binding(data.Filter, data.View, data.Line, catalog, $"sheet {sheet.Name}: data", d.Filters, Problem);
                    foreach (var f in data.Where.Select(w => w.Field)) Field(f, data.View, data.Line, catalog, $"sheet {sheet.Name}: data where", Problem);
                    foreach (var c in data.Columns) Field(c.Field, data.View, c.Line, catalog, $"sheet {sheet.Name}: data", Problem);
                    foreach (var o in data.Order) Field(o.Field, data.View, o.Line, catalog, $"sheet {sheet.Name}: data order", Problem);
                    foreach (var c in data.Columns) Format(c.Format, c.Line, $"sheet {sheet.Name}: data column {c.Field}", Problem);
                    foreach (var c in data.Columns) Defined(c, $"sheet {sheet.Name}: data column {c.Field}", Problem);
                }
            }

            if (sheet.Pivot is { } pivot) CheckPivot(sheet, pivot, Problem);
        }

        return problems;
    }

    private static void CheckTable(SheetSpec sheet, TableSpec t, ViewCatalog catalog, DashboardFilters filters, Action<int, string> problem)
    {
        var what = $"sheet {sheet.Name}: table {t.Id}";
        if (!View(t.View, t.ViewLine, catalog, what, problem)) return;
        Binding(t.Filter, t.View, t.Line, catalog, what, filters, problem);
        foreach (var f in t.Where.Select(w => w.Field)) Field(f, t.View, t.Line, catalog, $"{what}: where", problem);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in t.Columns.Where(c => !seen.Add(c.Field))) problem(c.Line, $"{what}: column {c.Field} is shown twice");
        if (t.Columns.Count == 0) problem(t.Line, $"{what}: has no columns");
        foreach (var c in t.Columns)
        {
            Field(c.Field, t.View, c.Line, catalog, what, problem);
            Format(c.Format, c.Line, $"{what}: column {c.Field}", problem);
            Defined(c, $"{what}: column {c.Field}", problem);
            if (c.Aggregate is { } a) Aggregation(a, c.Field, c.Line, $"{what}: column {c.Field}", problem);
        }

        var grouped = t.Columns.Any(c => c.Aggregate is not null);
        foreach (var o in t.Order)
        {
            Field(o.Field, t.View, o.Line, catalog, $"{what}: order", problem);
            if ((grouped || t.Rank is not null) && !t.Columns.Any(c => c.Field == o.Field))
            {
                problem(o.Line, $"{what}: order by {o.Field}, which is not one of the table's columns (a grouped or ranked table can only be ordered by its columns)");
            }
        }

        if (t.Spread is { } s)
        {
            foreach (var f in new[] { s.Field, s.OrderBy, s.Label }.Distinct()) Field(f, t.View, s.Line, catalog, $"{what}: spread", problem);
            if (t.Columns.Count(c => c.Aggregate is not null) != 1) problem(s.Line, $"{what}: a spread needs exactly one column with an aggregate (the value spread over the columns)");
            if (t.Columns.Any(c => c.Field == s.Field)) problem(s.Line, $"{what}: the spread field {s.Field} cannot also be a column");
        }

        if (t.Rank is { } r)
        {
            Field(r.Field, t.View, r.Line, catalog, $"{what}: rank", problem);
            foreach (var p in r.PartitionBy) Field(p, t.View, r.Line, catalog, $"{what}: rank partition", problem);
            if (grouped) problem(r.Line, $"{what}: a rank ranks the view's rows; it cannot be used with aggregates");
            if (t.Spread is not null) problem(r.Line, $"{what}: a table cannot have both a rank and a spread");
        }
    }

    private static void CheckChart(SheetSpec sheet, ChartSpec chart, Action<int, string> problem)
    {
        var what = $"sheet {sheet.Name}: chart";
        var table = sheet.Tables.FirstOrDefault(t => t.Id == chart.Table);
        if (table is null)
        {
            problem(chart.Line, $"{what}: table '{chart.Table}' is not a table of this sheet ({string.Join(", ", sheet.Tables.Select(t => t.Id))})");
            return;
        }

        if (table.Spread is { } spread)
        {
            // Its series are the spread columns.
            if (chart.Series is not null && chart.Series != spread.Field) problem(chart.Line, $"{what}: table {table.Id} spreads {spread.Field} over its columns, which are the chart's series; leave series out");
            if (table.Columns.FirstOrDefault(c => c.Aggregate is not null) is { } v && v.Field != chart.Value) problem(chart.Line, $"{what}: table {table.Id} spreads {v.Field}; chart value should be {v.Field}");
            if (!table.Columns.Any(c => c.Field == chart.Category && c.Aggregate is null)) problem(chart.Line, $"{what}: {chart.Category} is not a column of table {table.Id}");
            return;
        }

        foreach (var f in new[] { chart.Category, chart.Series, chart.Value }.OfType<string>())
        {
            if (!table.Columns.Any(c => c.Field == f))
            {
                var near = YamlDefinition.Nearest(f, table.Columns.Select(c => c.Field));
                problem(chart.Line, $"{what}: {f} is not a column of table {table.Id}{(near is null ? "" : $" (did you mean '{near}'?)")}");
            }
        }
    }

    private static void CheckPivot(SheetSpec sheet, PivotSpec pivot, Action<int, string> problem)
    {
        var what = $"sheet {sheet.Name}: pivot";
        if (sheet.Data is not { } data)
        {
            problem(pivot.Line, $"{what}: needs a data: sheet to pivot over");
            return;
        }

        var fields = data.Columns.Select(c => c.Field).ToList();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in pivot.Rows.Concat(pivot.Columns).Concat(pivot.Filters))
        {
            if (!fields.Contains(f))
            {
                var near = YamlDefinition.Nearest(f, fields);
                problem(pivot.Line, $"{what}: {f} is not a column of the data sheet{(near is null ? "" : $" (did you mean '{near}'?)")}");
            }
            else if (!used.Add(f))
            {
                problem(pivot.Line, $"{what}: {f} is used twice among rows, columns and filters");
            }
        }

        foreach (var v in pivot.Values)
        {
            if (!fields.Contains(v.Field))
            {
                var near = YamlDefinition.Nearest(v.Field, fields);
                problem(v.Line, $"{what}: value {v.Field} is not a column of the data sheet{(near is null ? "" : $" (did you mean '{near}'?)")}");
            }

            Aggregation(v.Aggregate, v.Field, v.Line, $"{what}: value {v.Field}", problem);
            Format(v.Format, v.Line, $"{what}: value {v.Field}", problem);
        }
    }

    private static void Binding(FilterBinding b, string view, int line, ViewCatalog catalog, string what, DashboardFilters filters, Action<int, string> problem)
    {
        if (b.Year is { } y) Field(y, view, line, catalog, $"{what}: filter year", problem);
        if (b.Level is { } l) Field(l, view, line, catalog, $"{what}: filter level", problem);
        if (b.AgencyType is { } a) Field(a, view, line, catalog, $"{what}: filter agency_type", problem);
        if (b.AgencyTypeAll is not null && b.AgencyType is null) problem(line, $"{what}: filter agency_type_all needs agency_type (the field it is a value of)");
        if (b.PanelField is { } panel) Field(panel, view, line, catalog, $"{what}: filter panel", problem);
        if (filters.Balanced && b.Panel is null) problem(line, $"{what}: the dashboard takes --balanced (filters: balanced: true), so its filter must name the agency field, e.g. panel: agency_code (or panel: none for counts not per reporting agency, left whole)");
        if (!filters.Balanced && b.Panel is not null) problem(line, $"{what}: filter panel is set but the dashboard does not take --balanced (filters: balanced: true)");
        if (b.PanelField is not null && b.Year is null) problem(line, $"{what}: filter panel needs year (a balanced panel is the agencies that reported in every year chosen)");
        if (b.Region)
        {
            foreach (var f in new[] { "province_code", "city_code", "region_code" })
            {
                if (!catalog.Has(view, f)) problem(line, $"{what}: filter region needs the view to have province_code, city_code and region_code; {view} has no {f}");
            }
        }

        if (b.Level is not null && !filters.Region && !filters.Level) problem(line, $"{what}: filter level is set but the dashboard accepts neither a region nor a level (filters: region: true)");
    }

    private static bool View(string view, int line, ViewCatalog catalog, string what, Action<int, string> problem)
    {
        if (catalog.Has(view)) return true;
        var near = YamlDefinition.Nearest(view, catalog.Views.Keys);
        problem(line, $"{what}: unknown view '{view}'{(near is null ? "" : $" (did you mean '{near}'?)")}; the views are {string.Join(", ", catalog.Views.Keys.Order(StringComparer.Ordinal))}");
        return false;
    }

    private static void Field(string field, string view, int line, ViewCatalog catalog, string what, Action<int, string> problem)
    {
        if (catalog.Has(view, field)) return;
        var columns = catalog.Views.GetValueOrDefault(view) ?? [];
        var near = YamlDefinition.Nearest(field, columns);
        problem(line, $"{what}: unknown field '{field}' of {view}{(near is null ? "" : $" (did you mean '{near}'?)")}");
    }

    private static void Aggregation(string aggregate, string field, int line, string what, Action<int, string> problem)
    {
        if (!Aggregates.Contains(aggregate))
        {
            var near = YamlDefinition.Nearest(aggregate, Aggregates);
            problem(line, $"{what}: bad aggregation '{aggregate}'{(near is null ? "" : $" (did you mean '{near}'?)")}; use one of {string.Join(", ", Aggregates)}");
        }
        else if (IsRate(field) && aggregate is "sum" or "average")
        {
            problem(line, $"{what}: bad aggregation: {aggregate} of the rate {field} gives a wrong figure (a rate of a group is its sums divided, which the views compute); aggregate the counts, or take the rate from a view at the level wanted (min or max of one row)");
        }
    }

    /// <summary>A rate (or anything shown as a percentage) must be defined on the cover: by <see cref="Rates"/>, or by its own definition:.</summary>
    private static void Defined(ColumnSpec c, string what, Action<int, string> problem)
    {
        if (c.Field.EndsWith("_change", StringComparison.Ordinal) && IsRate(c.Field[..^"_change".Length]) && (c.Format is "percent" || (c.Format?.Contains('%', StringComparison.Ordinal) ?? false)))
        {
            problem(c.Line, $"{what}: {c.Field} is a difference of two rates: show it in percentage points (百分点, e.g. {c.Field}_points), not as a percentage");
            return;
        }

        if (!Rates.NeedsDefinition(c.Field, c.Format) || c.Definition is not null || Rates.Find(c.Field) is not null) return;
        problem(c.Line, $"{what}: the rate {c.Field} has no definition for the cover; give it one (definition: 分子 ÷ 分母), in the template's words");
    }

    /// <summary>Rates and shares: computed by the views, never summed or averaged.</summary>
    public static bool IsRate(string field) =>
        field.EndsWith("_rate", StringComparison.Ordinal) || field.StartsWith("share_of_", StringComparison.Ordinal) || field.EndsWith("_ratio", StringComparison.Ordinal);

    private static void Format(string? format, int line, string what, Action<int, string> problem)
    {
        if (format is null || FormatPresets.Contains(format)) return;
        if (format.IndexOfAny(['0', '#', '@', 'y', 'm', 'd', '?']) < 0)
        {
            problem(line, $"{what}: format '{format}' is neither a preset ({string.Join(", ", FormatPresets)}) nor an Excel number format (e.g. #,##0 or 0.0%)");
        }
    }

    private static void SheetName(string name, int line, HashSet<string> used, Action<int, string> problem)
    {
        if (name.Length == 0) return;
        if (name.Length > MaxSheetName) problem(line, $"sheet name '{name}' is longer than Excel's {MaxSheetName} characters");
        if (name.IndexOfAny(['[', ']', ':', '*', '?', '/', '\\']) >= 0) problem(line, $"sheet name '{name}' holds a character Excel forbids in sheet names ([ ] : * ? / \\)");
        if (!used.Add(name)) problem(line, name == CoverSheet ? $"sheet name '{name}' is the cover sheet's" : $"sheet name '{name}' is used twice");
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex TableIdPattern();
}
