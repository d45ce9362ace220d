using System.CommandLine;
using Warehouse.Cli.Commands;

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
        var root = new RootCommand("Warehouse: parse, check and load China's annual government information disclosure reports (政府信息公开工作年度报告).");
        root.Subcommands.Add(ParseCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(ReparseCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
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
            // A usage mistake: say what is wrong and where help is, in two lines, exit 2.
            foreach (var e in parsed.Errors) await error.WriteLineAsync($"warehouse: {e.Message}");
            var command = string.Join(' ', parsed.CommandResult.Command.Name == "warehouse" || parsed.CommandResult.Parent is null ? [] : new[] { parsed.CommandResult.Command.Name });
            await error.WriteLineAsync($"Run './warehouse {(command.Length > 0 ? command + " " : "")}--help' for usage.");
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
        catch (Warehouse.Data.WarehouseException e)
        {
            await error.WriteLineAsync($"warehouse: {e.Message}");
            return BadInput;
        }
        catch (UserError e)
        {
            await error.WriteLineAsync($"warehouse: {e.Message}");
            return BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
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

/// <summary>A mistake the user can fix (a bad option, a missing tool); its message is the whole story.</summary>
public sealed class UserError(string message) : Exception(message);
