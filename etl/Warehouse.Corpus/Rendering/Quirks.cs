using Warehouse.Core;

namespace Warehouse.Corpus.Rendering;

/// <summary>
/// What one rendering of a report does differently from the template, as real documents do:
/// a title worded otherwise, misprinted or renumbered labels, a group printed as one row, numbers
/// written with units, a cell only approximately stated. Drawn for a (report, layout) pair from the
/// report's <see cref="GeneratedReport.QuirkSeed"/>, so the same pair always gets the same quirks.
/// </summary>
/// <remarks>
/// The layouts of the first corpus (<see cref="Layouts.Original"/>) get only the quirks that leave the
/// report's values as they are; quirks that change what a parser can know (a group printed as one row
/// that is not zero, "10余件") come only in the layouts added for them. The docx layout keeps table
/// 三 as the template labels it: tests of Word's constructs find its rows by those labels.
/// </remarks>
public sealed record Quirks
{
    public static Quirks None { get; } = new();

    public TitleForm Title { get; init; }

    /// <summary>The words that name the report in its title: the template's, or an office's own (<see cref="TitleWordings"/>).</summary>
    public string TitleWords { get; init; } = TemplateTitleWords;

    /// <summary>The title's year in digits with its zero typed as a Latin O ("2O23年"), as a typist or OCR does.</summary>
    public bool TitleYearLetterZero { get; init; }

    /// <summary>The signature's date in figures, as a portal's editor types it: "2024-01-20" or "2024.1.20".</summary>
    public bool SignatureInFigures { get; init; }

    /// <summary>The template's words for the report, after the year in its title.</summary>
    public const string TemplateTitleWords = "政府信息公开工作年度报告";

    /// <summary>Words real titles name the report with in place of the template's.</summary>
    public static readonly IReadOnlyList<string> TitleWordings =
    [
        "政府信息公开工作报告", "政府信息公开年度报告", "政府信息公开年报", "政务公开工作年度报告", "政府信息与政务公开工作年度报告",
        "政务公开和政府信息公开工作年度报告", "政府信息公开工作情况年度报告",
    ];

    /// <summary>A portal page states the title only in &lt;title&gt; and its ArticleTitle meta, with a byline.</summary>
    public bool TitleInHeadOnly { get; init; }

    /// <summary>Rows of table 三 printed with another label than the template's (misprinted, renumbered, spaced).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>The group of table 三 printed as one row without its reasons (2021 template).</summary>
    public string? Collapsed { get; init; }

    /// <summary>
    /// The title's year and the signature's date in Chinese numerals, the zero typed as this character
    /// ("二〇二三年", "二O二三年" with a Latin O, "二0二三年", "二零二三年"); null for digits.
    /// </summary>
    public string? YearZero { get; init; }

    /// <summary>
    /// A section heading printed with a character dropped, typed wrong or added, by section number
    /// (2-6): "四、政府信息公开行政法复议、行政诉讼情况" (pingtan 2022). Its number and last character stay.
    /// </summary>
    public IReadOnlyDictionary<int, string> Headings { get; init; } = new Dictionary<int, string>();

    /// <summary>
    /// Section headings in an office's own wording, by section number (1-6), as real reports word them
    /// ("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况", "五、存在的不足及改进措施"); an empty
    /// wording is a heading left out (a PDF whose headings were drawn as pictures, a copy that lost them).
    /// </summary>
    public IReadOnlyDictionary<int, string> Wordings { get; init; } = new Dictionary<int, string>();

    /// <summary>
    /// Table 三's 总计 column left blank in every outcome row, filled only in the four frame rows
    /// (本年新收, 上年结转, （七）总计, 结转下年度), as Shanghai's 2019 report prints it.
    /// </summary>
    public bool BlankTotals { get; init; }

    /// <summary>Numbers written as people write them: units in cells, "—"/"无"/blank for zero, full-width digits.</summary>
    public bool PeopleNumbers { get; init; }

    /// <summary>A cell of table 三 written as "X余件", which is no exact figure: (row code, applicant column).</summary>
    public (string Row, int Column)? Approximate { get; init; }

    /// <summary>
    /// A cell of table 三 typed or recognised (OCR) with a letter for a digit: (row code, applicant column, as
    /// printed). A zero printed as the letter "O" is still zero; "1O", "l41", "3I9" are no number: null, with an
    /// unreadable_cell error (<see cref="IsMisreadDigit"/>).
    /// </summary>
    public (string Row, int Column, string Printed)? Misread { get; init; }

