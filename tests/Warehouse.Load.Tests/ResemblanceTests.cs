using Dapper;
using Shouldly;
using Warehouse.Corpus;

namespace Warehouse.Load.Tests;

/// <summary>
/// 雷同 in the warehouse: after a load, report_resemblance holds the reports whose prose is mostly
/// another's (the same agency's earlier year, or another agency of the same region and year) and
/// those whose table 三 is last year's cell for cell; different prose and a table of zeros are not
/// flagged.
/// </summary>
public sealed class ResemblanceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<(string Agency, long Year, string Kind, string Other, long OtherYear, double Share)>> RowsAsync(TempWarehouse w)
    {
        await using var c = await w.OpenAsync();
        return (await c.QueryAsync<(string, long, string, string, long, double)>("""
            select a.name, r.year, s.kind, oa.name, o.year, s.shared_share
            from report_resemblance s
            join fact_report r on r.report_key = s.report_key join dim_agency a on a.agency_key = r.agency_key
            join fact_report o on o.report_key = s.resembles_report_key join dim_agency oa on oa.agency_key = o.agency_key
            order by a.name, r.year, s.kind
            """)).ToList();
    }

    [Fact]
    public async Task Identical_prose_of_two_agencies_and_of_an_agencys_two_years_is_flagged_and_a_table_of_zeros_is_not()
    {
        using var w = new TempWarehouse();
        var files = new[] { ("赣县区商务局", 2023), ("赣县区林业局", 2023), ("赣县区商务局", 2024) }
            .Select((r, i) => w.Write($"r{i}.txt", SeedReports.As(r.Item1, r.Item2))).ToList();
        files.Add(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Seeds", "002_848a9e02a78f2d1d.txt"));

        await w.Ingest().IngestAsync(files, new IngestOptions(), null, Ct);

        (await RowsAsync(w)).ShouldBe([
            ("赣县区商务局", 2023L, "same_region_year", "赣县区林业局", 2023L, 1.0),
            ("赣县区商务局", 2024L, "earlier_year", "赣县区商务局", 2023L, 1.0),
            ("赣县区林业局", 2023L, "same_region_year", "赣县区商务局", 2023L, 1.0),
        ]);
    }

    [Fact]
    public async Task A_table_three_equal_to_last_years_cell_for_cell_is_flagged_though_the_prose_differs()
    {
        using var w = new TempWarehouse();
        var g = Enumerable.Range(0, 50).Select(i => ReportFactory.Create(11, i, 0)).First(r => (r.Report.Applications.Total("new_received") ?? 0) > 0);
        var next = g with { Report = g.Report with { Year = g.Report.Year + 1, Published = g.Report.Published?.AddYears(1) }, QuirkSeed = g.QuirkSeed + 1 };
        var files = new[] { w.Write("a.txt", CorpusWriter.Render(g, Layouts.TextTab)), w.Write("b.txt", CorpusWriter.Render(next, Layouts.TextTab)) };

        (await w.Ingest().IngestAsync(files, new IngestOptions(), null, Ct)).Rejected.ShouldBeEmpty();

        var rows = await RowsAsync(w);
        rows.ShouldContain((g.Report.Agency, (long)next.Report.Year, "table_last_year", g.Report.Agency, (long)g.Report.Year, 1.0));
        rows.ShouldNotContain(r => r.Kind == "earlier_year");
    }
}
