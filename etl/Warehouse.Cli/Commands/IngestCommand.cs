using System.CommandLine;
using Warehouse.Data;
using Warehouse.Load;

namespace Warehouse.Cli.Commands;

/// <summary><c>ingest PATH...</c>: files and folders into the raw store and the warehouse, one transaction per report.</summary>
internal static class IngestCommand
{
    public static Option<string?> Database() => new("--db")
    {
        Description = $"The warehouse: a SQLite file or a SQL Server connection string (default: $WAREHOUSE_DB, else {WarehouseTarget.DefaultPath}).",
        HelpName = "TARGET",
    };

    public static WarehouseDatabase Open(System.CommandLine.ParseResult pr, Option<string?> db) =>
        new(Opening.Target(pr, db)) { LockWaitNotice = Opening.LockWaitNotice(pr) };

    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Report files, or folders to read recursively (JSON and hidden files are skipped).", Arity = ArgumentArity.OneOrMore };
        var db = Database();
        var hint = CommonOptions.RegionHint();
        var maxSize = CommonOptions.MaxSize();
        var command = new Command("ingest", "Load reports into the warehouse: bytes into the raw store, then parse, check and load each in one transaction. Safe to run again.")
        {
            paths, db, hint, maxSize,
        };
        command.SetAction(async (pr, ct) =>
        {
            var output = pr.InvocationConfiguration.Output;
            var parse = CommonOptions.Options(pr, hint, maxSize);
            var database = Open(pr, db);
            var files = IngestService.Expand(pr.GetValue(paths)!);

            var service = new IngestService(database, DocumentReader.Default, TimeProvider.System);
            var summary = await Progress.RunAsync(output, $"载入 {files.Count} 个文件 Ingesting {files.Count} files", files.Count,
                progress => service.IngestAsync(files, new IngestOptions(parse.RegionHint, parse.MaxBytes, "ingest"), progress, ct));

            await output.WriteLineAsync($"载入到 Into {database.Target.Display}（原始文件库 raw store {database.Target.RawStoreDirectory}）：");
            await output.WriteLineAsync($"  已载入 loaded       {summary.Loaded}");
            await output.WriteLineAsync($"  取代 superseding  {summary.Superseding}   （同一机关同一年度的较新文件，旧文件保留为历史 newer documents for an agency and year already loaded; the older stay as history）");
            if (summary.History > 0) await output.WriteLineAsync($"  历史 history      {summary.History}   （比已载入的更旧的文件 older documents than the one loaded）");
            await output.WriteLineAsync($"  未变 unchanged    {summary.Unchanged}   （同样的文件已载入过 the same bytes were ingested before）");
            await output.WriteLineAsync($"  拒收 rejected     {summary.Rejected.Count}");
            foreach (var group in summary.Rejected.GroupBy(r => r.Reason).OrderByDescending(g => g.Count()).Take(10))
            {
                await output.WriteLineAsync($"    {group.Count(),5} × {group.Key}（如 e.g. {group.First().File}）");
            }

            if (summary.FindingsByRule.Count > 0)
            {
                await output.WriteLineAsync("  各类问题 findings by rule：" + string.Join("，", summary.FindingsByRule.OrderByDescending(kv => kv.Value)
                    .Select(kv => $"{FindingText.RuleName(kv.Key)}{(FindingText.RuleName(kv.Key) == kv.Key ? "" : " " + kv.Key)} {kv.Value}")));
            }

            return WarehouseCli.Ok;
        });
        return command;
    }
}
