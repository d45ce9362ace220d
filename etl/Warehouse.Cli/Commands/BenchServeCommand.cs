using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Warehouse.Bench;

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

            var r = await ServeBenchmark.RunAsync(new ServeBenchOptions(n, seconds), new BenchSteps(output), ct);

            var table = new Table().AddColumns("jobs", "poll interval", "median", "90th percentile", "max");
            table.AddRow(n.ToString(CultureInfo.InvariantCulture), $"{seconds} s", $"{r.At(0.5):0.00} s", $"{r.At(0.9):0.00} s", $"{r.Delays[^1]:0.00} s");
            Terminal.For(output).Write(table);
            await output.WriteLineAsync("Latency = when the job started − the time it was scheduled for (delayed jobs; recurring jobs are moved to the queue by the same polling).");
            return WarehouseCli.Ok;
        });
        return command;
    }
}
