using System.CommandLine;
using Warehouse.Cli.Commands;
using Warehouse.Core;

namespace Warehouse.Cli;

/// <summary>The command line: typed options and an action per command; users read a sentence, never a stack trace.</summary>
public static class WarehouseCli
{
    public const int Ok = 0;
    public const int Findings = 1;
    public const int BadInput = 2;
    public const int InternalError = 70;

    public static RootCommand Build()
    {
        var root = new RootCommand("政府信息公开工作年度报告数据仓库：读取、核对、载入年报，导出工作簿，发送摘要。Warehouse: parse, check and load China's annual government information disclosure reports.");
        root.Subcommands.Add(ParseCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(ReparseCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(RosterCommand.Create());
        root.Subcommands.Add(AssessCommand.Create());
        root.Subcommands.Add(RegisterCommand.Create());
        root.Subcommands.Add(ShowCommand.Create());
        root.Subcommands.Add(SourcesCommand.Create());
        root.Subcommands.Add(CrawlCommand.Create());
        root.Subcommands.Add(DashboardsCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(DigestCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(CorpusCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(SamplePortalCommand.Create());
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        var parsed = Build().Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // A usage mistake: say what is wrong (the option and the value it takes, or the nearest
            // command) and where help is, exit 2.
            foreach (var line in Usage.Explain(parsed)) await error.WriteLineAsync($"warehouse: {line}");
            var path = string.Join(' ', parsed.CommandResult.Command.Parents.OfType<Command>().Where(c => c is not RootCommand).Reverse().Select(c => c.Name)
                .Append(parsed.CommandResult.Command is RootCommand ? "" : parsed.CommandResult.Command.Name).Where(x => x.Length > 0));
            var help = $"./warehouse {(path.Length > 0 ? path + " " : "")}--help";
            await error.WriteLineAsync($"运行 {help} 查看用法。Run '{help}' for usage.");
            return BadInput;
        }

        var config = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            return await parsed.InvokeAsync(config, ct);
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("warehouse: cancelled");
            return 130;
        }
        catch (Exception e) when (e is UserFacingException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"warehouse: {e.Message}");
            return BadInput;
        }
        catch (Exception e)
        {
            var debug = Environment.GetEnvironmentVariable("WAREHOUSE_DEBUG") == "1";
            await error.WriteLineAsync(debug ? e.ToString() : $"warehouse: internal error: {e.Message} (run with WAREHOUSE_DEBUG=1 for details)");
            return InternalError;
        }
    }
}

/// <summary>A mistake the user can fix found by a command itself (a bad option, a missing tool); its message is the whole story.</summary>
public sealed class UserError(string message) : UserFacingException(message);
