using Shouldly;
using Warehouse.Core;

namespace Warehouse.Parsing.Tests;

/// <summary>
/// The shared faulty cases (Fixtures/Cases, see its README): each faulty input reads exactly like
/// the same report in a form the parser always read, values and findings (rule and severity) alike.
/// </summary>
public sealed class CaseFixturesTests
{
    public static IEnumerable<TheoryDataRow<string, string>> Pairs() =>
    [
        new("docx-frame-table/frame.docx", "docx-frame-table/plain.docx"),
        new("docx-frame-table/frame-title-outside.docx", "docx-frame-table/plain.docx"),
        new("docx-placeholder-text/placeholder.docx", "docx-placeholder-text/plain.docx"),
        new("docx-tracked-move/moved-row.docx", "docx-tracked-move/plain.docx"),
        new("docx-strict/strict.docx", "docx-strict/plain.docx"),
        new("html-declared-latin1/meta-latin1-body-gbk.html", "html-declared-latin1/trs.html"),
        new("pdf-spaced-title/bigtitle-ascii-space.pdf", "pdf-spaced-title/report.txt"),
        // The faulty Word documents as mammoth's raw text gives them (Node's DOCX reader): every paragraph, a cell's too,
        // followed by an empty line, a prompt as its text.
        new("docx-placeholder-text/placeholder-mammoth.txt", "docx-placeholder-text/plain.docx"),
        new("docx-frame-table/frame-mammoth.txt", "docx-frame-table/plain.docx"),
        new("docx-tracked-move/moved-row-mammoth.txt", "docx-tracked-move/plain.docx"),
    ];

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Faulty_input_reads_exactly_like_its_reference(string faulty, string reference) =>
        Read(faulty).ShouldReadLike(Read(reference));

    [Fact]
    public void References_read_without_errors_so_the_comparison_means_something()
    {
        foreach (var reference in Pairs().Select(p => p.Data.Item2).Distinct())
        {
            var read = Read(reference);
            read.Json["agency"]!.GetValue<string>().ShouldNotBeNullOrEmpty(reference);
            read.Findings.Where(f => f.Severity == Severity.Error).ShouldBeEmpty(reference);
        }
    }

    internal static Reading Read(string relative) =>
        Reading.Of(File.ReadAllBytes(Path.Combine(Fixtures.Dir("Cases"), relative)), relative);
}
