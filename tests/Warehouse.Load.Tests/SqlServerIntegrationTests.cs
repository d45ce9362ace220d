using Dapper;
using Microsoft.Data.SqlClient;
using Shouldly;
using Warehouse.Data;

namespace Warehouse.Load.Tests;

/// <summary>
/// The loading tests against a real SQL Server, when <c>WAREHOUSE_SQLSERVER</c> holds a connection
/// string (no engine runs on our machines). Each test creates a database of its own and drops it.
/// Without the variable each test reports itself skipped, with the reason.
/// </summary>
public sealed class SqlServerIntegrationTests
{
    private const string Variable = "WAREHOUSE_SQLSERVER";

    private static string Seeds => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Seeds");

    [Fact]
    public async Task SqlServer_migrations_apply_and_the_dimensions_are_seeded()
    {
        await using var db = await ScratchDatabase.CreateAsync();
        await using var c = await db.Database.OpenAsync(TestContext.Current.CancellationToken);
        (await c.ExecuteScalarAsync<int>("select count(*) from dbo.schema_versions")).ShouldBe(new SqlScripts(Dialect.SqlServer).Migrations().Count + new SqlScripts(Dialect.SqlServer).Views().Count);
        (await c.ExecuteScalarAsync<int>("select count(*) from dbo.dim_disposal_category")).ShouldBe(25);
    }

    [Fact]
    public async Task SqlServer_ingest_loads_the_seeds_once()
    {
        await using var db = await ScratchDatabase.CreateAsync();
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
        await using var db = await ScratchDatabase.CreateAsync();
        using var folder = new TempWarehouse();
        var files = Enumerable.Range(0, 40).Select(i =>
        {
            var layout = Corpus.Layouts.WithoutPdf[i % Corpus.Layouts.WithoutPdf.Count];
            return folder.Write($"{i:D4}.{Corpus.Layouts.Extension(layout)}", Corpus.CorpusWriter.Render(Corpus.ReportFactory.Create(31, i, 0.15), layout));
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
        await using var db = await ScratchDatabase.CreateAsync();
        using var folder = new TempWarehouse();
        var seed = File.ReadAllText(Directory.GetFiles(Seeds, "001*.txt")[0]);
        var first = folder.Write("first.txt", System.Text.Encoding.UTF8.GetBytes(seed));
        var second = folder.Write("second.txt", System.Text.Encoding.UTF8.GetBytes(seed.Replace("2024年1月10日", "2024年1月20日", StringComparison.Ordinal)));
        var service = new IngestService(db.Database, DocumentReader.Default, TimeProvider.System);
        (await service.IngestAsync([first], new IngestOptions(), null, TestContext.Current.CancellationToken)).Loaded.ShouldBe(1);
        (await service.IngestAsync([second], new IngestOptions(), null, TestContext.Current.CancellationToken)).Superseding.ShouldBe(1);
        await using var c = await db.Database.OpenAsync(TestContext.Current.CancellationToken);
        (await c.ExecuteScalarAsync<int>("select count(*) from dbo.fact_report where is_current = 1")).ShouldBe(1);
        (await c.ExecuteScalarAsync<int>("select count(*) from dbo.fact_report where superseded_by is not null")).ShouldBe(1);
    }

    private sealed class ScratchDatabase : IAsyncDisposable
    {
        private readonly string _server;
        private readonly string _name;

        private ScratchDatabase(string server, string name, string raw)
        {
            _server = server;
            _name = name;
            var builder = new SqlConnectionStringBuilder(server) { InitialCatalog = name };
            Database = new WarehouseDatabase(WarehouseTarget.Parse(builder.ConnectionString, raw));
        }

        public WarehouseDatabase Database { get; }

        public static async Task<ScratchDatabase> CreateAsync()
        {
            var server = Environment.GetEnvironmentVariable(Variable);
            if (string.IsNullOrWhiteSpace(server)) Assert.Skip($"{Variable} is not set: no SQL Server to test against (set it to a connection string with rights to create databases).");
            var name = $"warehouse_test_{Guid.NewGuid():N}"[..30];
            await using (var c = new SqlConnection(new SqlConnectionStringBuilder(server) { InitialCatalog = "master" }.ConnectionString))
            {
                await c.ExecuteAsync($"create database [{name}]");
            }

            return new ScratchDatabase(server, name, Path.Combine(Path.GetTempPath(), name + ".raw"));
        }

        public async ValueTask DisposeAsync()
        {
            SqlConnection.ClearAllPools();
            await using var c = new SqlConnection(new SqlConnectionStringBuilder(_server) { InitialCatalog = "master" }.ConnectionString);
            await c.ExecuteAsync($"alter database [{_name}] set single_user with rollback immediate; drop database [{_name}];");
        }
    }
}
