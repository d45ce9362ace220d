using System.Text;
using Shouldly;
using Warehouse.Core;

namespace Warehouse.Parsing.Tests;

/// <summary>
/// Text whose font mapping a re-print broke for some glyphs (Ghostscript's print of a PDF whose fonts are Type 3, as
/// Chromium writes them): Latin letters among the Chinese ("政ó公开", "ÿ一Ā"), 年 and other characters lost. A report
/// that can still be read says so in a warning; one that cannot says so beside the reason, not only "no report year".
/// </summary>
public sealed class PartlyGarbledTextTests
{
    [Fact]
    public void A_report_read_in_spite_of_garbled_characters_says_its_text_is_partly_garbled()
    {
        // 政府信息 garbled in section 一's prose (in the tables' labels it may cost a row, null with an error).
        var reading = Garbled(t =>
        {
            int from = t.IndexOf("一、总体情况", StringComparison.Ordinal), to = t.IndexOf("二、主动公开", StringComparison.Ordinal);
            return t[..from] + t[from..to].Replace("政府信息", "政府信ó", StringComparison.Ordinal) + t[to..];
        });
        reading.Parse.Rejection.ShouldBeNull();
        // The year's count of items published is in a garbled sentence ("主动公开政府信ó10407条"): not read, never wrong.
        RealReports.WrongCells(RealReports.Expected("pingtan-2024"), reading).ShouldBe(["items_published: want 10407, got null"]);
        var warning = reading.Findings.Single(f => f.Rule == "text_garbled");
        warning.Severity.ShouldBe(Severity.Warning);
        warning.Message.ShouldStartWith("文字部分乱码（如「");
        warning.Message.ShouldContain("ó");
    }

    [Fact]
    public void A_report_whose_year_the_garbling_lost_is_refused_with_that_reason()
    {
        var reading = Garbled(t => t.Replace("年", "", StringComparison.Ordinal).Replace("政府信息", "政府信ó", StringComparison.Ordinal));
        var why = reading.Parse.Rejection.ShouldNotBeNull();
        why.ShouldStartWith("标题、统计期限和落款日期中都没有报告年度");
        why.ShouldContain("；文字部分乱码（如「");
    }

    [Fact]
    public void Chinese_text_with_a_middle_dot_or_a_times_sign_is_not_garbled()
    {
        var reading = Garbled(t => t.Replace("政府信息公开", "政府·信息×公开", StringComparison.Ordinal));
        reading.Findings.ShouldNotContain(f => f.Rule == "text_garbled");
    }

    // Ghostscript's print of a browser's print kept no ToUnicode map for the body's font: its glyph numbers read as
    // ideographs, most outside GB 2312 ("䖺䎎⯥氳⛣糋꺙건"), while the headings' font still reads. The report named no agency,
    // and the reason said only that.
    [Fact]
    public void A_report_whose_glyph_numbers_read_as_rare_ideographs_is_refused_as_garbled()
    {
        var reading = Garbled(t => t.Replace("平潭综合实验区", "䖺䎎⯥氳⛣糋꺙", StringComparison.Ordinal).Replace("管委会办公室", "건䷓ⱷ⪜䋯", StringComparison.Ordinal));
        var why = reading.Parse.Rejection.ShouldNotBeNull();
        why.ShouldStartWith("标题（…年政府信息公开工作年度报告）、页面元数据和落款中都没有机关名称");
        why.ShouldContain("；文字部分乱码（如「");
    }

    [Fact]
    public void A_text_of_glyph_numbers_only_is_refused_as_garbled_not_as_no_report()
    {
        // Every ideograph a glyph number: the same count of characters, moved into Extension A and the unified block's
        // characters beyond GB 2312, as a font without a map gives them.
        var reading = Garbled(t => new string(t.Select(c => c is >= '\u4E00' and <= '\u9FA5' ? (char)(0x3400 + ((c - 0x4E00) % 0x19B0)) : c).ToArray()));
        reading.Parse.Rejection.ShouldNotBeNull().ShouldStartWith("文字是乱码，无法读取");
    }

    [Fact]
    public void A_rare_character_in_a_name_is_not_garbled_text()
    {
        // 喆, 堃 and 犇 are outside GB 2312, as a person's or a place's name may be.
        var reading = Garbled(t => t.Replace("本机关", "喆堃犇机关", StringComparison.Ordinal));
        reading.Parse.Rejection.ShouldBeNull();
        reading.Findings.ShouldNotContain(f => f.Rule == "text_garbled");
    }

    private static RealReports.Reading Garbled(Func<string, string> damage)
    {
        var text = File.ReadAllText(RealReports.File("pingtan-2024"));
        return RealReports.Read(Encoding.UTF8.GetBytes(damage(text)), "pingtan-2024.txt");
    }
}
