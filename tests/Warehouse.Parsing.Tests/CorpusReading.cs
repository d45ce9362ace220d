using System.Text.Json.Nodes;
using Warehouse.Core;
using Warehouse.Corpus;
using Warehouse.Validation;

namespace Warehouse.Parsing.Tests;

/// <summary>
/// A generated report read back: its expectation, the parse, every finding (the parser's and the
/// validator's) and the result in the <c>parse --json</c> contract (null when the parse was refused).
/// </summary>
internal sealed record CorpusReading(CorpusEntry Entry, JsonObject Expected, ParseResult Parse, IReadOnlyList<Finding> Findings, JsonObject? Actual)
{
    private static readonly string[] Metadata = ["agency", "region_code", "year", "template", "published", "items_published"];

    public static CorpusReading Read(string directory, CorpusEntry entry)
    {
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, entry.ExpectedFile)))!.AsObject();
        var parse = ReportParser.Default.Parse(File.ReadAllBytes(Path.Combine(directory, entry.File)), new ParseOptions(entry.File));
        if (parse.Report is null) return new CorpusReading(entry, expected, parse, [], null);
        var findings = parse.Findings.Concat(ReportValidator.Default.Validate(parse.Report)).ToList();
        return new CorpusReading(entry, expected, parse, findings, JsonNode.Parse(ReportJson.Serialize(parse.Report, findings))!.AsObject());
    }

    /// <summary>The refusal, or every table cell and metadata value that differs from the expectation, one line each.</summary>
    public IEnumerable<string> WrongValues()
    {
        if (Actual is null)
        {
            yield return $"{Entry.File}: rejected: {Parse.Rejection}";
            yield break;
        }

        foreach (var wrong in Cells.Differences(Expected, Actual)) yield return $"{Entry.File}: {wrong}";
        foreach (var key in Metadata.Where(k => !JsonNode.DeepEquals(Expected[k], Actual[k])))
        {
            yield return $"{Entry.File}: {key} = {Actual[key]?.ToJsonString()} (expected {Expected[key]?.ToJsonString()})";
        }
    }

    /// <summary>The inconsistencies the generator injected: rule, row and column of each.</summary>
    public IReadOnlyList<(string Rule, string? Row, string? Column)> Injected =>
        Expected["findings"]!.AsArray().Select(f => (Rule: (string)f!["rule"]!, Row: (string?)f["row"], Column: (string?)f["column"])).ToList();

    /// <summary>Each injected inconsistency without an error finding of its rule, row and column.</summary>
    public IEnumerable<string> MissedInjections() =>
        Injected.Where(w => !Findings.Any(f => f.Severity == Severity.Error && f.Rule == w.Rule && f.Row == w.Row && f.Column == w.Column))
            .Select(w => $"{Entry.File}: no {w.Rule} error on {w.Row} × {w.Column}");

    /// <summary>Each error finding that no injected inconsistency accounts for.</summary>
    public IEnumerable<string> UnexpectedErrors()
    {
        var injected = Injected;
        return Findings.Where(f => f.Severity == Severity.Error && !injected.Any(w => w.Rule == f.Rule && w.Row == f.Row && w.Column == f.Column))
            .Select(f => $"{Entry.File}: unexpected {f.Rule} [{f.Row} × {f.Column}]: {f.Message}");
    }
}
