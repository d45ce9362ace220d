using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using Warehouse.Data;
using Warehouse.Export.Dashboards;

namespace Warehouse.Export;

/// <summary>A query built from a dashboard, with its parameters and what each output column shows.</summary>
public sealed record BuiltQuery(string Sql, DynamicParameters Parameters, IReadOnlyList<OutputColumn> Columns);

/// <summary>One column of a query's result as a sheet shows it.</summary>
public sealed record OutputColumn(string Field, string Caption, string? Format, ColumnSpec? Spec);

/// <summary>A value of a spread field, the column it becomes.</summary>
public sealed record SpreadValue(object Value, string Label);

/// <summary>
/// Turns a dashboard's tables and data sheets into SQL over the warehouse's views. This is
/// the one place SQL is composed rather than read from <c>sql/</c>: dashboards are data, and
/// a user adds one without code. Only names the <see cref="DashboardChecker"/> found in the
/// view catalogue reach here (and each is checked again to be a plain identifier); every
/// value (years, region, agency type, spread values) is a parameter.
/// </summary>
public sealed partial class QueryBuilder(Dialect dialect)
{
    private const string RankColumn = "rank_value";

    /// <summary>Set by the exporter from the catalogue: the views with a <c>rankable</c> column.</summary>
    public IReadOnlySet<string> RankableViews { get; init; } = new HashSet<string>();

    public BuiltQuery Data(DataSpec d, Selection s)
    {
        var p = new DynamicParameters();
        var sql = new StringBuilder("select ")
            .AppendJoin(", ", d.Columns.Select(c => Q(c.Field)))
            .Append(" from ").Append(View(d.View))
            .Append(Where(d.Filter, d.Where, s, p))
            .Append(OrderBy(d.Order.Select(o => (Q(o.Field), o.Descending))));
        return new BuiltQuery(sql.ToString(), p, d.Columns.Select(c => new OutputColumn(c.Field, c.Caption, c.Format, c)).ToList());
    }

    /// <summary>The distinct values of a table's spread field under the selection, in order.</summary>
    public BuiltQuery SpreadValues(TableSpec t, Selection s)
    {
        var spread = t.Spread ?? throw new InvalidOperationException($"Table {t.Id} has no spread.");
        var p = new DynamicParameters();
        var sql = $"select distinct {Q(spread.Field)}, {Q(spread.OrderBy)}, {Q(spread.Label)} from {View(t.View)}{Where(t.Filter, t.Where, s, p)} order by {Q(spread.OrderBy)}";
        return new BuiltQuery(sql, p, []);
    }

    public BuiltQuery Table(TableSpec t, Selection s, IReadOnlyList<SpreadValue>? spreadValues = null)
    {
        if (t.Spread is not null) return Spread(t, s, spreadValues ?? throw new ArgumentNullException(nameof(spreadValues)));
        if (t.Rank is not null) return Ranked(t, s);
        var p = new DynamicParameters();
        var grouped = t.Columns.Any(c => c.Aggregate is not null);
        var select = t.Columns.Select(c => c.Aggregate is { } a ? $"{Aggregate(a, Q(c.Field))} as {Q(c.Field)}" : Q(c.Field));
        var sql = new StringBuilder("select ").Append(Top(t.Limit)).AppendJoin(", ", select)
            .Append(" from ").Append(View(t.View))
            .Append(Where(t.Filter, t.Where, s, p));
        if (grouped && t.Columns.Any(c => c.Aggregate is null))
        {
            sql.Append(" group by ").AppendJoin(", ", t.Columns.Where(c => c.Aggregate is null).Select(c => Q(c.Field)));
        }

        sql.Append(OrderBy(t.Order.Select(o => (Q(o.Field), o.Descending)))).Append(Limit(t.Limit));
        return new BuiltQuery(sql.ToString(), p, Outputs(t));
    }

