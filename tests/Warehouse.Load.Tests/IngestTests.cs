using System.Text;
using Dapper;
using Shouldly;
using Warehouse.Corpus;
using Warehouse.Data;

namespace Warehouse.Load.Tests;

public sealed class IngestTests
{
    private static string Seeds => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Seeds");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static List<string> GeneratedFiles(TempWarehouse w, int count, int seed = 31)
    {
        var layouts = Layouts.WithoutPdf;
        return Enumerable.Range(0, count).Select(i =>
        {
            var layout = layouts[i % layouts.Count];
            return w.Write($"{i:D4}.{Layouts.Extension(layout)}", CorpusWriter.Render(ReportFactory.Create(seed, i, 0.15), layout));
        }).ToList();
    }

    [Fact]
    public async Task Seeds_load_into_the_star_schema_with_every_cell()
    {
        using var w = new TempWarehouse();
        var summary = await w.Ingest().IngestAsync(IngestService.Expand([Seeds]), new IngestOptions(), null, Ct);
        summary.Loaded.ShouldBe(5);
        summary.Rejected.ShouldBeEmpty();
        (await w.CountAsync("fact_report")).ShouldBe(5);
        (await w.CountAsync("fact_application")).ShouldBe(5 * 25 * 7);
        (await w.CountAsync("fact_review_litigation")).ShouldBe(5 * 15);
        (await w.CountAsync("raw_document")).ShouldBe(5);
        (await w.CountAsync("dim_region")).ShouldBeGreaterThan(3000);
        (await w.ForeignKeyViolationsAsync()).ShouldBe(0);

        await using var c = await w.OpenAsync();
        var derived = await c.QueryAsync<(string Category, string Applicant)>(
            "select d.category_code, a.applicant_code from fact_application f join dim_disposal_category d on d.category_key = f.category_key join dim_applicant_type a on a.applicant_key = f.applicant_key where f.is_derived = 1");
        derived.ShouldBe([("carried_forward", "total")]);
        var normative = await c.ExecuteScalarAsync<decimal>(
            "select value from fact_active_disclosure f join fact_report r on r.report_key = f.report_key join dim_active_item i on i.item_key = f.item_key where r.agency_code = '赣州经济技术开发区党政办公室' and i.item_code = 'normative_documents' and f.measure_code = 'repealed'");
        normative.ShouldBe(56m);
        var seed = File.ReadAllBytes(Directory.GetFiles(Seeds, "000*.txt")[0]);
        using var raw = w.Database.OpenRawStore();
        raw.Get(RawStore.Hash(seed)).ShouldBe(seed);
    }

    [Fact]
    public async Task Each_report_keeps_its_prose_for_the_resemblance_check_and_a_reparse_fills_in_what_older_loads_lack()
    {
        using var w = new TempWarehouse();
        await w.Ingest().IngestAsync(IngestService.Expand([Seeds]), new IngestOptions(), null, Ct);

        await using var c = await w.OpenAsync();
        var prose = (await c.QueryAsync<(long Report, string Prose)>("select report_key, prose from report_prose order by report_key")).ToList();
        prose.Count.ShouldBe(5);
        prose.ShouldAllBe(p => p.Prose.Contains("公开", StringComparison.Ordinal) && p.Prose.Length > 100);

        // Reports loaded before report_prose existed: a reparse gives them their prose, once.
        await c.ExecuteAsync("delete from report_prose where report_key in (select report_key from report_prose order by report_key limit 2)");
        var reparse = new ReparseService(w.Database, DocumentReader.Default, TimeProvider.System);
        (await reparse.ReparseAsync(null, null, Ct)).Unchanged.ShouldBe(5);
        (await reparse.ReparseAsync(null, null, Ct)).Unchanged.ShouldBe(5);
        (await c.QueryAsync<(long Report, string Prose)>("select report_key, prose from report_prose order by report_key")).ShouldBe(prose);
    }

    [Fact]
    public async Task Generated_reports_load_with_the_values_the_generator_wrote()
    {
        using var w = new TempWarehouse();
        var files = GeneratedFiles(w, 60);
        var summary = await w.Ingest().IngestAsync(files, new IngestOptions(), null, Ct);
        (summary.Loaded + summary.Superseding).ShouldBe(60);
        (await w.ForeignKeyViolationsAsync()).ShouldBe(0);

        await using var c = await w.OpenAsync();
        for (var i = 0; i < 60; i += 7)
        {
            var expected = ReportFactory.Create(31, i, 0.15).Report;
            var sha = RawStore.Hash(File.ReadAllBytes(files[i]));
            var cells = (await c.QueryAsync<(string Category, int Column, int? Count)>(
                "select d.category_code, a.column_index, f.count from fact_application f join fact_report r on r.report_key = f.report_key " +
                "join dim_disposal_category d on d.category_key = f.category_key join dim_applicant_type a on a.applicant_key = f.applicant_key where r.sha256 = @sha", new { sha })).ToList();
            cells.Count.ShouldBe(expected.Applications.Rows.Count() * 7);
            foreach (var (category, column, count) in cells) count.ShouldBe(expected.Applications[category, column], $"report {i} {category} {column}");
        }
    }

