using System.Text;
using System.Text.RegularExpressions;
using Shouldly;
using Warehouse.Core;

namespace Warehouse.Parsing.Tests;

/// <summary>Forms real text takes on its way to us: radicals from PDF fonts, markdown with HTML tables from OCR tools.</summary>
public sealed partial class TextFormsTests
{
    private static void ShouldReadLikeTheFixture(string text, string fixture)
    {
        var reading = RealReports.Read(Encoding.UTF8.GetBytes(text), fixture);
        reading.Parse.Rejection.ShouldBeNull();
        var baseline = RealReports.Read(File.ReadAllBytes(RealReports.File(fixture)), fixture);
        var different = baseline.Cells.Where(kv => !RealReports.Same(kv.Value, reading.Cells.GetValueOrDefault(kv.Key))).Select(kv => $"{kv.Key}: {reading.Cells.GetValueOrDefault(kv.Key)?.ToJsonString()} (expected {kv.Value?.ToJsonString()})");
        different.ShouldBeEmpty();
        reading.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Rule).Order()
            .ShouldBe(baseline.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Rule).Order());
    }

    [Fact]
    public void Kangxi_radicals_and_compatibility_ideographs_read_as_the_characters_they_stand_for()
    {
        var text = File.ReadAllText(RealReports.File("pingtan-2024"))
            .Replace("行", "\u2F8F", StringComparison.Ordinal).Replace("一", "\u2F00", StringComparison.Ordinal).Replace("工", "\u2F2F", StringComparison.Ordinal);
        ShouldReadLikeTheFixture(text, "pingtan-2024");
    }

    [Fact]
    public void Markdown_from_an_ocr_tool_with_its_tables_in_html_is_read()
    {
        var html = File.ReadAllText(RealReports.File("pingtan-2024-portal"));
        var body = html[html.IndexOf("<div class=TRS_Editor>", StringComparison.Ordinal)..];
        body = body[..body.IndexOf("</div>", StringComparison.Ordinal)];
        var markdown = new StringBuilder("# 平潭综合实验区2024年度政府信息公开工作年度报告\n\n");
        var at = 0;
        foreach (Match table in Table().Matches(body))
        {
            foreach (Match p in Paragraph().Matches(body[at..table.Index])) markdown.Append(Strip(p.Value)).Append("\n\n");
            markdown.Append(table.Value).Append("\n\n");
            at = table.Index + table.Length;
        }

        foreach (Match p in Paragraph().Matches(body[at..])) markdown.Append(Strip(p.Value)).Append("\n\n");
        var text = markdown.ToString().Replace("一、总体情况", "## 一、总体情况", StringComparison.Ordinal).Replace("二、主动公开政府信息情况", "## **二、主动公开政府信息情况**", StringComparison.Ordinal);
        ShouldReadLikeTheFixture(text, "pingtan-2024-portal");
    }

    private static string Strip(string html) => System.Net.WebUtility.HtmlDecode(Tag().Replace(html, "")).Trim();

    [GeneratedRegex(@"<table\b.*?</table>", RegexOptions.Singleline)]
    private static partial Regex Table();

    [GeneratedRegex(@"<p\b.*?</p>", RegexOptions.Singleline)]
    private static partial Regex Paragraph();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();
}