    /// <summary>True when <see cref="Misread"/> prints a digit as a letter (the cell is unknown), false for "O" put for zero.</summary>
    public bool IsMisreadDigit => Misread is { Printed: not "O" };

    public string Label(DisposalCategory category) => Labels.TryGetValue(category.Code, out var label) ? label : category.Label;

    /// <summary>Section <paramref name="number"/>'s heading (1-6) as this rendering prints it.</summary>
    public string Heading(int number) =>
        Headings.TryGetValue(number, out var printed) ? printed : Wordings.TryGetValue(number, out var worded) ? worded : SectionHeadings[number - 1];

    /// <summary>Wordings of each section's heading (1-6) other than the template's, seen in real reports; and the template's words numbered as a part ("第二部分 主动公开政府信息情况").</summary>
    public static readonly IReadOnlyList<string[]> HeadingWordings =
    [
        ["一、总体工作情况", "一、基本情况", "一、政府信息公开工作总体情况", "一、工作概况", "第一部分 总体情况"],
        ["二、行政机关主动公开政府信息情况", "二、主动公开政府信息情况统计", "第二部分 主动公开政府信息情况"],
        ["三、行政机关收到和处理政府信息公开申请情况", "三、收到和处理政府信息公开申请情况统计", "三、收到和处理信息公开申请情况", "第三部分 收到和处理政府信息公开申请情况"],
        ["四、因政府信息公开工作被申请行政复议、提起行政诉讼情况", "四、因政府信息公开被申请行政复议、提起行政诉讼的情况", "四、政府信息公开行政复议、行政诉讼情况统计", "第四部分 政府信息公开行政复议、行政诉讼情况"],
        ["五、存在的问题和改进措施", "五、存在的不足及改进措施", "五、存在的主要问题和下一步工作打算", "五、工作中存在的问题及改进措施", "第五部分 存在的主要问题及改进情况"],
        ["六、其他事项", "六、其他需要说明的事项", "第六部分 其他需要报告的事项"],
    ];

    /// <summary>The six section headings as the template words them.</summary>
    public static readonly IReadOnlyList<string> SectionHeadings =
    [
        "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项",
    ];

    // Rates, per report of a layout that takes the quirk.
    public const double TitleRate = 0.35;
    public const double TitleInHeadRate = 0.3;
    public const double MisprintRate = 0.12;
    public const double NumberingRate = 0.1;
    public const double SpacedLabelRate = 0.1;
    public const double CollapsedRate = 0.15;
    public const double PeopleNumbersRate = 0.4;
    public const double ApproximateRate = 0.1;
    public const double ChineseYearRate = 0.1;
    public const double HeadingMisprintRate = 0.1;
    public const double BlankTotalsRate = 0.1;
    public const double TitleWordingRate = 0.15;
    public const double TitleYearLetterZeroRate = 0.03;
    public const double TitleAgencyWrappedRate = 0.05;

    /// <summary>
    /// Of the titles still as printed, the share worded with the year after the report's words, the agency after 关于, the
    /// agency set off by 【】 or ——, the year set off in brackets or without its 年, or a notice that issues the report ("X关于印发…的通知").
    /// </summary>
    public const double TitleSetOffRate = 0.08;

    // The forms TitleSetOffRate draws from, in turn.
    private static readonly TitleForm[] SetOffForms = [TitleForm.YearAfterWords, TitleForm.AboutAgency, TitleForm.Bracketed, TitleForm.Dashed, TitleForm.YearSetOff, TitleForm.IssuingNotice, TitleForm.YearBare];
    public const double SignatureInFiguresRate = 0.04;
    public const double HeadingWordingRate = 0.2;
    public const double HeadingOmittedRate = 0.05;
    public const double MisreadRate = 0.12;
    public const double PointDroppedRate = 0.08;

    // How people type the zero of a year in Chinese numerals: the proper 〇, a circle, a Latin or
    // full-width O, the digit 0, or 零.
    private static readonly string[] Zeros = ["〇", "〇", "○", "O", "Ｏ", "0", "零", "o"];

    private static readonly string[] ChineseNumerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九"];

