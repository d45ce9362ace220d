using System.Text.RegularExpressions;
using Shouldly;
using Warehouse.Core;
using Warehouse.Corpus.Rendering;

namespace Warehouse.Corpus.Tests;

/// <summary>Each quirk is drawn at its rate, only in the layouts that take it, the same for the same (seed, index).</summary>
public sealed class QuirkTests
{
    private const int Sample = 3000;

    private static readonly IReadOnlyList<GeneratedReport> Reports =
        Enumerable.Range(0, Sample).Select(i => ReportFactory.Create(2024, i, 0.15)).ToList();

    private static List<Quirks> In(string layout) => Reports.Select(g => Quirks.Draw(g, layout)).ToList();

    private static double Share<T>(IReadOnlyCollection<T> items, Func<T, bool> which) => items.Count(which) / (double)items.Count;

    [Fact]
    public void The_same_report_and_layout_get_the_same_quirks()
    {
        foreach (var layout in Layouts.All)
        {
            foreach (var i in new[] { 0, 5, 99 })
            {
                var a = Quirks.Draw(ReportFactory.Create(8, i, 0.15), layout);
                var b = Quirks.Draw(ReportFactory.Create(8, i, 0.15), layout);
                (a with { Labels = b.Labels, Headings = b.Headings, Wordings = b.Wordings }).ShouldBe(b, $"{layout} {i}");
                a.Labels.ShouldBe(b.Labels);
                a.Headings.ShouldBe(b.Headings);
                a.Wordings.ShouldBe(b.Wordings);
            }
        }
    }

    [Fact]
    public void Titles_take_every_wording_at_their_rate_in_every_layout()
    {
        foreach (var layout in Layouts.All)
        {
            var quirks = In(layout);
            Share(quirks, q => q.Title is >= TitleForm.YearFirst and <= TitleForm.Split).ShouldBe(Quirks.TitleRate, 0.03, layout);
            Share(quirks, q => q.Title == TitleForm.AgencyWrapped).ShouldBe((1 - Quirks.TitleRate) * Quirks.TitleAgencyWrappedRate, 0.015, layout);
            Share(quirks, q => q.Title is TitleForm.YearAfterWords or TitleForm.AboutAgency or TitleForm.Bracketed or TitleForm.Dashed or TitleForm.YearSetOff or TitleForm.IssuingNotice or TitleForm.YearBare)
                .ShouldBe((1 - Quirks.TitleRate) * (1 - Quirks.TitleAgencyWrappedRate) * Quirks.TitleSetOffRate, 0.02, layout);
            quirks.Select(q => q.Title).Distinct().Count().ShouldBe(Enum.GetValues<TitleForm>().Length, layout);
        }

        // Wrapped inside the agency's name, after its last place name, and whole again when its lines are joined.
        var wrapped = 0;
        foreach (var report in Reports)
        {
            var title = Composer.Compose(report, Quirks.None with { Title = TitleForm.AgencyWrapped }).OfType<TitlePart>().Single();
            var printed = Composer.Compose(report, Quirks.None).OfType<TitlePart>().Single();
            title.Text.ShouldBe(printed.Text);
            if (title.Lines.Count == 1) continue;
            wrapped++;
            title.Lines[0].Length.ShouldBeLessThan(report.Report.Agency.Length);
            "省市县区州旗盟镇乡".ShouldContain(title.Lines[0][^1]);
            title.Lines[1].ShouldStartWith(report.Report.Agency[title.Lines[0].Length..]);
        }

        wrapped.ShouldBeGreaterThan(Reports.Count / 2);

        // The year after the report's words, the agency after 关于, the agency set off by 【】 or ——, the year in brackets, or
        // a notice that issues the report.
        var g = Reports[0];
        var (agency, year) = (g.Report.Agency, g.Report.Year);
        string Titled(TitleForm form) => Composer.Compose(g, Quirks.None with { Title = form }).OfType<TitlePart>().Single().Text;
        Titled(TitleForm.YearAfterWords).ShouldBe($"{agency}政府信息公开工作{year}年度报告");
        Titled(TitleForm.AboutAgency).ShouldBe($"关于{agency}{year}年政府信息公开工作情况的报告");
        Titled(TitleForm.Bracketed).ShouldStartWith($"【{agency}】{year}年");
        Titled(TitleForm.Dashed).ShouldStartWith($"{agency}——{year}年");
        Titled(TitleForm.YearSetOff).ShouldStartWith($"{agency}（{year}年）");
        Titled(TitleForm.IssuingNotice).ShouldStartWith($"{agency}关于印发{year}年");
        Titled(TitleForm.IssuingNotice).ShouldEndWith("报告的通知");
        Titled(TitleForm.YearBare).ShouldStartWith($"{agency}{year}政");
    }

