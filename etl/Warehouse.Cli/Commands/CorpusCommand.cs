using System.CommandLine;
using Warehouse.Corpus;

namespace Warehouse.Cli.Commands;

/// <summary><c>corpus generate</c>: reports with random consistent numbers in every layout, each beside its expected JSON.</summary>
internal static class CorpusCommand
{
    public static Command Create()
    {
        var count = new Option<int>("--count") { Description = "How many reports to write.", DefaultValueFactory = _ => 100, HelpName = "N" };
        var seed = new Option<int>("--seed") { Description = "Seed of the random numbers; the same seed writes the same corpus.", DefaultValueFactory = _ => 1, HelpName = "S" };
        var output = new Option<string>("--out") { Description = "Folder to write into (created when missing).", Required = true, HelpName = "DIR" };
        var layouts = LayoutsOption();
        var inconsistent = new Option<double>("--inconsistent") { Description = "Share of reports made inconsistent on purpose (0 to 1).", DefaultValueFactory = _ => 0.15, HelpName = "SHARE" };
        var years = new Option<string?>("--years")
        {
            Description = "Make the reports a panel: the same agencies every year of this range (e.g. 2020-2024), --count / years agencies; otherwise each report is a random agency and year.",
            HelpName = "A-B",
        };
        var generate = new Command("generate", "Write generated reports (random consistent numbers, some made inconsistent on purpose) in every layout, with their expected JSON.")
        {
            count, seed, output, layouts, inconsistent, years,
        };
        generate.SetAction(async (pr, ct) =>
        {
            var options = new CorpusOptions(Positive(pr.GetValue(count), "--count"), pr.GetValue(seed), ParseLayouts(pr.GetValue(layouts)), Share(pr.GetValue(inconsistent)),
                PanelOf(pr.GetValue(years)));
            if (options.Panel is { } panel && options.Count / panel.Years > ReportFactory.MaxPanelAgencies)
            {
                throw new UserError($"a panel holds at most {ReportFactory.MaxPanelAgencies:N0} agencies; lower --count");
            }

            // The tools some layouts are made with, asked for before any report is written.
            if (NeedsPdf(options.Layouts) && SofficePdfConverter.Find() is null)
            {
                throw new UserError($"pdf、text-pdftotext 版式需要 LibreOffice 把 Word 文档转成 PDF，本机未安装 ({SofficePdfConverter.InstallHint})");
            }

            if (options.Layouts.Any(Layouts.NeedsBrowser) && ChromiumPagePrinter.Find() is null)
            {
                throw new UserError($"pdf-browser 版式需要 Chromium 把网页打印成 PDF，本机未安装 ({ChromiumPagePrinter.InstallHint})");
            }

            if (options.Layouts.Any(Layouts.NeedsBrowser) && WkhtmltopdfPagePrinter.Find() is null)
            {
                throw new UserError($"pdf-browser 版式有四分之一的网页用 wkhtmltopdf 打印成 PDF，本机未安装 ({WkhtmltopdfPagePrinter.InstallHint})");
            }

            if (options.Layouts.Any(Layouts.NeedsBrowser) && WeasyPrintPagePrinter.Find() is null)
            {
                throw new UserError($"pdf-browser 版式有部分网页用 WeasyPrint 打印成 PDF，本机未安装 ({WeasyPrintPagePrinter.InstallHint})");
            }

            var dir = Path.GetFullPath(pr.GetValue(output)!);
            var manifest = await Progress.RunAsync(pr.InvocationConfiguration.Output, $"Writing {options.Count} reports", options.Count,
                progress => new CorpusWriter(NeedsPdf(options.Layouts) ? new SofficePdfConverter() : null).WriteAsync(dir, options, progress, ct));
            var byLayout = manifest.Entries.GroupBy(e => e.Layout).Select(g => $"{g.Key} {g.Count()}");
            await pr.InvocationConfiguration.Output.WriteLineAsync($"Wrote {manifest.Entries.Count} reports to {dir} ({string.Join(", ", byLayout)}), each beside its .expected.json.");
            return WarehouseCli.Ok;
        });

        return new Command("corpus", "Generated test corpora.") { generate };
    }

    public static Option<string?> LayoutsOption() => new("--layouts")
    {
        Description = $"Comma-separated layouts to write: {string.Join(", ", Layouts.All)} (default: all).",
        HelpName = "L,…",
    };

    public static IReadOnlyList<string> ParseLayouts(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return Layouts.All;
        var chosen = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var unknown = chosen.Where(l => !Layouts.All.Contains(l)).ToList();
        if (unknown.Count > 0) throw new UserError($"unknown layout {string.Join(", ", unknown)}; the layouts are {string.Join(", ", Layouts.All)}");
        return chosen;
    }

    /// <summary>A panel from "A-B" (years A to B), or none.</summary>
    public static Panel? PanelOf(string? years)
    {
        if (string.IsNullOrWhiteSpace(years)) return null;
        var (first, last) = YearRange.Parse(years, "--years");
        return new Panel(first, last - first + 1);
    }

    public static bool NeedsPdf(IReadOnlyList<string> layouts) => layouts.Any(Layouts.NeedsPdf);

    private static int Positive(int n, string name) => n > 0 ? n : throw new UserError($"{name} must be a positive number");

    private static double Share(double s) => s is >= 0 and <= 1 ? s : throw new UserError("--inconsistent must be between 0 and 1");
}
