using Warehouse.Core;
using Warehouse.Data;
using Warehouse.Office;
using Warehouse.Parsing;
using Warehouse.Validation;

namespace Warehouse.Load;

/// <summary>A document read, parsed and checked: the report with all its findings, or why it is not one.</summary>
public sealed record ReportReading(string Origin, ParseResult Parse, IReadOnlyList<Finding> Findings)
{
    /// <summary>
    /// A fingerprint of what the parse produced (the values, the derived cells and the findings),
    /// by which a reparse tells whether anything changed; null when rejected. Computed here, on the
    /// thread that parsed, not on the one that loads.
    /// </summary>
    public string? ContentHash { get; } = Parse.Report is { } report
        ? RawStore.Hash(System.Text.Encoding.UTF8.GetBytes(ReportJson.Serialize(report, Findings, null, Parse.Layout, indented: false)))
        : null;

    public Report? Report => Parse.Report;

    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);

    public string? Rejection => Parse.Rejection;

    /// <summary>
    /// For a rejection: the agency and year the document's file name or portal title name, so that the year
    /// shows as received but unreadable rather than missing; null for a report, or when nothing names them.
    /// </summary>
    public ReportName? Named { get; init; }
}

/// <summary>Parses bytes (converting legacy .doc/.wps and OpenDocument .odt with LibreOffice first) and runs the single-report rules.</summary>
public sealed class DocumentReader(ReportParser parser, ReportValidator validator)
{
    private static readonly TimeSpan ConversionLimit = TimeSpan.FromMinutes(2);

    public static DocumentReader Default { get; } = new(ReportParser.Default, ReportValidator.Default);

    /// <summary>Sniffs the bytes, then reads them as <see cref="ReadAsync(byte[], DocumentKind, string, ParseOptions, CancellationToken)"/> does.</summary>
    public Task<ReportReading> ReadAsync(byte[] bytes, string origin, ParseOptions options, CancellationToken ct) =>
        ReadAsync(bytes, DocumentSniffer.Sniff(bytes), origin, options, ct);

    /// <summary>
    /// Parses bytes whose kind the caller sniffed (<see cref="DocumentSniffer.Sniff"/> of these bytes) and
    /// checks the report. A legacy .doc/.wps or an OpenDocument .odt is converted to DOCX first when LibreOffice is installed; the
    /// DOCX it makes is a new document, sniffed on its own. Never throws for bad input: a rejection says why.
    /// </summary>
    public async Task<ReportReading> ReadAsync(byte[] bytes, DocumentKind kind, string origin, ParseOptions options, CancellationToken ct)
    {
        // A legacy Excel workbook is refused by the parser as such: converting it as Word would only fail.
        var legacy = kind == DocumentKind.LegacyOffice && !DocumentSniffer.IsLegacyWorkbook(bytes);
        var openDocument = kind == DocumentKind.OtherZip && DocumentSniffer.IsOpenDocumentText(bytes);
        if ((legacy || openDocument) && Soffice.Find() is not null)
        {
            var (docx, error) = await ToDocxAsync(bytes, openDocument ? "odt" : "doc", ct);
            if (error is not null) return new ReportReading(origin, ParseResult.Reject(error), []);
            bytes = docx!;
            kind = DocumentSniffer.Sniff(bytes);
        }

        return Check(origin, parser.Parse(bytes, kind, options with { Name = origin }));
    }

    public ReportReading Check(string origin, ParseResult parse)
    {
        if (parse.Report is null) return new ReportReading(origin, parse, parse.Findings);
        return new ReportReading(origin, parse, parse.Findings.Concat(validator.Validate(parse.Report)).ToList());
    }

    private static async Task<(byte[]? Docx, string? Error)> ToDocxAsync(byte[] bytes, string extension, CancellationToken ct)
    {
        var work = Directory.CreateTempSubdirectory("warehouse-legacy-");
        try
        {
            var input = Path.Combine(work.FullName, "document." + extension);
            await File.WriteAllBytesAsync(input, bytes, ct);
            await Soffice.ConvertAsync([input], "docx", work.FullName, ConversionLimit, ct);
            var output = Path.Combine(work.FullName, "document.docx");
            return File.Exists(output)
                ? (await File.ReadAllBytesAsync(output, ct), null)
                : (null, $"LibreOffice 未能把 .{extension} 文档转换为 DOCX（文件损坏或有密码？） (LibreOffice could not convert the .{extension} document to DOCX: damaged or password-protected?)");
        }
        catch (OfficeException e)
        {
            return (null, $".{extension} 文档转换失败：{e.Message} (converting the .{extension} document failed)");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