    [Fact]
    public void Headings_are_misprinted_at_their_rate_by_one_character_keeping_their_number_and_end()
    {
        foreach (var layout in Layouts.All)
        {
            var quirks = In(layout);
            Share(quirks, q => q.Headings.Count > 0).ShouldBe(Quirks.HeadingMisprintRate, 0.02, layout);
            foreach (var (number, printed) in quirks.SelectMany(q => q.Headings))
            {
                var heading = Quirks.SectionHeadings[number - 1];
                number.ShouldBeInRange(2, 6);
                printed.ShouldNotBe(heading);
                printed[..2].ShouldBe(heading[..2]);
                printed[^1].ShouldBe(heading[^1]);
                Math.Abs(printed.Length - heading.Length).ShouldBeLessThanOrEqualTo(1);
            }
        }

        // Dropped, typed wrong and added all come.
        var lengths = Layouts.All.SelectMany(In).SelectMany(q => q.Headings).Select(h => h.Value.Length - Quirks.SectionHeadings[h.Key - 1].Length).Distinct();
        lengths.ShouldBe([-1, 0, 1], ignoreOrder: true);
    }

    [Fact]
    public void Headings_are_worded_otherwise_or_left_out_at_their_rates_but_not_in_the_docx_layout()
    {
        foreach (var layout in Layouts.All)
        {
            var quirks = In(layout);
            if (layout == Layouts.Docx)
            {
                quirks.ShouldAllBe(q => q.Wordings.Count == 0);
                continue;
            }

            Share(quirks, q => q.Wordings.Values.Any(w => w.Length > 0)).ShouldBe(Quirks.HeadingWordingRate, 0.03, layout);
            Share(quirks, q => q.Wordings.Values.Any(w => w.Length == 0)).ShouldBe(Quirks.HeadingOmittedRate, 0.02, layout);
            foreach (var (number, printed) in quirks.SelectMany(q => q.Wordings))
            {
                if (printed.Length == 0)
                {
                    number.ShouldBeInRange(2, 5);
                    continue;
                }

                // Under its own number ("四、…", or a part's: "第四部分 …"), in a wording real reports use.
                printed.TrimStart('第')[0].ShouldBe("一二三四五六"[number - 1]);
                Quirks.HeadingWordings[number - 1].ShouldContain(printed);
            }
        }

        // Every wording comes, and a heading left out is no part of the composition.
        Layouts.All.SelectMany(In).SelectMany(q => q.Wordings.Values).Where(w => w.Length > 0).Distinct().Count()
            .ShouldBe(Quirks.HeadingWordings.Sum(w => w.Length));
        var g = Reports.First(r => Quirks.Draw(r, Layouts.Markdown) is var q && q.Wordings.Any(w => w.Value.Length == 0 && !q.Headings.ContainsKey(w.Key)));
        var left = Quirks.Draw(g, Layouts.Markdown);
        var omitted = left.Wordings.Single(w => w.Value.Length == 0).Key;
        var headings = Composer.Compose(g, left).OfType<HeadingPart>().Select(h => h.Text).ToList();
        headings.Count.ShouldBe(5);
        headings.ShouldNotContain(h => h.StartsWith("一二三四五六"[omitted - 1]));
    }

    [Fact]
    public void Blank_totals_come_at_their_rate_only_where_cells_keep_their_boundaries()
    {
        foreach (var layout in Layouts.All)
        {
            var quirks = In(layout);
            if (layout is Layouts.HtmlTrs or Layouts.HtmlHanwebGbk or Layouts.Markdown or Layouts.DocxEdited)
            {
                // Drawn for reports neither made inconsistent on purpose nor with an "X余件" cell.
                var eligible = Reports.Zip(quirks).Where(x => x.First.Injected.Count == 0 && x.Second.Approximate is null).Select(x => x.Second).ToList();
                Share(eligible, q => q.BlankTotals).ShouldBe(Quirks.BlankTotalsRate, 0.03, layout);
                quirks.Count(q => q.BlankTotals).ShouldBe(eligible.Count(q => q.BlankTotals), layout);
            }
            else
            {
                quirks.ShouldNotContain(q => q.BlankTotals, layout);
            }
        }
    }

