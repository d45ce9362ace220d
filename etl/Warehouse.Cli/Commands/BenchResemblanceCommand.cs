using System.CommandLine;
using Spectre.Console;
using Warehouse.Bench;

namespace Warehouse.Cli.Commands;

/// <summary><c>bench resemblance</c>: 雷同 over N reports' generated prose, with copies planted; time, copies found and false alarms.</summary>
internal static class BenchResemblanceCommand
{
    public static Command Create()
    {
        var reports = new Option<int>("--reports") { Description = "How many reports' prose to compare.", DefaultValueFactory = _ => 10_000, HelpName = "N" };
        var command = new Command("resemblance",
            "雷同检查的速度：N 份报告的文字（生成，含植入的抄袭）两两比对所需时间、找到的抄袭和误报。Compare N reports' generated prose for copies (雷同), with copies planted; print the time, copies found and false alarms.")
        {
            reports,
        };
        command.SetAction(async (pr, ct) =>
        {
            var output = pr.InvocationConfiguration.Output;
            var n = pr.GetValue(reports);
            if (n <= 0) throw new UserError("--reports 必须是正整数 / --reports must be a positive number");

            var r = await Task.Run(() => ResemblanceBenchmark.Run(n), ct);

            var seconds = r.Elapsed.TotalSeconds;
            var table = new Table().AddColumns("", "value", "goal");
            table.AddRow("报告 reports", $"{r.Reports:N0} ({r.Regions:N0} regions × 20 agencies × {r.Years} years, {r.MeanCharacters:N0} characters of prose each)", "");
            table.AddRow("比对用时 time", $"{seconds:0.00} s", BenchIngestCommand.Mark(seconds < ResemblanceBenchmark.GoalSeconds * r.Reports / 10_000.0, $"< {ResemblanceBenchmark.GoalSeconds * r.Reports / 10_000.0:0} s"));
            table.AddRow("植入的抄袭 copies planted", $"{r.Planted:N0}", "");
            table.AddRow("找到 found", $"{r.Found:N0}", BenchIngestCommand.Mark(r.Found == r.Planted, "all"));
            table.AddRow("误报 false alarms", $"{r.FalseAlarms:N0}", BenchIngestCommand.Mark(r.FalseAlarms == 0, "0"));
            Terminal.For(output).Write(table);
            await output.WriteLineAsync($"{Environment.ProcessorCount} cores.");
            return WarehouseCli.Ok;
        });
        return command;
    }
}
