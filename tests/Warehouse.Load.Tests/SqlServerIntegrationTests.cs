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
        (await c.ExecuteScalarAsync<int>("select count(*) from dbo.schema_versions")).ShouldBe(new SqlScripts(Dialect.SqlServer).Migrations().Count);
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