    private BuiltQuery Spread(TableSpec t, Selection s, IReadOnlyList<SpreadValue> values)
    {
        var spread = t.Spread!;
        var p = new DynamicParameters();
        var value = t.Columns.Single(c => c.Aggregate is not null);
        var keys = t.Columns.Where(c => c.Aggregate is null).ToList();
        var select = keys.Select(c => Q(c.Field)).Concat(values.Select((v, i) =>
        {
            p.Add($"spread{i}", v.Value);
            return $"{Aggregate(value.Aggregate!, $"case when {Q(spread.Field)} = @spread{i} then {Q(value.Field)} end")} as {Q($"spread{i}")}";
        }));
        var sql = new StringBuilder("select ").Append(Top(t.Limit)).AppendJoin(", ", select)
            .Append(" from ").Append(View(t.View))
            .Append(Where(t.Filter, t.Where, s, p));
        if (keys.Count > 0) sql.Append(" group by ").AppendJoin(", ", keys.Select(c => Q(c.Field)));
        sql.Append(OrderBy(t.Order.Select(o => (Q(o.Field), o.Descending)))).Append(Limit(t.Limit));
        var columns = keys.Select(c => new OutputColumn(c.Field, c.Caption, c.Format, c))
            .Concat(values.Select((v, i) => new OutputColumn($"spread{i}", v.Label, value.Format, value)))
            .ToList();
        return new BuiltQuery(sql.ToString(), p, columns);
    }

    private BuiltQuery Ranked(TableSpec t, Selection s)
    {
        var rank = t.Rank!;
        var p = new DynamicParameters();
        var measure = Q(rank.Field);
        // Rates over fewer than 30 applications are shown but not ranked (domain.md); views that carry
        // a rankable flag say which rows those are.
        var rankable = RankableViews.Contains(t.View) ? $"{measure} is not null and {Q("rankable")} = 1" : $"{measure} is not null";
        var ranked = $"case when {rankable} then 1 else 0 end";
        var partition = rank.PartitionBy.Select(Q).Append(ranked);
        var inner = new StringBuilder("select ")
            .AppendJoin(", ", t.Columns.Select(c => Q(c.Field)).Append(measure).Distinct())
            .Append(CultureInfo.InvariantCulture, $", case when {rankable} then rank() over (partition by {string.Join(", ", partition)} order by {measure} {(rank.Descending ? "desc" : "asc")}) end as {Q(RankColumn)}")
            .Append(" from ").Append(View(t.View))
            .Append(Where(t.Filter, t.Where, s, p));
        var sql = new StringBuilder("select ").Append(Top(t.Limit))
            .AppendJoin(", ", t.Columns.Select(c => Q(c.Field)).Prepend(Q(RankColumn)))
            .Append(" from (").Append(inner).Append(") ranked")
            .Append(OrderBy(rank.PartitionBy.Select(f => (Q(f), false))
                .Append(($"case when {Q(RankColumn)} is null then 1 else 0 end", false))
                .Append((Q(RankColumn), false))
                .Concat(t.Order.Select(o => (Q(o.Field), o.Descending)))))
            .Append(Limit(t.Limit));
        var columns = Outputs(t).Prepend(new OutputColumn(RankColumn, rank.Caption, "0", null)).ToList();
        return new BuiltQuery(sql.ToString(), p, columns);
    }

    private static List<OutputColumn> Outputs(TableSpec t) => t.Columns.Select(c => new OutputColumn(c.Field, c.Caption, c.Format, c)).ToList();

