using Dapper;
using Shouldly;
using Warehouse.Data;

namespace Warehouse.Load.Tests;

/// <summary>
/// The loading tests against a real SQL Server, when <c>WAREHOUSE_SQLSERVER</c> holds a connection
/// string (no engine runs on our machines). Each test creates a database of its own and drops it
/// (<see cref="TempWarehouse.OnSqlServer"/>). Without the variable each test reports itself skipped,
/// with the reason. The views' tests run on SQL Server too: <see cref="SqlServerViewsTests"/>.
/// </summary>
public sealed class SqlServerIntegrationTests
{
    private static string Seeds => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Seeds");

    [Fact]
    public async Task SqlServer_migrations_apply_and_the_dimensions_are_seeded()
    {
        using var db = TempWarehouse.OnSqlServer();
        await using var c = await db.Database.OpenAsync(TestContext.Current.CancellationToken);
        (await c.ExecuteScalarAsync<int>("select count(*) from dbo.schema_versions")).ShouldBe(new SqlScripts(Dialect.SqlServer).Migrations().Count + new SqlScripts(Dialect.SqlServer).Views().Count);
        (await c.ExecuteScalarAsync<int>("select count(*) from dbo.dim_disposal_category")).ShouldBe(25);
    }

    [Fact]
    public async Task SqlServer_ingest_loads_the_seeds_once()
    {
        using var db = TempWarehouse.OnSqlServer();
        var service = new IngestService(db.Database, DocumentReader.Default, TimeProvider.System);
        var files = IngestService.Expand([Seeds]);
        (await service.IngestAsync(files, new IngestOptions(), null, TestContext.Current.CancellationToken)).Loaded.ShouldBe(5);
        (await service.IngestAsync(files, new IngestOptions(), null, TestContext.Current.CancellationToken)).Unchanged.ShouldBe(5);
        await using var c = await db.Database.OpenAsync(TestContext.Current.CancellationToken);
        (await c.ExecuteScalarAsync<int>("select count(*) from dbo.fact_application")).ShouldBe(5 * 25 * 7);
    }

    [Fact]
    public async Task SqlServer_generated_reports_load_with_the_values_the_generator_wrote()
    {
        using var db = TempWarehouse.OnSqlServer();
        var files = Enumerable.Range(0, 40).Select(i =>
        {
            var layout = Corpus.Layouts.WithoutPdf[i % Corpus.Layouts.WithoutPdf.Count];
            return db.Write($"{i:D4}.{Corpus.Layouts.Extension(layout)}", Corpus.CorpusWriter.Render(Corpus.ReportFactory.Create(31, i, 0.15), layout));
        }).ToList();
        var service = new IngestService(db.Database, DocumentReader.Default, TimeProvider.System);
        var summary = await service.IngestAsync(files, new IngestOptions(), null, TestContext.Current.CancellationToken);
        (summary.Loaded + summary.Superseding + summary.History).ShouldBe(40);

        await using var c = await db.Database.OpenAsync(TestContext.Current.CancellationToken);
        for (var i = 0; i < 40; i += 7)
        {
            var expected = Corpus.ReportFactory.Create(31, i, 0.15).Report;
            var sha = RawStore.Hash(File.ReadAllBytes(files[i]));
            var cells = (await c.QueryAsync<(string Category, int Column, int? Count)>(
                "select d.category_code, a.column_index, f.count from dbo.fact_application f join dbo.fact_report r on r.report_key = f.report_key " +
                "join dbo.dim_disposal_category d on d.category_key = f.category_key join dbo.dim_applicant_type a on a.applicant_key = f.applicant_key where r.sha256 = @sha", new { sha })).ToList();
            cells.Count.ShouldBe(expected.Applications.Rows.Count() * 7);
            foreach (var (category, column, count) in cells) count.ShouldBe(expected.Applications[category, column], $"report {i} {category} {column}");
            (await c.ExecuteScalarAsync<int>("select count(*) from dbo.fact_review_litigation f join dbo.fact_report r on r.report_key = f.report_key where r.sha256 = @sha", new { sha })).ShouldBe(15);
        }

        // Every view runs on SQL Server, not only parses.
        foreach (var view in new SqlScripts(Dialect.SqlServer).Views())
        {
            var name = view.Name.Split('@')[0]["views/".Length..][3..];
            await c.ExecuteScalarAsync<int>($"select count(*) from dbo.{name}");
        }
    }

    [Fact]
    public async Task SqlServer_a_newer_document_supersedes_the_older_which_stays_in_history()
    {
        using var db = TempWarehouse.OnSqlServer();
        var seed = File.ReadAllText(Directory.GetFiles(Seeds, "001*.txt")[0]);
        var first = db.Write("first.txt", System.Text.Encoding.UTF8.GetBytes(seed));
        var second = db.Write("second.txt", System.Text.Encoding.UTF8.GetBytes(seed.Replace("2024年1月10日", "2024年1月20日", StringComparison.Ordinal)));
        var service = new IngestService(db.Database, DocumentReader.Default, TimeProvider.System);
        (await service.IngestAsync([first], new IngestOptions(), null, TestContext.Current.CancellationToken)).Loaded.ShouldBe(1);
        (await service.IngestAsync([second], new IngestOptions(), null, TestContext.Current.CancellationToken)).Superseding.ShouldBe(1);
        await using var c = await db.Database.OpenAsync(TestContext.Current.CancellationToken);
        (await c.ExecuteScalarAsync<int>("select count(*) from dbo.fact_report where is_current = 1")).ShouldBe(1);
        (await c.ExecuteScalarAsync<int>("select count(*) from dbo.fact_report where superseded_by is not null")).ShouldBe(1);
    }
}