    [Fact]
    public void Titles_name_the_report_in_an_offices_own_words_or_type_the_years_zero_as_a_letter_and_signatures_date_in_figures_at_their_rates()
    {
        foreach (var layout in Layouts.All)
        {
            var quirks = In(layout);
            Share(quirks, q => q.TitleWords != Quirks.TemplateTitleWords).ShouldBe(Quirks.TitleWordingRate, 0.03, layout);
            quirks.Select(q => q.TitleWords).Where(w => w != Quirks.TemplateTitleWords).Distinct().ShouldBe(Quirks.TitleWordings, ignoreOrder: true, layout);
            Share(quirks, q => q.TitleYearLetterZero).ShouldBe(Quirks.TitleYearLetterZeroRate * (1 - Quirks.ChineseYearRate), 0.015, layout);
            quirks.ShouldNotContain(q => q.TitleYearLetterZero && q.YearZero != null, layout);
            Share(quirks, q => q.SignatureInFigures).ShouldBe(Quirks.SignatureInFiguresRate * (1 - Quirks.ChineseYearRate), 0.015, layout);
            quirks.ShouldNotContain(q => q.SignatureInFigures && q.YearZero != null, layout);
        }

        // The signature's date typed in figures: "2024-01-20" on even days, "2024.1.7" on odd ones.
        foreach (var g in Reports.Where(g => g.Report.Published is not null).Take(40))
        {
            var closing = Composer.Compose(g, Quirks.None with { SignatureInFigures = true }).OfType<ClosingPart>().Single();
            var date = g.Report.Published!.Value;
            closing.Date.ShouldBe(date.Day % 2 == 0 ? date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : $"{date.Year}.{date.Month}.{date.Day}");
        }

        var report = Reports.First(g => g.Report.Year == 2023 || g.Report.Year == 2020);
        var quirk = Quirks.None with { TitleWords = "政府信息与政务公开工作年度报告", TitleYearLetterZero = true };
        var title = Composer.Compose(report, quirk).OfType<TitlePart>().Single();
        title.Text.ShouldStartWith($"{report.Report.Agency}{report.Report.Year.ToString(System.Globalization.CultureInfo.InvariantCulture).Replace('0', 'O')}年");
        title.Text.ShouldEndWith("政府信息与政务公开工作年度报告");
        (Composer.Compose(report, quirk with { Title = TitleForm.About }).OfType<TitlePart>().Single().Text).ShouldEndWith("关于2O23年度政府信息与政务公开工作的年度报告".Replace("2O23", report.Report.Year.ToString(System.Globalization.CultureInfo.InvariantCulture).Replace('0', 'O'), StringComparison.Ordinal));
    }

    [Fact]
    public void Years_in_Chinese_numerals_come_at_their_rate_with_their_zero_typed_every_way()
    {
        foreach (var layout in Layouts.All)
        {
            var quirks = In(layout);
            Share(quirks, q => q.YearZero is not null).ShouldBe(Quirks.ChineseYearRate, 0.02, layout);
            quirks.Select(q => q.YearZero).OfType<string>().Distinct().Order().ShouldBe(["0", "o", "O", "Ｏ", "〇", "○", "零"], ignoreOrder: true, layout);
        }

        ChineseNumerals.Year(2020, "O").ShouldBe("二O二O");
        ChineseNumerals.Date(new DateOnly(2024, 1, 23), "〇").ShouldBe("二〇二四年一月二十三日");
        ChineseNumerals.Date(new DateOnly(2025, 12, 10), "零").ShouldBe("二零二五年十二月十日");
        ChineseNumerals.Date(new DateOnly(2025, 11, 30), "0").ShouldBe("二0二五年十一月三十日");
    }

