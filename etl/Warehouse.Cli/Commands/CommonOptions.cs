using System.CommandLine;
using Warehouse.Parsing;

namespace Warehouse.Cli.Commands;

internal static class CommonOptions
{
    public static Argument<string[]> Files() => new("FILE")
    {
        Description = "年报文件：文本、HTML、网页存档（.mht）、DOCX、PDF（装有 LibreOffice 时也可读 .doc/.wps），版式按内容识别。Report files: text, HTML, web archives (.mht), DOCX, PDF (legacy .doc/.wps with LibreOffice).",
        Arity = ArgumentArity.OneOrMore,
    };

    public static Option<string?> RegionHint() => new("--region-hint")
    {
        HelpName = "CODE",
        Description = "年报来源门户所在地区的代码，用于区分多省同名的县区。Region code of the portal the reports came from; decides county names found in several provinces.",
    };

    public static Option<int> MaxSize() => new("--max-size")
    {
        HelpName = "MB",
        Description = "拒收大于此兆字节数的文件。Refuse files larger than this many megabytes.",
        DefaultValueFactory = _ => (int)(ParseOptions.DefaultMaxBytes / (1024 * 1024)),
    };

    public static ParseOptions Options(System.CommandLine.ParseResult pr, Option<string?> hint, Option<int> maxSize)
    {
        var mb = pr.GetValue(maxSize);
        if (mb <= 0) throw new UserError($"--max-size {mb}：应为正整数（兆字节）。--max-size must be a positive number of megabytes");
        return new ParseOptions(RegionHint: pr.GetValue(hint), MaxBytes: mb * 1024L * 1024L);
    }
}
