using Dapper;
using Hangfire;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Warehouse.Crawl.Sources;
using Warehouse.Data;
using Warehouse.Jobs;

namespace Warehouse.Serve;

/// <summary>
/// <c>/health</c>: whether the warehouse and the job storage answer, and each source's last
/// finished crawl with why it failed. Status <c>ok</c> (200) only when all is well; <c>degraded</c>
/// (503) when a source's last crawl failed (its start page, or nothing fetched) or warned (a
/// certificate trusted by its pin, …); <c>failing</c>
/// (503) when the warehouse or the job storage does not answer. It names no path or server: the
/// reasons of a failing check are in serve's log.
/// </summary>
public static class Health
{
    public sealed record Check(bool Ok, string? Detail);

    /// <summary>A source's last finished crawl.</summary>
    /// <param name="LastCrawlWarnings">What that crawl warned about, one Chinese-first line each; empty when nothing.</param>
    public sealed record SourceHealth(string Name, string? Schedule, string? LastFinishedCrawl, string? LastCrawlFailure, IReadOnlyList<string> LastCrawlWarnings);

    public sealed record Report(string Status, Check Database, Check JobStorage, int Servers, IReadOnlyList<SourceHealth> Sources);

    public static async Task<IResult> HandleAsync(ServeOptions options, WarehouseDatabase database, JobStorage storage, ILogger log, CancellationToken ct)
    {
        var report = await ReadAsync(options, database, storage, log, ct);
        return Results.Json(report, statusCode: report.Status == "ok" ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    public static async Task<Report> ReadAsync(ServeOptions options, WarehouseDatabase database, JobStorage storage, ILogger log, CancellationToken ct)
    {
        Check db;
        var last = new Dictionary<string, (string? Finished, string? Failure, string[] Warnings)>(StringComparer.Ordinal);
        var kind = database.Target.Dialect == Dialect.SqlServer ? "SQL Server" : "SQLite";
        try
        {
            await using var c = await database.OpenAsync(ct);
            foreach (var row in await c.QueryAsync<(string Source, object? Finished, string? Failure, string? Warnings)>(new CommandDefinition(database.Sql.Get("queries/crawl_last_finished"), cancellationToken: ct)))
            {
                var finished = row.Finished switch
                {
                    DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                    var v => v?.ToString(),
                };
                last[row.Source] = (finished, row.Failure, row.Warnings?.Split('\n') ?? []);
            }

            db = new Check(true, kind);
        }
        catch (Exception e) when (e is WarehouseException or InvalidOperationException or System.Data.Common.DbException or IOException)
        {
            log.WarehouseDown(e.Message);
            db = new Check(false, $"数据仓库（{kind}）无法打开，原因见 serve 日志 / the warehouse does not answer (see serve's log)");
        }

        Check jobs;
        var servers = 0;
        try
        {
            servers = storage.GetMonitoringApi().Servers().Count;
            jobs = new Check(true, options.JobStorageName);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.JobStorageDown(e.Message);
            jobs = new Check(false, $"任务存储（{options.JobStorageName}）无法访问，原因见 serve 日志 / the job storage does not answer (see serve's log)");
        }

        var sources = SourceCatalog.Load(options.Sources).Sources
            .Select(s => last.TryGetValue(s.Name, out var l) ? new SourceHealth(s.Name, s.Schedule, l.Finished, l.Failure, l.Warnings) : new SourceHealth(s.Name, s.Schedule, null, null, []))
            .ToList();
        var status = !db.Ok || !jobs.Ok ? "failing" : sources.Any(s => s.LastCrawlFailure is not null || s.LastCrawlWarnings.Count > 0) ? "degraded" : "ok";
        return new Report(status, db, jobs, servers, sources);
    }
}
