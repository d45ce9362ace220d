using System.CommandLine;
using Spectre.Console;
using Warehouse.Bench;
using Warehouse.SamplePortal;

namespace Warehouse.Cli.Commands;

/// <summary>
/// <c>bench crawl</c>: crawls the sample portal on several hosts with a per-host delay and compares
/// the wall time with the politeness bound (the busiest host's requests × the delay).
/// </summary>
internal static class BenchCrawlCommand
{
    public static Command Create()
    {
        var reports = new Option<int>("--reports") { Description = "Reports the portal serves.", DefaultValueFactory = _ => 1000, HelpName = "N" };
        var hosts = new Option<int>("--hosts") { Description = $"Sample-portal sites, each on its own port (1 to {SiteNames.Count}).", DefaultValueFactory = _ => 4, HelpName = "K" };
        var delay = new Option<int>("--delay-ms") { Description = "The least time between two requests to one host.", DefaultValueFactory = _ => 50, HelpName = "MS" };
        var command = new Command("crawl", "Crawl N reports served by K sample-portal hosts with a per-host delay into a fresh warehouse; print the wall time against the politeness bound and the CPU time per page.")
        {
            reports, hosts, delay,
        };
        command.SetAction(async (pr, ct) =>
        {
            var output = pr.InvocationConfiguration.Output;
            var n = pr.GetValue(reports);
            var k = pr.GetValue(hosts);
            var wait = TimeSpan.FromMilliseconds(pr.GetValue(delay));
            if (n <= 0) throw new UserError("--reports must be a positive number");
            if (k < 1 || k > SiteNames.Count) throw new UserError($"--hosts must be 1 to {SiteNames.Count}");

            var r = await CrawlBenchmark.RunAsync(new CrawlBenchOptions(n, k, wait), new BenchSteps(output), ct);

            var table = new Table().AddColumns("", "value", "goal");
            table.AddRow("reports served / loaded", $"{r.Served:N0} / {r.Loaded:N0}", "");
            table.AddRow("hosts, delay", $"{k}, {wait.TotalMilliseconds:0} ms", "");
            table.AddRow("requests (per host)", $"{r.Requests:N0} ({string.Join(", ", r.RequestsPerHost)})", "");
            table.AddRow("politeness bound (busiest host's requests × delay)", $"{r.Bound.TotalSeconds:0.0} s", "");
            table.AddRow("crawl wall time", $"{r.Elapsed.TotalSeconds:0.0} s", "");
            table.AddRow("wall / bound", $"{r.Ratio:0.00}", $"≤ {CrawlBenchmark.GoalRatio} {(r.Ratio <= CrawlBenchmark.GoalRatio ? "met" : "MISSED")}");
            table.AddRow("CPU time per request (crawler and portal, one process)", $"{r.Cpu.TotalMilliseconds / r.Requests:0.00} ms", "");
            Terminal.For(output).Write(table);
            await output.WriteLineAsync($"{Environment.ProcessorCount} cores; corpus {r.Corpus}; warehouse {r.Run}.");
            return WarehouseCli.Ok;
        });
        return command;
    }
}