    [Fact]
    public void Browser_prints_take_the_header_letter_paper_overprinting_wkhtmltopdf_and_weasyprint_at_their_rates()
    {
        var prints = Reports.Select(g => PagePrint.Draw(g, "page.html", "page.pdf")).ToList();
        Share(prints, p => p.HeaderFooter).ShouldBe(PagePrint.HeaderFooterRate, 0.03);
        Share(prints, p => p.Letter).ShouldBe(PagePrint.LetterRate, 0.03);
        Share(prints, p => p.Overprint).ShouldBe(PagePrint.OverprintRate, 0.03);
        Share(prints, p => p.Wkhtmltopdf).ShouldBe(PagePrint.WkhtmltopdfRate, 0.03);
        Share(prints, p => p.WeasyPrint).ShouldBe(PagePrint.WeasyPrintRate * (1 - PagePrint.WkhtmltopdfRate), 0.03);
        prints.ShouldNotContain(p => p.WeasyPrint && p.Wkhtmltopdf);
        PagePrint.Draw(Reports[7], "a.html", "a.pdf").ShouldBe(PagePrint.Draw(Reports[7], "a.html", "a.pdf"));
    }

    [Fact]
    public void Only_portal_pages_keep_the_title_in_their_head()
    {
        foreach (var layout in Layouts.All)
        {
            var share = Share(In(layout), q => q.TitleInHeadOnly);
            if (layout is Layouts.HtmlTrs or Layouts.HtmlHanwebGbk or Layouts.PdfBrowser) share.ShouldBe(Quirks.TitleInHeadRate, 0.03, layout);
            else share.ShouldBe(0, layout);
        }
    }

    [Fact]
    public void Labels_are_misprinted_renumbered_spaced_or_lose_their_point_at_their_rates()
    {
        var quirks = In(Layouts.TextTab);
        var reports = Reports.Zip(quirks).ToList();
        static bool Renumbered(string label) => Regex.IsMatch(label, @"^(（[一二三四五六七八]）|[一二三四五六七八]、|\([1-8]\)|[1-8]、|[1-8]）|[1-8]\)|[①-⑧]|[1-8]，)");
        var renumbered = Share(quirks, q => q.Labels.Values.Count(Renumbered) >= 3);
        var spaced = Share(quirks, q => q.Labels.Any(kv => kv.Value.Contains(' ', StringComparison.Ordinal) && !PointDropped(kv.Key, kv.Value)));
        var misprinted = Share(reports, x => x.Second.Labels.Any(kv => !PointDropped(kv.Key, kv.Value) && Misprinted(kv.Key, kv.Value)));
        var dropped = Share(quirks, q => q.Labels.Any(kv => PointDropped(kv.Key, kv.Value)));
        renumbered.ShouldBe(Quirks.NumberingRate, 0.03);
        spaced.ShouldBe(Quirks.SpacedLabelRate, 0.03);
        misprinted.ShouldBe(Quirks.MisprintRate, 0.03);
        dropped.ShouldBe(Quirks.PointDroppedRate, 0.03);
        // In run-together text a space for the point would stand between a row's digits and the next label's number.
        In(Layouts.TextStream).ShouldAllBe(q => !q.Labels.Any(kv => PointDropped(kv.Key, kv.Value) && kv.Value.Contains(' ', StringComparison.Ordinal)));
        Share(quirks, q => q.Labels.Any(kv => PointDropped(kv.Key, kv.Value) && kv.Value.Contains(' ', StringComparison.Ordinal))).ShouldBeGreaterThan(0);

        // One or two misprinted rows, never adjacent ones; the words' first character may be the one misprinted
        // ("8.于行政查询事项", under any numbering), their last never is.
        var firstWord = 0;
        foreach (var (g, q) in reports)
        {
            var misprints = q.Labels.Where(kv => !PointDropped(kv.Key, kv.Value) && Misprinted(kv.Key, kv.Value)).ToList();
            var rows = misprints.Select(kv => DisposalCategories.Get(kv.Key).Number).Order().ToList();
            rows.Count.ShouldBeLessThanOrEqualTo(2);
            if (rows.Count == 2) (rows[1] - rows[0]).ShouldBeGreaterThan(1, $"report {g.Index}");
            foreach (var (code, label) in misprints)
            {
                var words = DisposalCategories.Get(code).Label[2..];
                label[^1].ShouldBe(words[^1], label);
                if (label[1] == '.' && Body(label)[0] != words[0]) firstWord++;
            }
        }

        firstWord.ShouldBeGreaterThan(0);
    }

