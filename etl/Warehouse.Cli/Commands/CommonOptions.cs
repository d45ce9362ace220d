using System.CommandLine;
using Warehouse.Parsing;

namespace Warehouse.Cli.Commands;

internal static class CommonOptions
{
    public static Argument<string[]> Files() => new("FILE")
    {
        Description = "Report files: text, HTML, DOCX, PDF (or legacy .doc/.wps with LibreOffice installed). The layout is read from the content.",
        Arity = ArgumentArity.OneOrMore,
    };

    public static Option<string?> RegionHint() => new("--region-hint")
    {
        HelpName = "CODE",
        Description = "Region code of the portal the reports came from; decides county names that exist in several provinces.",
    };

    public static Option<int> MaxSize() => new("--max-size")
    {
        HelpName = "MB",
        Description = "Refuse files larger than this many megabytes.",
        DefaultValueFactory = _ => (int)(ParseOptions.DefaultMaxBytes / (1024 * 1024)),
    };

    public static ParseOptions Options(System.CommandLine.ParseResult pr, Option<string?> hint, Option<int> maxSize)
    {
        var mb = pr.GetValue(maxSize);
        if (mb <= 0) throw new UserError("--max-size must be a positive number of megabytes");
        return new ParseOptions(RegionHint: pr.GetValue(hint), MaxBytes: mb * 1024L * 1024L);
    }
}