    public static Quirks Draw(GeneratedReport g, string layout)
    {
        var index = Layouts.All.ToList().IndexOf(layout);
        if (index < 0) throw new ArgumentException($"Unknown layout '{layout}'.", nameof(layout));
        var rng = new Random(unchecked((g.QuirkSeed * 397) ^ (0x5bd1e995 + index)));
        var original = Layouts.Original.Contains(layout);
        var r = g.Report;
        var quirks = new Quirks();

        if (rng.NextDouble() < TitleRate) quirks = quirks with { Title = (TitleForm)(1 + rng.Next(7)) };
        var inHead = rng.NextDouble() < TitleInHeadRate;
        if (layout is Layouts.HtmlTrs or Layouts.HtmlHanwebGbk or Layouts.PdfBrowser) quirks = quirks with { TitleInHeadOnly = inHead };

        var collapsed = Collapse(rng, g, allowValues: !original);
        var labels = LabelQuirks(rng, r.Template, collapsed);
        // Tests of Word's constructs rewrite the docx layout's table 三 by its template labels: it keeps them
        // (docx-edited and the PDF-based layouts take these quirks in Word documents).
        if (layout != Layouts.Docx) quirks = quirks with { Collapsed = collapsed, Labels = labels };

        var people = rng.NextDouble() < PeopleNumbersRate;
        var approximate = rng.NextDouble() < ApproximateRate;
        if (layout is Layouts.Markdown or Layouts.DocxEdited or Layouts.TextPdftotext) quirks = quirks with { PeopleNumbers = people };
        if (layout is Layouts.Markdown or Layouts.DocxEdited && approximate && g.Injected.Count == 0)
        {
            quirks = quirks with { Approximate = ApproximateCell(rng, r, collapsed) };
        }

        // Drawn last, so that every quirk above is drawn as before it existed.
        if (rng.NextDouble() < ChineseYearRate) quirks = quirks with { YearZero = Zeros[rng.Next(Zeros.Length)] };
        if (rng.NextDouble() < HeadingMisprintRate)
        {
            var number = 2 + rng.Next(5);
            quirks = quirks with { Headings = new Dictionary<int, string> { [number] = MisprintHeading(SectionHeadings[number - 1], rng) } };
        }

        // Layouts whose cells keep their boundaries, so that a blank cell stays a cell; not with "X余件" in a row,
        // nor in a report made inconsistent on purpose (a total that does not add up would not be printed).
        if (rng.NextDouble() < BlankTotalsRate && layout is Layouts.HtmlTrs or Layouts.HtmlHanwebGbk or Layouts.Markdown or Layouts.DocxEdited
            && quirks.Approximate is null && g.Injected.Count == 0)
        {
            quirks = quirks with { BlankTotals = true };
        }

        // Drawn after every quirk above. Not in the docx layout, whose tests find its parts by the template's words.
        var wordings = new Dictionary<int, string>();
        if (rng.NextDouble() < HeadingWordingRate)
        {
            var number = 1 + rng.Next(6);
            var choices = HeadingWordings[number - 1];
            wordings[number] = choices[rng.Next(choices.Length)];
        }

        // One of the headings that end a table's reach (二 to 五) left out.
        if (rng.NextDouble() < HeadingOmittedRate) wordings[2 + rng.Next(4)] = "";
        if (layout != Layouts.Docx) quirks = quirks with { Wordings = wordings };

        // Drawn after every quirk above. Text an OCR tool wrote or a PDF's text that a typist keyed: not in a
        // report made inconsistent on purpose, nor beside "X余件" or blank totals.
        if (rng.NextDouble() < MisreadRate && layout is Layouts.MarkdownOcr or Layouts.TextPdftotext
            && g.Injected.Count == 0 && quirks.Approximate is null && !quirks.BlankTotals)
        {
            quirks = quirks with { Misread = MisreadCell(rng, r, collapsed) };
        }

        // Drawn after every quirk above. A reason of table 三 whose numbering lost its point: "2其他法律行政法规
        // 禁止公开", or, where lines part the rows, a space for it ("2 其他法律…"). Only labels printed as the
        // template has them, and not in the docx layout (see above).
        if (rng.NextDouble() < PointDroppedRate && layout != Layouts.Docx)
        {
            var template = DisposalCategories.Outcomes(r.Template)
                .Where(c => c.Label.Length > 4 && char.IsAsciiDigit(c.Label[0]) && c.Label[1] == '.' && c.Group != collapsed && !labels.ContainsKey(c.Code))
                .Where(c => !(r.Template == Template.Template2019 && c.Group == "other"))
                .ToList();
            var spaced = rng.Next(3) == 0 && layout != Layouts.TextStream;
            if (template.Count > 0)
            {
                var c = template[rng.Next(template.Count)];
                var dropped = new Dictionary<string, string>(labels) { [c.Code] = c.Label[0] + (spaced ? " " : "") + c.Label[2..] };
                quirks = quirks with { Labels = dropped };
            }
        }

        // Drawn apart from the quirks above, so that adding them changed none of those a seed draws.
        var titles = new Random(unchecked((g.QuirkSeed * 7919) ^ (0x2c1b3c6d + index)));
        if (titles.NextDouble() < TitleWordingRate) quirks = quirks with { TitleWords = TitleWordings[titles.Next(TitleWordings.Count)] };
        if (titles.NextDouble() < TitleYearLetterZeroRate && quirks.YearZero is null) quirks = quirks with { TitleYearLetterZero = true };
        if (titles.NextDouble() < TitleAgencyWrappedRate && quirks.Title == TitleForm.AsPrinted) quirks = quirks with { Title = TitleForm.AgencyWrapped };
        if (titles.NextDouble() < SignatureInFiguresRate && quirks.YearZero is null) quirks = quirks with { SignatureInFigures = true };
        if (titles.NextDouble() < TitleSetOffRate && quirks.Title == TitleForm.AsPrinted) quirks = quirks with { Title = SetOffForms[titles.Next(SetOffForms.Length)] };
        return quirks;
    }

