using Dapper;
using Hangfire;
using Microsoft.AspNetCore.Http;
using Warehouse.Crawl.Sources;
using Warehouse.Data;
using Warehouse.Jobs;

namespace Warehouse.Serve;

/// <summary><c>/health</c>: whether the warehouse and the job storage answer, and each source's last finished crawl.</summary>
public static class Health
{
    public sealed record Check(bool Ok, string? Detail);

    public sealed record SourceHealth(string Name, string? Schedule, string? LastFinishedCrawl);

    public sealed record Report(string Status, Check Database, Check JobStorage, int Servers, IReadOnlyList<SourceHealth> Sources);

    public static async Task<IResult> HandleAsync(ServeOptions options, WarehouseDatabase database, JobStorage storage, CancellationToken ct)
    {
        var report = await ReadAsync(options, database, storage, ct);
        return Results.Json(report, statusCode: report.Status == "ok" ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    public static async Task<Report> ReadAsync(ServeOptions options, WarehouseDatabase database, JobStorage storage, CancellationToken ct)
    {
        Check db;
        var finished = new Dictionary<string, string?>(StringComparer.Ordinal);
        try
        {
            await using var c = await database.OpenAsync(ct);
            foreach (var row in await c.QueryAsync<(string Source, object? Finished)>(new CommandDefinition(database.Sql.Get("queries/crawl_last_finished"), cancellationToken: ct)))
            {
                finished[row.Source] = row.Finished switch
                {
                    DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                    var v => v?.ToString(),
                };
            }

            db = new Check(true, database.Target.Display);
        }
        catch (Exception e) when (e is WarehouseException or InvalidOperationException or System.Data.Common.DbException or IOException)
        {
            db = new Check(false, e.Message);
        }

        Check jobs;
        var servers = 0;
        try
        {
            servers = storage.GetMonitoringApi().Servers().Count;
            jobs = new Check(true, options.JobStorage);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            jobs = new Check(false, $"{options.JobStorage}: {e.Message}");
        }

        var sources = SourceCatalog.Load(options.Sources).Sources
            .Select(s => new SourceHealth(s.Name, s.Schedule, finished.GetValueOrDefault(s.Name)))
            .ToList();
        return new Report(db.Ok && jobs.Ok ? "ok" : "failing", db, jobs, servers, sources);
    }
}
