using System.CommandLine;
using System.Globalization;
using Warehouse.Load;

namespace Warehouse.Cli.Commands;

/// <summary><c>reparse</c>: the current parser over the raw store, updating every report whose parse changed.</summary>
internal static class ReparseCommand
{
    public static Command Create()
    {
        var db = IngestCommand.Database();
        var all = new Option<bool>("--all") { Description = "Every document in the raw store." };
        var since = new Option<string?>("--since") { Description = "Only documents first seen on or after this date (YYYY-MM-DD).", HelpName = "DATE" };
        var command = new Command("reparse", "Run the current parser over the raw store and update the facts of every report whose parse changed, reporting what changed.")
        {
            db, all, since,
        };
        command.SetAction(async (pr, ct) =>
        {
            var output = pr.InvocationConfiguration.Output;
            var sinceText = pr.GetValue(since);
            if (pr.GetValue(all) == (sinceText is not null)) throw new UserError("请给出 --all（全部）或 --since 日期。Give either --all or --since DATE");
            DateTime? from = null;
            if (sinceText is not null)
            {
                if (!DateTime.TryParseExact(sinceText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var d))
                {
                    throw new UserError($"--since {sinceText} 不是 YYYY-MM-DD 形式的日期。--since {sinceText} is not a date of the form YYYY-MM-DD");
                }

                from = d;
            }

            var database = IngestCommand.Open(pr, db);
            var service = new ReparseService(database, DocumentReader.Default, TimeProvider.System);
            var summary = await Progress.RunAsync(output, "Reparsing the raw store", progress => service.ReparseAsync(from, progress, ct));

            await output.WriteLineAsync($"Checked {summary.Checked} documents of {database.Target.Display}: {summary.Unchanged} unchanged, {summary.Changed.Count} changed, {summary.NewlyLoaded} newly loaded, {summary.NowRejected.Count} no longer read, {summary.MissingBytes} missing from the raw store.");
            foreach (var line in summary.Changed.Take(50)) await output.WriteLineAsync($"  changed  {line}");
            foreach (var line in summary.NowRejected.Take(50)) await output.WriteLineAsync($"  warning  {line}");
            return WarehouseCli.Ok;
        });
        return command;
    }
}
