using Microsoft.SqlServer.TransactSql.ScriptDom;
using Shouldly;
using Warehouse.Core.Regions;
using Warehouse.Data;
using Warehouse.Export.Dashboards;

namespace Warehouse.Export.Tests;

/// <summary>
/// No SQL Server engine runs here, so the queries the dashboards make for it are checked by
/// the T-SQL parser, with every filter set (years, region, level, agency type, limit, rank, spread).
/// </summary>
public sealed class SqlServerQueryTests
{
    [Fact]
    public void Every_dashboard_query_for_SQL_Server_parses_as_T_SQL()
    {
        var catalog = DashboardCatalog.Load(Path.Combine(Repo.Root, "dashboards"));
        var builder = new QueryBuilder(Dialect.SqlServer) { RankableViews = new HashSet<string> { "v_region_year_measures", "v_report_measures" } };
        var selection = new Selection(2020, 2024, DivisionList.Default.Find("3607"), "county", "政府部门", Balanced: true);
        var parsed = 0;
        foreach (var d in catalog.Dashboards)
        {
            foreach (var sheet in d.Sheets)
            {
                var queries = sheet.Tables.SelectMany(t => t.Spread is null
                        ? [builder.Table(t, selection)]
                        : new[] { builder.SpreadValues(t, selection), builder.Table(t, selection, [new SpreadValue("natural_person", "自然人"), new SpreadValue("total", "总计")]) })
                    .Concat(sheet.Data is { } data ? [builder.Data(data, selection)] : []);
                foreach (var q in queries)
                {
                    new TSql160Parser(true).Parse(new StringReader(q.Sql), out var errors);
                    errors.ShouldBeEmpty($"{d.Name} {sheet.Name}: {q.Sql}\n{string.Join("; ", errors.Select(e => e.Message))}");
                    parsed++;
                }
            }
        }

        new TSql160Parser(true).Parse(new StringReader(builder.PanelAgencies(selection).Sql), out var panelErrors);
        panelErrors.ShouldBeEmpty();
        parsed.ShouldBeGreaterThan(15);
    }
}
