using System.Text.RegularExpressions;
using Warehouse.Catalogue;
using YamlDotNet.RepresentationModel;

namespace Warehouse.Export.Dashboards;

/// <summary>
/// Reads a dashboard's YAML file into a <see cref="Dashboard"/>, reporting every mistake of
/// form with its line. Whether the views and fields it names exist is for
/// <see cref="DashboardChecker"/>, which knows the warehouse.
/// </summary>
public static partial class DashboardReader
{
    private static readonly string[] RootKeys = ["title", "description", "filters", "sheets"];
    private static readonly string[] FilterKeys = ["years", "single_year", "region", "level", "agency_type", "balanced"];
    private static readonly string[] SheetKeys = ["name", "about", "tables", "chart", "data", "pivot"];
    private static readonly string[] TableKeys = ["id", "caption", "view", "filter", "where", "columns", "order", "spread", "rank", "limit"];
    private static readonly string[] BindingKeys = ["year", "region", "level", "level_at", "agency_type", "agency_type_all", "panel"];
    private static readonly string[] ColumnKeys = ["field", "caption", "aggregate", "format", "width", "red_below", "yellow_below", "red_above", "yellow_above", "highlight", "definition"];
    private static readonly string[] SpreadKeys = ["field", "order_by", "label"];
    private static readonly string[] RankKeys = ["field", "order", "caption", "partition_by"];
    private static readonly string[] ChartKeys = ["table", "type", "title", "category", "series", "value", "top"];
    private static readonly string[] DataKeys = ["sheet", "view", "filter", "where", "columns", "order"];
    private static readonly string[] PivotKeys = ["rows", "columns", "values", "filters", "total_column"];
    private static readonly string[] PivotValueKeys = ["field", "aggregate", "caption", "format"];

    public static (Dashboard? Dashboard, IReadOnlyList<DashboardProblem> Problems) Read(string path) =>
        YamlDefinition.TryRead(path, out var text, out var failure) ? Parse(text, path) : (null, [new DashboardProblem(path, 0, failure)]);

    public static (Dashboard? Dashboard, IReadOnlyList<DashboardProblem> Problems) Parse(string yaml, string file)
    {
        var problems = new List<DashboardProblem>();
        var y = new YamlDefinition(file, (line, message) => problems.Add(new DashboardProblem(file, line, message)));
        if (y.Root(yaml, "title:, filters:, sheets:") is not { } root) return (null, problems);

        var fields = y.Map(root, "the dashboard", RootKeys);
        var name = Path.GetFileNameWithoutExtension(file);
        if (!NamePattern().IsMatch(name)) y.Problem(root, $"the file name '{name}' may hold only lower-case letters, digits and '-' (it is the dashboard's name on the command line)");
        var title = y.Required(fields, "title", "the dashboard", root, "what the workbook is called, e.g. 地区对比");
        var description = y.Str(fields, "description", "the dashboard");
        var filters = Filters(y, fields?.GetValueOrDefault("filters"));

        var sheets = new List<SheetSpec>();
        foreach (var node in y.Seq(fields, "sheets", "the dashboard"))
        {
            if (Sheet(y, node) is { } sheet) sheets.Add(sheet);
        }

        if (fields is not null && !fields.ContainsKey("sheets")) y.Problem(root, "sheets: is missing (a list of sheets, each with a name and tables)");
        var dashboard = new Dashboard(name, file, title, description, filters, sheets);
        return (problems.Count == 0 ? dashboard : null, problems);
    }

