using System.CommandLine;
using Spectre.Console;
using Warehouse.Core.Regions;
using Warehouse.Crawl.Sources;

namespace Warehouse.Cli.Commands;

/// <summary><c>sources list</c> and <c>sources check FILE...</c>: the portals to crawl, declared as YAML files.</summary>
internal static class SourcesCommand
{
    public static Option<string?> Folder() => new("--sources")
    {
        Description = $"The folder of source files (default: $WAREHOUSE_SOURCES, else {SourceCatalog.DefaultFolder}).",
        HelpName = "DIR",
    };

    public static string FolderOf(System.CommandLine.ParseResult pr, Option<string?> folder) =>
        pr.GetValue(folder) ?? Environment.GetEnvironmentVariable("WAREHOUSE_SOURCES") ?? SourceCatalog.DefaultFolder;

    public static Command Create()
    {
        var folder = Folder();
        var list = new Command("list", "List the sources of the folder: name, region, CMS profile, hosts, politeness and schedule; then any file with mistakes.") { folder };
        list.SetAction(async (pr, ct) =>
        {
            var output = pr.InvocationConfiguration.Output;
            var catalog = SourceCatalog.Load(FolderOf(pr, folder));
            var table = new Table().AddColumns("name", "title", "region", "profile", "hosts", "min delay", "schedule");
            foreach (var s in catalog.Sources)
            {
                var region = DivisionList.Default.Find(s.RegionCode)?.Name ?? "";
                table.AddRow(Markup.Escape(s.Name), Markup.Escape(s.Title), Markup.Escape($"{s.RegionCode} {region}"), s.Profile.Name,
                    Markup.Escape(string.Join(", ", s.AllowedHosts)) + (s.LocalTest ? " (local test)" : ""), $"{s.MinDelay.TotalSeconds:0.###} s", Markup.Escape(s.Schedule ?? "on demand"));
            }

            await output.WriteLineAsync($"{catalog.Sources.Count} source(s) in {Path.GetFullPath(catalog.Folder)}:");
            Terminal.For(output).Write(table);
            foreach (var p in catalog.Problems) await pr.InvocationConfiguration.Error.WriteLineAsync(p.ToString());
            return catalog.Problems.Count == 0 ? WarehouseCli.Ok : WarehouseCli.Findings;
        });

        var files = new Argument<string[]>("FILE") { Description = "Source files to check.", Arity = ArgumentArity.OneOrMore };
        var check = new Command("check", "Check source files and say, for each mistake, its line and what to write instead; exit 1 when any file has one.") { files };
        check.SetAction(async (pr, ct) =>
        {
            var output = pr.InvocationConfiguration.Output;
            var failed = false;
            foreach (var file in pr.GetValue(files)!)
            {
                var (source, problems) = SourceReader.Read(file);
                if (source is not null)
                {
                    await output.WriteLineAsync($"{file}: ok: {source.Name} ({source.Title}, {source.RegionCode}, profile {source.Profile.Name}, {source.StartUrls.Count} start URL(s))");
                    continue;
                }

                failed = true;
                foreach (var p in problems) await output.WriteLineAsync(p.ToString());
            }

            return failed ? WarehouseCli.Findings : WarehouseCli.Ok;
        });

        return new Command("sources", "The government portals to crawl, one YAML file each.") { list, check };
    }
}
