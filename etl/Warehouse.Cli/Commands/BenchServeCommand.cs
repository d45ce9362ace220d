using System.CommandLine;
using System.Globalization;
using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Warehouse.Jobs;
using Warehouse.Serve;

namespace Warehouse.Cli.Commands;

/// <summary><c>bench serve</c>: how long after its scheduled time a job starts under serve.</summary>
internal static class BenchServeCommand
{
    public static Command Create()
    {
        var jobs = new Option<int>("--jobs") { Description = "Jobs scheduled, half a second apart.", DefaultValueFactory = _ => 40, HelpName = "N" };
        var poll = new Option<int>("--poll-seconds") { Description = "Warehouse:Jobs:PollSeconds for the run (the default setting is 5).", DefaultValueFactory = _ => 5, HelpName = "S" };
        var command = new Command("serve", "Start serve (jobs in memory) on a scratch warehouse, schedule N jobs half a second apart, and print how late each started after its scheduled time.") { jobs, poll };
        command.SetAction(async (pr, ct) =>
        {
            var output = pr.InvocationConfiguration.Output;
            var n = pr.GetValue(jobs);
            var seconds = pr.GetValue(poll);
            if (n is < 1 or > 10_000 || seconds is < 1 or > 300) throw new UserError("--jobs must be 1 to 10,000 and --poll-seconds 1 to 300");
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
                var options = ServeOptions.From(settings);
                await using var app = ServeHost.Build(options, l => l.SetMinimumLevel(LogLevel.Warning), s => s.AddSingleton<LatencyProbes>());
                await app.StartAsync(ct);
                var client = app.Services.GetRequiredService<IBackgroundJobClient>();
                var start = TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(2);
                for (var i = 0; i < n; i++)
                {
                    var at = start.AddMilliseconds(500 * i);
                    client.Schedule<LatencyProbeJob>(j => j.Run(at.Ticks), new DateTimeOffset(at));
                }

                var probes = app.Services.GetRequiredService<LatencyProbes>();
                await Progress.RunAsync(output, $"Waiting for {n} scheduled jobs", n, async progress =>
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

                var delays = probes.Delays.Select(d => d.TotalSeconds).Order().ToList();
                double At(double q) => delays[(int)Math.Min(delays.Count - 1, Math.Floor(q * delays.Count))];
                var table = new Table().AddColumns("jobs", "poll interval", "median", "90th percentile", "max");
                table.AddRow(n.ToString(CultureInfo.InvariantCulture), $"{seconds} s", $"{At(0.5):0.00} s", $"{At(0.9):0.00} s", $"{delays[^1]:0.00} s");
                Terminal.For(output).Write(table);
                await output.WriteLineAsync("Latency = when the job started − the time it was scheduled for (delayed jobs; recurring jobs are moved to the queue by the same polling).");
                return WarehouseCli.Ok;
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                folder.Delete(recursive: true);
            }
        });
        return command;
    }
}