    [Fact]
    public async Task Ingesting_the_same_files_twice_adds_nothing()
    {
        using var w = new TempWarehouse();
        var files = GeneratedFiles(w, 20).Concat(IngestService.Expand([Seeds])).ToList();
        await w.Ingest().IngestAsync(files, new IngestOptions(), null, Ct);
        var counts = await AllCounts(w);
        var again = await w.Ingest().IngestAsync(files, new IngestOptions(), null, Ct);
        again.Unchanged.ShouldBe(files.Count);
        (again.Loaded + again.Superseding + again.Rejected.Count).ShouldBe(0);
        (await AllCounts(w)).ShouldBe(counts);
        (await w.CountAsync("load_batch")).ShouldBe(2);
    }

    [Fact]
    public async Task A_newer_document_for_the_same_agency_and_year_supersedes_the_older_which_stays_in_history()
    {
        using var w = new TempWarehouse();
        var seed = File.ReadAllText(Directory.GetFiles(Seeds, "001*.txt")[0]);
        var first = w.Write("first.txt", Encoding.UTF8.GetBytes(seed));
        var second = w.Write("second.txt", Encoding.UTF8.GetBytes(seed.Replace("2024年1月10日", "2024年1月20日", StringComparison.Ordinal)));
        (await w.Ingest().IngestAsync([first], new IngestOptions(), null, Ct)).Loaded.ShouldBe(1);
        (await w.Ingest().IngestAsync([second], new IngestOptions(), null, Ct)).Superseding.ShouldBe(1);

        await using var c = await w.OpenAsync();
        var rows = (await c.QueryAsync<(long Key, bool Current, long? SupersededBy, string Published)>("select report_key, is_current, superseded_by, published from fact_report order by report_key")).ToList();
        rows.Count.ShouldBe(2);
        rows[0].Current.ShouldBeFalse();
        rows[0].SupersededBy.ShouldBe(rows[1].Key);
        rows[1].Current.ShouldBeTrue();
        rows[1].Published.ShouldBe("2024-01-20");
        (await w.CountAsync("fact_application", $"report_key = {rows[0].Key}")).ShouldBe(25 * 7);

        // An older document found later is kept as history, not made current.
        var older = w.Write("older.txt", Encoding.UTF8.GetBytes(seed.Replace("2024年1月10日", "2024年1月5日", StringComparison.Ordinal)));
        (await w.Ingest().IngestAsync([older], new IngestOptions(), null, Ct)).History.ShouldBe(1);
        (await w.CountAsync("fact_report", "is_current = 1")).ShouldBe(1);
        (await c.ExecuteScalarAsync<string>("select published from fact_report where is_current = 1")).ShouldBe("2024-01-20");
    }

    [Fact]
    public async Task A_document_that_is_not_a_report_is_recorded_as_rejected_and_never_half_loaded()
    {
        using var w = new TempWarehouse();
        var noise = new byte[5000];
        new Random(1).NextBytes(noise);
        var file = w.Write("noise.pdf", noise);
        var summary = await w.Ingest().IngestAsync([file], new IngestOptions(), null, Ct);
        summary.Rejected.ShouldHaveSingleItem().Reason.ShouldContain("binary data");
        (await w.CountAsync("ingest_rejection")).ShouldBe(1);
        (await w.CountAsync("raw_document")).ShouldBe(1);
        (await w.CountAsync("fact_report")).ShouldBe(0);
        (await w.CountAsync("dim_agency")).ShouldBe(0);
    }

    [Fact]
    public async Task An_agency_that_moves_region_gets_a_new_version()
    {
        using var w = new TempWarehouse();
        var seed = File.ReadAllText(Directory.GetFiles(Seeds, "000*.txt")[0]).Replace("赣县区商务局", "朝阳区商务局", StringComparison.Ordinal);
        var beijing = w.Write("a.txt", Encoding.UTF8.GetBytes(seed));
        var changchun = w.Write("b.txt", Encoding.UTF8.GetBytes(seed.Replace("2023 年", "2024 年", StringComparison.Ordinal)));
        await w.Ingest().IngestAsync([beijing], new IngestOptions(RegionHint: "11"), null, Ct);
        await w.Ingest().IngestAsync([changchun], new IngestOptions(RegionHint: "2201"), null, Ct);

        await using var c = await w.OpenAsync();
        var versions = (await c.QueryAsync<(string Region, bool Current, string? ValidTo)>("select region_code, is_current, valid_to from dim_agency order by agency_key")).ToList();
        versions.Select(v => v.Region).ShouldBe(["110105", "220104"]);
        versions[0].Current.ShouldBeFalse();
        versions[0].ValidTo.ShouldNotBeNull();
        versions[1].Current.ShouldBeTrue();
    }

    private static async Task<string> AllCounts(TempWarehouse w)
    {
        var tables = new[] { "fact_report", "fact_application", "fact_active_disclosure", "fact_review_litigation", "report_finding", "raw_document", "ingest_rejection", "dim_agency" };
        var counts = new List<string>();
        foreach (var t in tables) counts.Add($"{t}={await w.CountAsync(t)}");
        return string.Join(",", counts);
    }
}