    private string Where(FilterBinding b, IReadOnlyList<WhereCondition> conditions, Selection s, DynamicParameters p)
    {
        var where = new List<string>();
        var n = 0;
        foreach (var c in conditions)
        {
            var names = new List<string>();
            foreach (var value in c.Values)
            {
                p.Add($"where{n}", value);
                names.Add($"@where{n++}");
            }

            where.Add(names.Count == 1
                ? $"{Q(c.Field)} {(c.Not ? "<>" : "=")} {names[0]}"
                : $"{Q(c.Field)} {(c.Not ? "not in" : "in")} ({string.Join(", ", names)})");
        }

        if (b.Year is { } year)
        {
            if (s.FirstYear is null)
            {
                where.Add("1 = 0");
            }
            else
            {
                p.Add("first_year", s.FirstYear);
                p.Add("last_year", s.LastYear);
                where.Add($"{Q(year)} between @first_year and @last_year");
            }
        }

        if (b.Region && s.Region is { } region)
        {
            p.Add("region", region.Code);
            where.Add($"(province_code = @region or city_code = @region or region_code = @region)");
        }

        if (b.Level is { } level)
        {
            p.Add("level", b.LevelAt == "region" ? (s.Region is null ? "province" : Selection.LevelOf(s.Region)) : s.Level);
            where.Add($"{Q(level)} = @level");
        }

        if (b.AgencyType is { } type && (s.AgencyType ?? b.AgencyTypeAll) is { } chosen)
        {
            p.Add("agency_type", chosen);
            where.Add($"{Q(type)} = @agency_type");
        }

        if (s.Balanced && b.PanelField is { } panel && s.FirstYear is not null) where.Add($"{Q(panel)} in ({Panel(s, p)})");

        return where.Count == 0 ? "" : " where " + string.Join(" and ", where);
    }

    /// <summary>The agencies with a current report in every year of the selection (a balanced panel), as a subquery.</summary>
    private string Panel(Selection s, DynamicParameters p)
    {
        p.Add("first_year", s.FirstYear);
        p.Add("last_year", s.LastYear);
        p.Add("panel_years", s.LastYear - s.FirstYear + 1);
        return $"select {Q("agency_code")} from {View("v_report_current")} where {Q("year")} between @first_year and @last_year group by {Q("agency_code")} having count(*) = @panel_years";
    }

    /// <summary>How many agencies a balanced selection keeps: those of the panel with a report in the last year, under the region and agency type chosen.</summary>
    public BuiltQuery PanelAgencies(Selection s)
    {
        var p = new DynamicParameters();
        var binding = new FilterBinding(null, true, null, "children", "agency_type", null, "agency_code");
        p.Add("panel_last", s.LastYear);
        var where = Where(binding, [], s with { Balanced = true }, p);
        var sql = $"select count(*) from {View("v_report_current")}{where}{(where.Length == 0 ? " where " : " and ")}{Q("year")} = @panel_last";
        return new BuiltQuery(sql, p, []);
    }

    private static string OrderBy(IEnumerable<(string Expression, bool Descending)> order)
    {
        var terms = order.Select(o => o.Descending ? $"{o.Expression} desc" : o.Expression).ToList();
        return terms.Count == 0 ? "" : " order by " + string.Join(", ", terms);
    }

    private string Top(int? limit) => limit is { } n && dialect == Dialect.SqlServer ? $"top ({n}) " : "";

    private string Limit(int? limit) => limit is { } n && dialect == Dialect.Sqlite ? $" limit {n}" : "";

    private static string Aggregate(string aggregate, string expression) => aggregate switch
    {
        "sum" => $"sum({expression})",
        "count" => $"count({expression})",
        "min" => $"min({expression})",
        "max" => $"max({expression})",
        "average" => $"avg({expression})",
        _ => throw new ArgumentOutOfRangeException(nameof(aggregate), aggregate, "Not an aggregation the checker allows."),
    };

    private string View(string view) => dialect == Dialect.SqlServer ? $"dbo.{Q(view)}" : Q(view);

    private string Q(string identifier)
    {
        if (!Identifier().IsMatch(identifier)) throw new ArgumentException($"'{identifier}' is not a plain identifier.", nameof(identifier));
        return dialect == Dialect.SqlServer ? $"[{identifier}]" : $"\"{identifier}\"";
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
