using System.Globalization;
using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Warehouse.Jobs;
using Warehouse.Serve;

namespace Warehouse.Bench;

/// <summary><c>bench serve</c>: how long after its scheduled time a job starts under serve.</summary>
public static class ServeBenchmark
{
    public static async Task<ServeBenchResult> RunAsync(ServeBenchOptions options, IBenchSteps steps, CancellationToken ct)
    {
        var (n, seconds) = (options.Jobs, options.PollSeconds);
        var folder = Directory.CreateTempSubdirectory("bench-serve-");
        try
        {
            var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Warehouse:Database"] = Path.Combine(folder.FullName, "w.db"),
                ["Warehouse:Urls"] = "http://127.0.0.1:0",
                ["Warehouse:Jobs:PollSeconds"] = seconds.ToString(CultureInfo.InvariantCulture),
                ["Warehouse:Jobs:Storage"] = "inmemory",
                ["Warehouse:Reparse:Cron"] = "off",
            }).Build();
            var serveOptions = ServeOptions.From(settings);
            await using var app = ServeHost.Build(serveOptions, l => l.SetMinimumLevel(LogLevel.Warning), s => s.AddSingleton<LatencyProbes>());
            await app.StartAsync(ct);
            var client = app.Services.GetRequiredService<IBackgroundJobClient>();
            var start = TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(2);
            for (var i = 0; i < n; i++)
            {
                var at = start.AddMilliseconds(500 * i);
                client.Schedule<LatencyProbeJob>(j => j.Run(at.Ticks), new DateTimeOffset(at));
            }

            var probes = app.Services.GetRequiredService<LatencyProbes>();
            await steps.RunAsync($"Waiting for {n} scheduled jobs", n, async progress =>
            {
                while (probes.Delays.Count < n)
                {
                    progress.Report(probes.Delays.Count);
                    await Task.Delay(200, ct);
                }

                progress.Report(n);
                return 0;
            });
            await app.StopAsync(CancellationToken.None);
            return new ServeBenchResult(probes.Delays.Select(d => d.TotalSeconds).Order().ToList());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}