    // One character of the words after "四、", never the last: dropped, typed wrong, or one added.
    private static string MisprintHeading(string heading, Random rng)
    {
        const int Words = 2;
        var at = Words + rng.Next(heading.Length - Words - 1);
        const string typos = "的之和与工公正政法规理请申息";
        var typo = typos[rng.Next(typos.Length)];
        return rng.Next(3) switch
        {
            0 => heading.Remove(at, 1),
            1 => heading[..at] + (typo == heading[at] ? '之' : typo) + heading[(at + 1)..],
            _ => heading.Insert(at, typo.ToString()),
        };
    }

    // A group whose cells the injected change touches stays printed in full: its findings name its reasons.
    private static string? Collapse(Random rng, GeneratedReport g, bool allowValues)
    {
        var draw = rng.NextDouble();
        var which = rng.NextDouble();
        if (g.Report.Template != Template.Template2021 || draw >= CollapsedRate) return null;
        var group = which switch { < 0.5 => "other", < 0.7 => "not_processed", < 0.85 => "unavailable", _ => "denied" };
        var members = DisposalCategories.All.Where(c => c.Group == group).Select(c => c.Code).ToList();
        if (g.Injected.Any(f => f.Row is { } row && members.Contains(row))) return null;
        var zero = members.All(m => g.Report.Applications.Row(m)!.All(v => v == 0));
        return zero || allowValues ? group : null;
    }