    // "2其他法律行政法规禁止公开", "2 其他法律…": the template's label without the point of its numbering.
    private static bool PointDropped(string code, string label)
    {
        var template = DisposalCategories.Get(code).Label;
        return label == template[0] + template[2..] || label == template[0] + " " + template[2..];
    }

    // A misprint drops or changes one character of the words: the label differs from the template's beyond its numbering and spaces.
    private static bool Misprinted(string code, string label)
    {
        var words = DisposalCategories.Get(code).Label[2..];
        return Body(label) != words;
    }

    // A label's words without its numbering and spaces.
    private static string Body(string label) =>
        Regex.Replace(label.Replace(" ", "", StringComparison.Ordinal), @"^(（[一二三四五六七八]）|[一二三四五六七八]、|\([1-8]\)|[1-8]、|[1-8]）|[1-8]\)|[①-⑧]|[1-8]，|[1-8]\.)", "");

    [Fact]
    public void A_group_is_printed_as_one_row_and_only_the_new_layouts_hide_values_that_way()
    {
        foreach (var layout in Layouts.All)
        {
            var reports = Reports.Zip(In(layout)).ToList();
            var collapsed = reports.Where(x => x.Second.Collapsed is not null).ToList();
            if (layout == Layouts.Docx)
            {
                // Tests of Word's constructs find the docx layout's rows by their template labels.
                collapsed.ShouldBeEmpty();
                reports.ShouldAllBe(x => x.Second.Labels.Count == 0);
                continue;
            }

            collapsed.ShouldAllBe(x => x.First.Report.Template == Template.Template2021, layout);
            collapsed.ShouldNotBeEmpty(layout);
            var zero = collapsed.Count(x => x.First.Report.Applications.Rows.Where(r => r.Category.Group == x.Second.Collapsed).All(r => r.Cells.All(v => v == 0)));
            if (Layouts.Original.Contains(layout)) zero.ShouldBe(collapsed.Count, layout);
            else
            {
                (collapsed.Count - zero).ShouldBeGreaterThan(0, layout);
                Share(reports.Where(x => x.First.Report.Template == Template.Template2021).ToList(), x => x.Second.Collapsed is not null).ShouldBe(Quirks.CollapsedRate, 0.04, layout);
            }

            // The group of the cell changed on purpose stays printed in full, so its findings name a reason.
            collapsed.Count(x => x.First.Injected.Any(f => f.Row != null && DisposalCategories.IsKnown(f.Row) && DisposalCategories.Get(f.Row).Group == x.Second.Collapsed)).ShouldBe(0, layout);
        }
    }

    [Fact]
    public void Numbers_as_people_write_them_only_where_cells_keep_their_boundaries()
    {
        foreach (var layout in Layouts.All)
        {
            var quirks = In(layout);
            var people = Share(quirks, q => q.PeopleNumbers);
            var approximate = Reports.Zip(quirks).Where(x => x.Second.Approximate is not null).ToList();
            if (layout is Layouts.Markdown or Layouts.DocxEdited or Layouts.TextPdftotext) people.ShouldBe(Quirks.PeopleNumbersRate, 0.03, layout);
            else people.ShouldBe(0, layout);
            if (layout is Layouts.Markdown or Layouts.DocxEdited)
            {
                approximate.Count.ShouldBeGreaterThan(Sample / 100, layout);
                approximate.ShouldAllBe(x => x.First.Injected.Count == 0 && x.First.Report.Applications[x.Second.Approximate!.Value.Row, x.Second.Approximate!.Value.Column] >= 11);
            }
            else approximate.ShouldBeEmpty(layout);
        }
    }

