using System.Text.Json.Nodes;
using Shouldly;
using Warehouse.Core;
using Warehouse.Corpus;
using Warehouse.Validation;

namespace Warehouse.Parsing.Tests;

/// <summary>Generated reports, consistent and broken on purpose, in every layout, read back cell for cell.</summary>
public sealed class GeneratedCorpusTests(GeneratedCorpus corpus) : IClassFixture<GeneratedCorpus>
{
    private static readonly string[] Metadata = ["agency", "region_code", "year", "template", "published", "items_published"];

    private sealed record Outcome(CorpusEntry Entry, JsonObject Expected, ParseResult Parse, IReadOnlyList<Finding> Findings, JsonObject? Actual);

    private IEnumerable<Outcome> ReadAll(string? layout = null)
    {
        foreach (var entry in corpus.Manifest.Entries.Where(e => layout is null || e.Layout == layout))
        {
            var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(corpus.Directory, entry.ExpectedFile)))!.AsObject();
            var parse = ReportParser.Default.Parse(File.ReadAllBytes(Path.Combine(corpus.Directory, entry.File)), new ParseOptions(entry.File));
            if (parse.Report is null)
            {
                yield return new Outcome(entry, expected, parse, [], null);
                continue;
            }

            var findings = parse.Findings.Concat(ReportValidator.Default.Validate(parse.Report)).ToList();
            yield return new Outcome(entry, expected, parse, findings, JsonNode.Parse(ReportJson.Serialize(parse.Report, findings))!.AsObject());
        }
    }

    public static TheoryData<string> AllLayouts() => new(GeneratedCorpus.Layouts);

    [Theory]
    [MemberData(nameof(AllLayouts))]
    public void Every_cell_of_every_generated_report_reads_back_equal(string layout)
    {
        var problems = new List<string>();
        var count = 0;
        foreach (var o in ReadAll(layout))
        {
            count++;
            if (o.Actual is null)
            {
                problems.Add($"{o.Entry.File}: rejected: {o.Parse.Rejection}");
                continue;
            }

            foreach (var wrong in Cells.Differences(o.Expected, o.Actual)) problems.Add($"{o.Entry.File}: {wrong}");
            foreach (var key in Metadata.Where(k => !JsonNode.DeepEquals(o.Expected[k], o.Actual[k])))
            {
                problems.Add($"{o.Entry.File}: {key} = {o.Actual[key]?.ToJsonString()} (expected {o.Expected[key]?.ToJsonString()})");
            }
        }

        count.ShouldBe(GeneratedCorpus.Count / GeneratedCorpus.Layouts.Count);
        problems.ShouldBeEmpty($"{problems.Count} problems in {count} {layout} reports, first: {string.Join("\n", problems.Take(15))}");
    }

    [Theory]
    [MemberData(nameof(AllLayouts))]
    public void Each_injected_inconsistency_is_an_error_naming_its_row_and_column(string layout)
    {
        var problems = new List<string>();
        var injected = 0;
        foreach (var o in ReadAll(layout).Where(o => o.Actual is not null))
        {
            var wanted = o.Expected["findings"]!.AsArray().Select(f => (Rule: (string)f!["rule"]!, Row: (string?)f["row"], Column: (string?)f["column"])).ToList();
            injected += wanted.Count;
            foreach (var w in wanted.Where(w => !o.Findings.Any(f => f.Severity == Severity.Error && f.Rule == w.Rule && f.Row == w.Row && f.Column == w.Column)))
            {
                problems.Add($"{o.Entry.File}: no {w.Rule} error on {w.Row} × {w.Column}");
            }

            if (wanted.Count == 0)
            {
                foreach (var f in o.Findings.Where(f => f.Severity == Severity.Error)) problems.Add($"{o.Entry.File}: unexpected {f.Rule} [{f.Row} × {f.Column}]: {f.Message}");
            }
        }

        injected.ShouldBeGreaterThan(0);
        problems.ShouldBeEmpty($"{problems.Count} problems, first: {string.Join("\n", problems.Take(15))}");
    }
}
