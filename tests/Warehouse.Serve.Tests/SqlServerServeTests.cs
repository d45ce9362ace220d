using System.Diagnostics;
using System.Text.Json;
using Dapper;
using Hangfire;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Warehouse.Data;
using Warehouse.Export;
using Warehouse.Export.Dashboards;
using Warehouse.Export.Digest;
using Warehouse.Export.Tests;
using Warehouse.Jobs;

namespace Warehouse.Serve.Tests;

/// <summary>
/// The production paths on a real SQL Server, when <c>WAREHOUSE_SQLSERVER</c> holds a connection
/// string with rights to create databases (no engine runs on our machines; without the variable
/// each test reports itself skipped): two serve processes sharing Hangfire's SQL Server queue,
/// the crawl into a SQL Server warehouse, every standard workbook, and the digest's ledger.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class SqlServerServeTests(ServeFixture f) : IClassFixture<ServeFixture>
{
    private const string Variable = "WAREHOUSE_SQLSERVER";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_serve_processes_share_one_queue_and_crawl_into_SQL_Server()
    {
        await using var db = await Scratch.CreateAsync();
        var settings = f.Settings(("Warehouse:Database", db.ConnectionString), ("Warehouse:Jobs:Storage", "sqlserver"));
        var a = ServeOptions.From(settings);
        var b = ServeOptions.From(f.Settings(("Warehouse:Database", db.ConnectionString), ("Warehouse:Jobs:Storage", "sqlserver")));
        await using var first = await ServeFixture.StartAsync(a);
        await using var second = await ServeFixture.StartAsync(b);
        using var http = new HttpClient { BaseAddress = new Uri(a.Urls) };
        var health = JsonDocument.Parse(await http.GetStringAsync("/health", Ct)).RootElement;
        health.GetProperty("status").GetString().ShouldBe("ok");
        health.GetProperty("servers").GetInt32().ShouldBe(2);

        first.Services.GetRequiredService<IRecurringJobManager>().Trigger(CrawlJob.Id("site-0"));
        var warehouse = new WarehouseDatabase(WarehouseTarget.Parse(db.ConnectionString));
        var waited = Stopwatch.StartNew();
        while (true)
        {
            await using var c = await warehouse.OpenAsync(Ct);
            if (await c.ExecuteScalarAsync<int>("select count(*) from dbo.crawl_run where finished_at is not null") > 0) break;
            if (waited.Elapsed > TimeSpan.FromSeconds(90)) throw new TimeoutException("The crawl did not finish within 90 s.");
            await Task.Delay(500, Ct);
        }

        await using (var c = await warehouse.OpenAsync(Ct))
        {
            (await c.ExecuteScalarAsync<int>("select count(*) from dbo.fact_report")).ShouldBeGreaterThan(0);
        }

        // Every standard workbook from SQL Server: the views and the T-SQL of the dashboards.
        var catalog = DashboardCatalog.Load(Path.Combine(Repo.Root, "dashboards"));
        foreach (var name in DashboardCatalog.Standard)
        {
            var result = await new Exporter(warehouse, TimeProvider.System).ExportAsync(catalog.Find(name)!, new SelectionRequest(), Path.Combine(f.Folder, "sqlserver", $"{name}.xlsx"), null, Ct);
            File.Exists(result.Path).ShouldBeTrue();
        }

        // The digest's ledger on SQL Server: sent once.
        using var sink = SmtpSink.Start();
        var digests = new DigestService(warehouse, catalog, TimeProvider.System);
        var request = new DigestRequest("filing-status", null, null, ["supervision@example.gov.cn"]);
        var smtp = new SmtpOptions("127.0.0.1", sink.Port, SmtpSecurity.None);
        (await digests.SendAsync(request, smtp, Ct)).ShouldBe(DigestOutcome.Sent);
        (await digests.SendAsync(request, smtp, Ct)).ShouldBe(DigestOutcome.AlreadySent);
        sink.Messages.Count.ShouldBe(1);
    }

    /// <summary>A database of its own on the server, dropped afterwards.</summary>
    private sealed class Scratch : IAsyncDisposable
    {
        private readonly string _server;
        private readonly string _name;

        private Scratch(string server, string name)
        {
            (_server, _name) = (server, name);
            ConnectionString = new SqlConnectionStringBuilder(server) { InitialCatalog = name }.ConnectionString;
        }

        public string ConnectionString { get; }

        public static async Task<Scratch> CreateAsync()
        {
            var server = Environment.GetEnvironmentVariable(Variable);
            if (string.IsNullOrWhiteSpace(server)) Assert.Skip($"{Variable} is not set: no SQL Server to test against (set it to a connection string with rights to create databases).");
            var name = $"warehouse_serve_{Guid.NewGuid():N}"[..30];
            await using var c = new SqlConnection(new SqlConnectionStringBuilder(server) { InitialCatalog = "master" }.ConnectionString);
            await c.ExecuteAsync($"create database [{name}]");
            return new Scratch(server, name);
        }

        public async ValueTask DisposeAsync()
        {
            SqlConnection.ClearAllPools();
            await using var c = new SqlConnection(new SqlConnectionStringBuilder(_server) { InitialCatalog = "master" }.ConnectionString);
            await c.ExecuteAsync($"alter database [{_name}] set single_user with rollback immediate; drop database [{_name}];");
        }
    }
}
