using System.Text.Json.Nodes;
using Shouldly;
using Warehouse.Core;
using Warehouse.Corpus;
using Warehouse.Validation;

namespace Warehouse.Parsing.Tests;

/// <summary>
/// The layouts of tools that turn a portal page into text (a text browser's dump, a browser's print
/// read without layout), generated at scale without LibreOffice and read back cell for cell.
/// </summary>
public sealed class PortalTextLayoutTests : IDisposable
{
    private const int PerLayout = 120;

    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("portal-text-layouts-");

    public void Dispose() => _temp.Delete(recursive: true);

    public static TheoryData<string> PortalTextLayouts() => new([Layouts.TextBoxDraw, Layouts.TextBrowserPrint, Layouts.MarkdownPandoc]);

    [Theory]
    [MemberData(nameof(PortalTextLayouts))]
    public async Task Every_cell_reads_back_equal_and_only_the_injected_inconsistencies_are_errors(string layout)
    {
        var manifest = await new CorpusWriter().WriteAsync(_temp.FullName, new CorpusOptions(PerLayout, 53, [layout]), null, TestContext.Current.CancellationToken);
        var problems = new List<string>();
        foreach (var entry in manifest.Entries)
        {
            var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(_temp.FullName, entry.ExpectedFile)))!.AsObject();
            var parse = ReportParser.Default.Parse(File.ReadAllBytes(Path.Combine(_temp.FullName, entry.File)), new ParseOptions(entry.File));
            if (parse.Report is null)
            {
                problems.Add($"{entry.File}: rejected: {parse.Rejection}");
                continue;
            }

            var findings = parse.Findings.Concat(ReportValidator.Default.Validate(parse.Report)).ToList();
            var actual = JsonNode.Parse(ReportJson.Serialize(parse.Report, findings))!.AsObject();
            foreach (var wrong in Cells.Differences(expected, actual)) problems.Add($"{entry.File}: {wrong}");
            var wanted = expected["findings"]!.AsArray().Select(f => (Rule: (string)f!["rule"]!, Row: (string?)f["row"], Column: (string?)f["column"])).ToList();
            foreach (var w in wanted.Where(w => !findings.Any(f => f.Severity == Severity.Error && f.Rule == w.Rule && f.Row == w.Row && f.Column == w.Column)))
            {
                problems.Add($"{entry.File}: no {w.Rule} error on {w.Row} × {w.Column}");
            }

            foreach (var f in findings.Where(f => f.Severity == Severity.Error && !wanted.Any(w => w.Rule == f.Rule && w.Row == f.Row && w.Column == f.Column)))
            {
                problems.Add($"{entry.File}: unexpected {f.Rule} [{f.Row} × {f.Column}]: {f.Message}");
            }
        }

        manifest.Entries.Count.ShouldBe(PerLayout);
        problems.ShouldBeEmpty($"{problems.Count} problems in {PerLayout} {layout} reports, first: {string.Join("\n", problems.Take(15))}");
    }
}