    private static Dictionary<string, string> LabelQuirks(Random rng, Template template, string? collapsed)
    {
        var labels = new Dictionary<string, string>();
        var misprint = rng.NextDouble() < MisprintRate;
        var renumber = rng.NextDouble() < NumberingRate;
        var spaced = rng.NextDouble() < SpacedLabelRate;
        var reasons = DisposalCategories.Outcomes(template)
            .Where(c => c.Label.Length > 2 && char.IsAsciiDigit(c.Label[0]) && c.Label[1] == '.' && c.Group != collapsed)
            .Where(c => !(template == Template.Template2019 && c.Group == "other"))
            .ToList();
        string Current(DisposalCategory c) => labels.TryGetValue(c.Code, out var l) ? l : c.Label;

        if (renumber)
        {
            var style = rng.Next(8);
            foreach (var c in reasons)
            {
                var n = c.Label[0] - '0';
                var numeral = ChineseNumerals[n - 1];
                // "2）其他法律…", "2)其他法律…": a digit closed by a parenthesis alone, glued to the cells before it in
                // run-together text; "②其他法律…": a circled number; "2，其他法律…": a comma typed for the point.
                var number = style switch { 0 => $"（{numeral}）", 1 => $"{numeral}、", 2 => $"({n})", 3 => $"{n}、", 4 => $"{n}）", 5 => $"{n})", 6 => ((char)('①' + n - 1)).ToString(), _ => $"{n}，" };
                labels[c.Code] = number + c.Label[2..];
            }
        }

        var longOnes = reasons.Where(c => c.Label.Length >= 7).ToList();
        if (misprint && longOnes.Count > 0)
        {
            // One or two rows, never adjacent: "2.其他法律行政止公开" (hongze 2024).
            var first = longOnes[rng.Next(longOnes.Count)];
            var picked = new List<DisposalCategory> { first };
            var others = longOnes.Where(c => Math.Abs(c.Number - first.Number) > 1).ToList();
            if (others.Count > 0 && rng.NextDouble() < 0.4) picked.Add(others[rng.Next(others.Count)]);
            foreach (var c in picked) labels[c.Code] = Misprint(Current(c), rng);
        }

        if (spaced && reasons.Count > 0)
        {
            var c = reasons[rng.Next(reasons.Count)];
            var label = Current(c);
            var body = BodyStart(label);
            var at = body + 1 + rng.Next(Math.Max(1, label.Length - body - 2));
            labels[c.Code] = label[..at] + " " + label[at..];
        }

        return labels;
    }

    // Where the words begin after the numbering ("2.", "（二）", "二、", "(2)", "2，", "②").
    private static int BodyStart(string label)
    {
        if (label.Length > 0 && label[0] is >= '①' and <= '⑳') return 1;
        var close = label.IndexOfAny(['.', '、', '）', ')', '，']);
        return close is >= 0 and < 4 ? close + 1 : 0;
    }

    // One character of the words dropped or typed wrong, the first one too ("2.其他法律行政止公开", hongze 2024;
    // "8，于行政查询事项"), never the last.
    private static string Misprint(string label, Random rng)
    {
        var body = BodyStart(label);
        var at = body + rng.Next(label.Length - body - 1);
        if (rng.NextDouble() < 0.6) return label.Remove(at, 1);
        const string typos = "的之和与工公正政法规理请申息";
        var replacement = typos[rng.Next(typos.Length)];
        if (replacement == label[at]) replacement = '之';
        return label[..at] + replacement + label[(at + 1)..];
    }

    // Half the time a zero typed as the letter O; else one digit 0 or 1 of a cell typed as O, l or I.
    private static (string, int, string)? MisreadCell(Random rng, Report r, string? collapsed)
    {
        var cells = DisposalCategories.For(r.Template)
            .Where(c => c.Group != collapsed)
            .SelectMany(c => Enumerable.Range(0, ApplicantTypes.Count).Select(k => (c.Code, k, Value: r.Applications[c.Code, k] ?? 0)))
            .ToList();
        var zeros = cells.Where(x => x.Value == 0).ToList();
        var digits = cells.Where(x => x.Value > 0 && x.Value.ToString(System.Globalization.CultureInfo.InvariantCulture).IndexOfAny(['0', '1']) >= 0).ToList();
        var zero = rng.NextDouble() < 0.5;
        if (zero && zeros.Count > 0 || digits.Count == 0)
        {
            if (zeros.Count == 0) return null;
            var (row, column, _) = zeros[rng.Next(zeros.Count)];
            return (row, column, "O");
        }

        var (code, k, value) = digits[rng.Next(digits.Count)];
        var text = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var at = Enumerable.Range(0, text.Length).Where(i => text[i] is '0' or '1').ToList();
        var i = at[rng.Next(at.Count)];
        var letter = text[i] == '0' ? 'O' : rng.Next(2) == 0 ? 'l' : 'I';
        return (code, k, text[..i] + letter + text[(i + 1)..]);
    }

    private static (string, int)? ApproximateCell(Random rng, Report r, string? collapsed)
    {
        var candidates = DisposalCategories.For(r.Template)
            .Where(c => c.Group != collapsed && c.Code != "total_processed")
            .SelectMany(c => Enumerable.Range(0, ApplicantTypes.TotalIndex).Select(k => (c.Code, k)))
            .Where(x => r.Applications[x.Code, x.k] is >= 11)
            .ToList();
        return candidates.Count == 0 ? null : candidates[rng.Next(candidates.Count)];
    }
}