    private static DashboardFilters Filters(YamlDefinition y, YamlNode? node)
    {
        var f = y.Map(node, "filters", FilterKeys);
        var years = YearsDefault.Latest;
        if (y.Str(f, "years", "filters") is { } text)
        {
            var m = YearsPattern().Match(text);
            if (text == "latest") years = YearsDefault.Latest;
            else if (text == "all") years = YearsDefault.All;
            else if (m.Success) years = new YearsDefault("last", int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            else y.Problem(f!["years"], $"filters: years '{text}' should be latest, all, or last N (e.g. last 5)");
        }

        return new DashboardFilters(years, y.Bool(f, "single_year", "filters"), y.Bool(f, "region", "filters"), y.Bool(f, "level", "filters"), y.Bool(f, "agency_type", "filters"),
            y.Bool(f, "balanced", "filters"));
    }

    private static SheetSpec? Sheet(YamlDefinition y, YamlNode node)
    {
        var s = y.Map(node, "a sheet", SheetKeys);
        if (s is null) return null;
        var name = y.Required(s, "name", "a sheet", node, "the sheet's tab, e.g. 地区对比");
        var what = $"sheet {name}";
        var tables = y.Seq(s, "tables", what).Select(t => Table(y, t, what)).OfType<TableSpec>().ToList();
        if (!s.ContainsKey("tables")) y.Problem(node, $"{what}: tables: is missing (at least one summary table)");
        var chart = s.TryGetValue("chart", out var c) ? Chart(y, c, what) : null;
        var data = s.TryGetValue("data", out var d) ? Data(y, d, what) : null;
        var pivot = s.TryGetValue("pivot", out var p) ? Pivot(y, p, what) : null;
        return new SheetSpec(name, y.Str(s, "about", what), tables, chart, data, pivot, YamlDefinition.Line(node));
    }

    private static TableSpec? Table(YamlDefinition y, YamlNode node, string sheet)
    {
        var t = y.Map(node, $"{sheet}: a table", TableKeys);
        if (t is null) return null;
        var id = y.Required(t, "id", $"{sheet}: a table", node, "a name for the Excel table, e.g. region_measures");
        var what = $"{sheet}: table {id}";
        var view = y.Required(t, "view", what, node, "the warehouse view it reads, e.g. v_region_year_measures");
        SpreadSpec? spread = null;
        if (t.TryGetValue("spread", out var sn) && y.Map(sn, $"{what}: spread", SpreadKeys) is { } sm)
        {
            var field = y.Required(sm, "field", $"{what}: spread", sn, "the field whose values become columns");
            spread = new SpreadSpec(field, y.Str(sm, "order_by", $"{what}: spread") ?? field, y.Str(sm, "label", $"{what}: spread") ?? field, YamlDefinition.Line(sn));
        }

        RankSpec? rank = null;
        if (t.TryGetValue("rank", out var rn) && y.Map(rn, $"{what}: rank", RankKeys) is { } rm)
        {
            var order = y.Str(rm, "order", $"{what}: rank") ?? "desc";
            if (order is not ("asc" or "desc")) y.Problem(rm["order"], $"{what}: rank order should be asc or desc, not '{order}'");
            rank = new RankSpec(
                y.Required(rm, "field", $"{what}: rank", rn, "the measure to rank by"),
                order == "desc",
                y.Str(rm, "caption", $"{what}: rank") ?? "排名",
                y.Words(rm, "partition_by", $"{what}: rank"),
                YamlDefinition.Line(rn));
        }

        var columns = Columns(y, y.Seq(t, "columns", what), what);
        if (!t.ContainsKey("columns")) y.Problem(node, $"{what}: columns: is missing (the fields to show)");
        return new TableSpec(id, y.Str(t, "caption", what), view, Binding(y, t.GetValueOrDefault("filter"), what), Where(y, t, what), columns,
            Order(y, t, what), spread, rank, y.WholeNumber(t, "limit", what), YamlDefinition.Line(node), YamlDefinition.Line(t.GetValueOrDefault("view") ?? node));
    }

    private static DataSpec? Data(YamlDefinition y, YamlNode node, string sheet)
    {
        var d = y.Map(node, $"{sheet}: data", DataKeys);
        if (d is null) return null;
        var what = $"{sheet}: data";
        var name = y.Required(d, "sheet", what, node, "the data sheet's tab, e.g. 地区对比数据");
        var view = y.Required(d, "view", what, node, "the warehouse view of the detail rows");
        var columns = Columns(y, y.Seq(d, "columns", what), what);
        foreach (var c in columns.Where(c => c.Aggregate is not null)) y.Problem(null, $"{what}: column {c.Field} (line {c.Line}) has an aggregate, but a data sheet holds detail rows; aggregate in the pivot instead");
        return new DataSpec(name, view, Binding(y, d.GetValueOrDefault("filter"), what), Where(y, d, what), columns, Order(y, d, what), YamlDefinition.Line(node), YamlDefinition.Line(d.GetValueOrDefault("view") ?? node));
    }

    private static PivotSpec? Pivot(YamlDefinition y, YamlNode node, string sheet)
    {
        var p = y.Map(node, $"{sheet}: pivot", PivotKeys);
        if (p is null) return null;
        var what = $"{sheet}: pivot";
        var values = new List<PivotValue>();
        foreach (var v in y.Seq(p, "values", what))
        {
            var m = y.Map(v, $"{what}: a value", PivotValueKeys);
            if (m is null) continue;
            var field = y.Required(m, "field", $"{what}: a value", v, "the data field to aggregate");
            values.Add(new PivotValue(field, y.Str(m, "aggregate", $"{what}: value {field}") ?? "sum", y.Str(m, "caption", $"{what}: value {field}") ?? field,
                y.Str(m, "format", $"{what}: value {field}"), YamlDefinition.Line(v)));
        }

        if (values.Count == 0) y.Problem(node, $"{what}: values: is missing (at least one field to aggregate, e.g. {{ field: applications_handled, aggregate: sum }})");
        return new PivotSpec(y.Words(p, "rows", what), y.Words(p, "columns", what), values, y.Words(p, "filters", what), y.Bool(p, "total_column", what, absent: true), YamlDefinition.Line(node));
    }

    private static ChartSpec? Chart(YamlDefinition y, YamlNode node, string sheet)
    {
        var c = y.Map(node, $"{sheet}: chart", ChartKeys);
        if (c is null) return null;
        var what = $"{sheet}: chart";
        var type = y.Str(c, "type", what) ?? "bar";
        ChartKind? kind = type switch
        {
            "bar" => ChartKind.Bar,
            "hbar" => ChartKind.HorizontalBar,
            "line" => ChartKind.Line,
            _ => null,
        };
        if (kind is null) y.Problem(c["type"], $"{what}: type should be bar, hbar (horizontal bars, for long labels) or line, not '{type}'");
        return new ChartSpec(
            y.Required(c, "table", what, node, "the id of the table it draws"),
            kind ?? ChartKind.Bar,
            y.Required(c, "title", what, node, "the chart's title, e.g. 各地区受理申请数"),
            y.Required(c, "category", what, node, "the field along the axis, e.g. region"),
            y.Str(c, "series", what),
            y.Required(c, "value", what, node, "the measure drawn, e.g. applications_handled"),
            y.WholeNumber(c, "top", what),
            YamlDefinition.Line(node));
    }

    private static List<WhereCondition> Where(YamlDefinition y, Dictionary<string, YamlNode> map, string what)
    {
        var where = new List<WhereCondition>();
        if (!map.TryGetValue("where", out var node)) return where;
        const string Example = "e.g. { applicant_code: total }, { group_code: [granted, partial] } or { applicant_code: { not: total } }";
        if (node is not YamlMappingNode m)
        {
            y.Problem(node, $"{what}: where should map fields to the values rows must have, {Example}");
            return where;
        }

        // A value, a list of values (one of them), or { not: value or list } (none of them).
        List<string>? Values(YamlNode v) => v switch
        {
            YamlScalarNode s => [s.Value ?? ""],
            YamlSequenceNode q when q.Children.All(c => c is YamlScalarNode) && q.Children.Count > 0 => q.Children.Select(c => ((YamlScalarNode)c).Value ?? "").ToList(),
            _ => null,
        };

        foreach (var (k, v) in m.Children)
        {
            if (k is not YamlScalarNode { Value: { } field })
            {
                y.Problem(k, $"{what}: each where entry should be field: value, {Example}");
                continue;
            }

            var not = v is YamlMappingNode nm && nm.Children.Count == 1 && nm.Children.Keys.Single() is YamlScalarNode { Value: "not" };
            var values = not ? Values(((YamlMappingNode)v).Children.Values.Single()) : Values(v);
            if (values is null) y.Problem(v, $"{what}: where {field} should be a value, a list of values, or {{ not: value or list }}, {Example}");
            else where.Add(new WhereCondition(field, values, not));
        }

        return where;
    }

    private static FilterBinding Binding(YamlDefinition y, YamlNode? node, string what)
    {
        if (node is null) return FilterBinding.None;
        var b = y.Map(node, $"{what}: filter", BindingKeys);
        var at = y.Str(b, "level_at", $"{what}: filter") ?? "children";
        if (at is not ("children" or "region")) y.Problem(b!["level_at"], $"{what}: filter level_at should be children (the level below the chosen region) or region (the region itself), not '{at}'");
        return new FilterBinding(
            y.Str(b, "year", $"{what}: filter"),
            y.Bool(b, "region", $"{what}: filter"),
            y.Str(b, "level", $"{what}: filter"),
            at,
            y.Str(b, "agency_type", $"{what}: filter"),
            y.Str(b, "agency_type_all", $"{what}: filter"),
            y.Str(b, "panel", $"{what}: filter"));
    }

    private static List<ColumnSpec> Columns(YamlDefinition y, IReadOnlyList<YamlNode> nodes, string what)
    {
        var columns = new List<ColumnSpec>();
        foreach (var node in nodes)
        {
            if (node is YamlScalarNode s && !string.IsNullOrWhiteSpace(s.Value))
            {
                columns.Add(new ColumnSpec(s.Value.Trim(), s.Value.Trim(), null, null, null, null, null, YamlDefinition.Line(node)));
                continue;
            }

            var c = y.Map(node, $"{what}: a column", ColumnKeys);
            if (c is null) continue;
            var field = y.Required(c, "field", $"{what}: a column", node, "the view's field");
            var cw = $"{what}: column {field}";
            Thresholds? thresholds = null;
            var (rb, yb, ra, ya) = (y.Number(c, "red_below", cw), y.Number(c, "yellow_below", cw), y.Number(c, "red_above", cw), y.Number(c, "yellow_above", cw));
            if (rb is not null || yb is not null || ra is not null || ya is not null)
            {
                thresholds = new Thresholds(rb, yb, ra, ya);
                if (rb > yb) y.Problem(c["red_below"], $"{cw}: red_below ({rb}) should not exceed yellow_below ({yb}): red is the worse band");
                if (ra < ya) y.Problem(c["red_above"], $"{cw}: red_above ({ra}) should not be under yellow_above ({ya}): red is the worse band");
            }

            Dictionary<string, string>? highlight = null;
            if (c.TryGetValue("highlight", out var hn) && hn is YamlMappingNode hm)
            {
                highlight = [];
                foreach (var (k, v) in hm.Children)
                {
                    var colour = (v as YamlScalarNode)?.Value ?? "";
                    if (!Fills.Known(colour)) y.Problem(v, $"{cw}: highlight colour '{colour}' should be one of {string.Join(", ", Fills.Names)}");
                    highlight[(k as YamlScalarNode)?.Value ?? ""] = colour;
                }
            }
            else if (hn is not null)
            {
                y.Problem(hn, $"{cw}: highlight should map values to colours, e.g. {{ 未发布: red, 逾期发布: yellow }}");
            }

            columns.Add(new ColumnSpec(field, y.Str(c, "caption", cw) ?? field, y.Str(c, "aggregate", cw), y.Str(c, "format", cw),
                y.Number(c, "width", cw), thresholds, highlight, YamlDefinition.Line(node), y.Str(c, "definition", cw)));
        }

        return columns;
    }

    private static List<OrderSpec> Order(YamlDefinition y, Dictionary<string, YamlNode> map, string what) =>
        y.Seq(map, "order", what)
            .Select(n => (n, text: (n as YamlScalarNode)?.Value?.Trim() ?? ""))
            .Where(x => x.text.Length > 0)
            .Select(x => x.text.StartsWith('-')
                ? new OrderSpec(x.text[1..], true, YamlDefinition.Line(x.n))
                : x.text.EndsWith(" desc", StringComparison.Ordinal)
                    ? new OrderSpec(x.text[..^5].Trim(), true, YamlDefinition.Line(x.n))
                    : new OrderSpec(x.text.Replace(" asc", "", StringComparison.Ordinal).Trim(), false, YamlDefinition.Line(x.n)))
            .ToList();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^last\s+(\d{1,2})$")]
    private static partial Regex YearsPattern();
}