    [Fact]
    public void An_approximate_cell_is_null_with_an_unreadable_cell_error()
    {
        var found = 0;
        foreach (var (g, x) in Rendered.Of(Layouts.Markdown, 300))
        {
            if (x.Quirks.Approximate is not var (row, column)) continue;
            found++;
            x.Expected.Applications[row, column].ShouldBeNull();
            x.Findings.ShouldContain(f => f.Rule == "unreadable_cell" && f.Row == row && f.Column == ApplicantTypes.CodeAt(column) && f.Severity == Severity.Error);
            System.Text.Encoding.UTF8.GetString(x.Bytes).ShouldContain($"{g.Report.Applications[row, column] / 10 * 10}余件");
        }

        found.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void A_letter_for_a_digit_comes_at_its_rate_only_in_text_an_ocr_tool_or_a_typist_wrote()
    {
        foreach (var layout in Layouts.All)
        {
            var drawn = Reports.Zip(In(layout)).Where(x => x.Second.Misread is not null).ToList();
            if (layout is not (Layouts.MarkdownOcr or Layouts.TextPdftotext))
            {
                drawn.ShouldBeEmpty(layout);
                continue;
            }

            // Not beside an injected inconsistency, "X余件" or blank totals; a few reports have no cell to misread.
            (drawn.Count / (double)Sample).ShouldBe(Quirks.MisreadRate * 0.85, Quirks.MisreadRate * 0.15, layout);
            drawn.ShouldAllBe(x => x.First.Injected.Count == 0 && x.Second.Approximate == null && !x.Second.BlankTotals);
            foreach (var (g, q) in drawn)
            {
                var (row, column, printed) = q.Misread!.Value;
                var value = g.Report.Applications[row, column]!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (!q.IsMisreadDigit)
                {
                    value.ShouldBe("0", layout);
                    continue;
                }

                // One digit 0 or 1 as a letter, the others as they are.
                printed.Length.ShouldBe(value.Length, layout);
                var changed = Enumerable.Range(0, value.Length).Where(i => printed[i] != value[i]).ToList();
                changed.Count.ShouldBe(1, layout);
                (value[changed[0]], printed[changed[0]]).ShouldBeOneOf(('0', 'O'), ('1', 'l'), ('1', 'I'));
            }

            drawn.Count(x => x.Second.IsMisreadDigit).ShouldBeGreaterThan(drawn.Count / 4, layout);
            drawn.Count(x => !x.Second.IsMisreadDigit).ShouldBeGreaterThan(drawn.Count / 4, layout);
        }
    }

    [Fact]
    public void A_letter_for_a_digit_is_expected_null_with_an_unreadable_cell_error_and_an_o_for_zero_as_zero()
    {
        var digits = 0;
        var zeros = 0;
        foreach (var (g, x) in Rendered.Of(Layouts.MarkdownOcr, 300))
        {
            if (x.Quirks.Misread is not var (row, column, printed)) continue;
            var text = System.Text.Encoding.UTF8.GetString(x.Bytes);
            if (x.Quirks.IsMisreadDigit)
            {
                digits++;
                x.Expected.Applications[row, column].ShouldBeNull();
                x.Findings.ShouldContain(f => f.Rule == "unreadable_cell" && f.Row == row && f.Column == ApplicantTypes.CodeAt(column) && f.Severity == Severity.Error);
                text.ShouldContain(printed);
            }
            else
            {
                zeros++;
                x.Expected.Applications[row, column].ShouldBe(0);
                x.Findings.ShouldNotContain(f => f.Row == row && f.Column == ApplicantTypes.CodeAt(column));
            }
        }

        digits.ShouldBeGreaterThan(0);
        zeros.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void A_collapsed_group_that_is_not_zero_is_expected_as_its_printed_row_with_unknown_reasons()
    {
        var zero = 0;
        var values = 0;
        foreach (var (g, x) in Rendered.Of(Layouts.Markdown, 300))
        {
            if (x.Quirks.Collapsed is not { } group) continue;
            var members = DisposalCategories.All.Where(c => c.Group == group).Select(c => c.Code).ToList();
            var sums = Enumerable.Range(0, ApplicantTypes.Count).Select(c => members.Sum(m => g.Report.Applications[m, c])).ToList();
            if (sums.All(v => v == 0))
            {
                zero++;
                x.Expected.Applications.Group(group).ShouldBeNull();
                members.ShouldAllBe(m => x.Expected.Applications.Row(m)!.All(v => v == 0));
                continue;
            }

            values++;
            x.Expected.Applications.Group(group)!.ShouldBe(sums);
            members.ShouldAllBe(m => x.Expected.Applications.Row(m)!.All(v => v == null));
            Arithmetic.Named(x.Findings.Where(f => f.Rule != "unreadable_cell")).OrderBy(b => b.ToString()).ShouldBe(Arithmetic.Named(g.Injected).OrderBy(b => b.ToString()), $"report {g.Index}: the total row holds on the group");
        }

        zero.ShouldBeGreaterThan(0);
        values.ShouldBeGreaterThan(0);
    }
}
