using Warehouse.Core;
using Warehouse.Parsing;
using Warehouse.Validation;

namespace Warehouse.Cli;

/// <summary>A file read, parsed and checked: the report with all its findings, or why it is not one.</summary>
public sealed record ReportReading(string File, ParseResult Parse, IReadOnlyList<Finding> Findings)
{
    public Report? Report => Parse.Report;

    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);

    public string? Rejection => Parse.Rejection;
}

/// <summary>Reads files from disk and runs the parser and the single-report rules over them.</summary>
public sealed class ReportReader(ReportParser parser, ReportValidator validator, LegacyConverter legacy)
{
    public static ReportReader Default { get; } = new(ReportParser.Default, ReportValidator.Default, new LegacyConverter());

    public async Task<ReportReading> ReadAsync(string path, ParseOptions options, CancellationToken ct)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return new ReportReading(path, ParseResult.Reject(Directory.Exists(path) ? "is a folder, not a file" : "no such file"), []);
        }

        if (info.Length > options.MaxBytes)
        {
            // Refused before reading: a 200 MB upload must not be pulled into memory.
            return new ReportReading(path, ParseResult.Reject($"the file is {info.Length / (1024 * 1024)} MB, over the size limit of {options.MaxBytes / (1024 * 1024)} MB (--max-size)"), []);
        }

        var bytes = await File.ReadAllBytesAsync(path, ct);
        if (DocumentSniffer.Sniff(bytes) == DocumentKind.LegacyOffice && legacy.IsAvailable)
        {
            var converted = await legacy.ToDocxAsync(path, ct);
            if (converted.Error is not null) return new ReportReading(path, ParseResult.Reject(converted.Error), []);
            bytes = converted.Docx!;
        }

        var parse = parser.Parse(bytes, options with { Name = path });
        return Check(path, parse);
    }

    public ReportReading Check(string path, ParseResult parse)
    {
        if (parse.Report is null) return new ReportReading(path, parse, parse.Findings);
        var findings = parse.Findings.Concat(validator.Validate(parse.Report)).ToList();
        return new ReportReading(path, parse, findings);
    }
}
