using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Shouldly;
using Warehouse.Core;
using Warehouse.Corpus;
using Warehouse.Validation;

namespace Warehouse.Parsing.Tests;

/// <summary>Generated reports with real numbers, damaged as extraction damages text: read right or flagged, never a crash.</summary>
public sealed class GeneratedMutationTests
{
    [Fact]
    public void Damaged_generated_text_reports_are_read_right_or_flagged()
    {
        Gen.Select(Gen.Int[0, 5000], Gen.Int[0, 1], Gen.Int[0, Mutations.Kinds - 1], Gen.Int[0, int.MaxValue])
            .Sample((index, form, kind, salt) =>
            {
                var generated = ReportFactory.Create(77, index, 0);
                var layout = form == 0 ? Layouts.TextTab : Layouts.TextCell;
                var text = Encoding.UTF8.GetString(CorpusWriter.Render(generated, layout));
                var bytes = Mutations.Apply(text, kind, new Random(salt));
                var result = ReportParser.Default.Parse(bytes, new ParseOptions());
                if (result.Report is null)
                {
                    result.Rejection.ShouldNotBeNullOrWhiteSpace();
                    return;
                }

                var findings = result.Findings.Concat(ReportValidator.Default.Validate(result.Report)).ToList();
                var expected = JsonNode.Parse(ReportJson.Serialize(generated.Report, []))!.AsObject();
                var actual = JsonNode.Parse(ReportJson.Serialize(result.Report, []))!.AsObject();
                var wrong = Cells.Differences(expected, actual);
                if (wrong.Count > 0)
                {
                    findings.ShouldContain(f => f.Severity == Severity.Error,
                        $"report {index} ({layout}) after '{Mutations.Describe(kind)}' (salt {salt}) reads {string.Join("; ", wrong.Take(5))} with no error finding");
                }
            }, iter: 600, threads: 1);
    }

    [Fact]
    public void Html_and_docx_with_bytes_cut_short_never_crash()
    {
        Gen.Select(Gen.Int[0, 5000], Gen.Int[0, 2], Gen.Double[0.05, 0.95])
            .Sample((index, which, cut) =>
            {
                var layout = new[] { Layouts.HtmlTrs, Layouts.HtmlHanwebGbk, Layouts.Docx }[which];
                var bytes = CorpusWriter.Render(ReportFactory.Create(78, index, 0), layout);
                var result = ReportParser.Default.Parse(bytes.AsMemory(0, (int)(bytes.Length * cut)), new ParseOptions());
                (result.Report is not null || !string.IsNullOrWhiteSpace(result.Rejection)).ShouldBeTrue();
            }, iter: 150, threads: 1);
    }
}
