using System.Globalization;
using System.Text.RegularExpressions;
using Warehouse.Parsing.Documents;
using Warehouse.Parsing.Text;

namespace Warehouse.Parsing.Extraction;

internal sealed partial class ReportExtractor
{
    /// <param name="Joined">The title was read from lines joined (a title set in two lines, or split into pieces).</param>
    private sealed record Title(string? Agency, int? Year, bool Joined = false);

    private sealed record Closing(string? Agency, DateOnly? Date);

    /// <summary>
    /// The title: the page's own metadata first (a portal's ArticleTitle, its &lt;title&gt;), then the
    /// text before section 一, line by line and a few lines joined (a title set large is split into
    /// pieces by PDF and by line breaks), and inside long lines (crawler text keeps the page's
    /// breadcrumb and byline on the title's line), and last the title the portal gave the document
    /// (<see cref="ParseOptions.PortalTitle"/>). Titles come in several forms (see <see cref="TitleForms"/>).
    /// </summary>
    private Title ReadTitle()
    {
        // Before section 一 a page dumped to text (pandoc, a text browser) may hold a hundred lines of
        // the portal's navigation above the title.
        var end = Math.Min(_sections.Start(1) ?? Math.Min(_blocks.Count, 40), 200);
        Title? yearOnly = null;
        Title? agencyOnly = null;
        Title? whole = null;
        var joins = 0;
        foreach (var (candidate, joined) in TitleCandidates(end))
        {
            // The line alone gave a title whose agency names no region; the line joined with the one or two above come
            // next (TitleCandidates), and give the agency whole when the title was wrapped inside its name. No further.
            if (whole is not null && ++joins > 2) break;
            if (TitleForms.Match(candidate) is not { } found) continue;
            var title = new Title(found.Agency, found.Year, joined);
            if (whole is not null)
            {
                if (title.Year == whole.Year && WrappedAgency(whole.Agency!, title.Agency) is { } agency) return title with { Agency = agency };
                continue;
            }

            if (title.Agency is not null && title.Year is not null)
            {
                if (_regions.Resolve(title.Agency, null, () => null).Code is not null) return title;
                // Text that lost its line breaks keeps a space where the title wrapped: "多伦县市 场监督管理局…".
                if (WrappedAgency(title.Agency, HeadBefore(candidate, title.Agency) + title.Agency) is { } inLine) return title with { Agency = inLine };
                whole = title;
                continue;
            }

            if (title.Agency is null) yearOnly ??= title;
            else agencyOnly ??= title;
        }

        return whole ?? new Title(agencyOnly?.Agency, yearOnly?.Year);
    }

    // A title wrapped inside the agency's name, "邯郸经济技术开发区" over "自然资源局2023年政府信息公开工作年度报告":
    // read alone, the second line names an agency of no region. The lines joined name it whole when the line above
    // is a head of the name (Chinese words alone, nothing a portal's navigation writes) and the whole names a region.
    private string? WrappedAgency(string alone, string? joined)
    {
        if (joined is null || joined.Length <= alone.Length || !joined.EndsWith(alone, StringComparison.Ordinal)) return null;
        var head = joined[..^alone.Length];
        if (head.Length > 24 || !head.All(IsNameChar)) return null;
        if (NotAgencyWords.Any(w => head.Contains(w, StringComparison.Ordinal))) return null;
        return _regions.Resolve(joined, null, () => null).Code is not null ? joined : null;
    }

    // The Chinese words that stand a space before the agency on the title's line, or "".
    private static string HeadBefore(string line, string agency)
    {
        var at = line.IndexOf(agency, StringComparison.Ordinal);
        if (at <= 0 || !TextKey.IsSpace(line[at - 1])) return "";
        var end = at;
        while (end > 0 && TextKey.IsSpace(line[end - 1])) end--;
        var start = end;
        while (start > 0 && line[start - 1] is >= '\u4e00' and <= '\u9fff') start--;
        return line[start..end];
    }

    private static readonly string[] NotAgencyWords = ["公开", "首页", "报告", "年报", "栏目", "位置", "专栏", "通知", "公告"];

    // Metadata first, then each line before section 一 that names a report, alone and then joined
    // with the one to three short lines above it (a title set in two lines, or split into pieces: pdftotext -raw
    // starts a line where the font changes, "乃东区住房和城乡建设局" / "2023" / "年政府信息公开工作年度报" / "告");
    // the portal's title last, since the document's own is the report's word.
    private IEnumerable<(string Text, bool Joined)> TitleCandidates(int end, int from = 0)
    {
        if (from == 0)
        {
            foreach (var title in _doc.Titles) yield return (title, false);
        }

        var lines = new List<string>();
        for (var i = from; i < end; i++)
        {
            var text = BlockText(_blocks[i]);
            if (text.Length == 0) continue;
            lines.Add(text);
            if (NamesReport(text)) yield return (text, false);
            // pdftotext -layout of a title whose year is set in another font, on another baseline: the year on a line of its
            // own, under or over the gap it leaves ("…应急管理局            年政府信息公开工作年度报告" over "2020").
            // A text's reader may have cut the line at the gap into two cells.
            var gapped = _blocks[i] is TableRow { Cells: var cells } && cells.Count(c => !string.IsNullOrWhiteSpace(c)) == 2
                ? string.Join("   ", cells.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()))
                : text;
            if (NamesReport(text) && TitleGap().IsMatch(gapped))
            {
                foreach (var k in new[] { i + 1, i - 1 })
                {
                    if (k >= 0 && k < end && YearAlone().Match(BlockText(_blocks[k])) is { Success: true } year) yield return (TitleGap().Replace(gapped, year.Groups[1].Value, 1), true);
                }
            }

            // The same with the year opening the title: "年上海市人民政府办公厅政府信息公开工作年度报告" over "2019" (Chromium's
            // print of a bold title, its digits in another font a little lower, so that pdftotext -layout sets them on a
            // line of their own, under the line's start).
            if (NamesReport(text) && text.StartsWith('年'))
            {
                foreach (var k in new[] { i + 1, i - 1 })
                {
                    if (k >= 0 && k < end && YearAlone().Match(BlockText(_blocks[k])) is { Success: true } year) yield return (year.Groups[1].Value + text, true);
                }
            }

            // Long lines are prose; a title set justified across its line (pdftotext: "…管理局" and "2022 年政府信" at
            // the line's two ends) is long only by its spaces.
            if (Characters(text) > 60) continue;
            for (var length = 2; length <= 4 && length <= lines.Count; length++)
            {
                var above = lines[^length];
                // A line of prose ends the title above it: a sentence's end, or a clause's comma ("…的通知》要求，编制").
                if (Characters(above) > 60 || above.Contains('。') || above.Contains('，')) break;
                // A title wrapped over lines or split into pieces: its parts join without a space.
                var joined = string.Concat(lines.Skip(lines.Count - length).Select(TextKey.Compact));
                if (NamesReport(joined)) yield return (joined, true);
            }

            if (TitleAcrossProse(lines) is { } across) yield return (across, true);
        }

        if (from == 0 && _options.PortalTitle is { Length: > 0 } portal) yield return (portal, false);
    }

    /// <summary>
    /// The title printed past section 一's heading, for a report with no agency in the head, the signature or a byline:
    /// text in the order a PDF draws it (<c>pdftotext -raw</c>) sets a title in a text box where the box is drawn,
    /// after the first page's body and footer ("- 1 -" / "巫山县住房和城乡建设局关于 2021 年度政府信息公" / "开工作的年度报告").
    /// The first line, alone or joined with the short lines above it, that names an agency; null when none. A box's title
    /// wraps inside the agency's name as any title does ("定西市" / "交通运输局 2020 年政府信息公开工作年度报告"): an
    /// agency of no region is completed from the line above, as in <see cref="ReadTitle"/>.
    /// </summary>
    private Title? ReadTitleBeyondHead()
    {
        if (_sections.Start(1) is not { } one) return null;
        Title? first = null;
        var joins = 0;
        foreach (var (candidate, joined) in TitleCandidates(_blocks.Count, one + 1))
        {
            if (first is not null && ++joins > 2) break;
            if (TitleForms.Match(candidate) is not { Agency: { } agency } found) continue;
            if (first is not null)
            {
                if (found.Year == first.Year && WrappedAgency(first.Agency!, agency) is { } whole) return first with { Agency = whole };
                continue;
            }

            first = new Title(agency, found.Year, joined);
            if (_regions.Resolve(agency, null, () => null).Code is not null) return first;
        }

        return first;
    }

    // A title in a text box printed over the body's first lines, as pdftotext -layout gives the page: each of the box's
    // lines is a line of the text among the preamble's, "河南商丘经济开发区住房和城乡建设局" first, then two lines of the
    // preamble, then "2023 年度政府信息公开工作报告". The last line (short, no sentence's marks) joined with the nearest
    // such line above it, past one to four lines of prose; null when the lines are not so.
    private static string? TitleAcrossProse(List<string> lines)
    {
        if (lines.Count < 3 || !TitlePiece(lines[^1], 30)) return null;
        for (var k = lines.Count - 2; k >= 0 && k >= lines.Count - 6; k--)
        {
            if (!TitlePiece(lines[k], 40)) continue;
            if (k == lines.Count - 2) return null;
            var joined = TextKey.Compact(lines[k]) + TextKey.Compact(lines[^1]);
            return NamesReport(joined) ? joined : null;
        }

        return null;
    }

    // A piece of a title: short, and none of the marks of a sentence or a citation.
    private static bool TitlePiece(string line, int most) => Characters(line) <= most && line.AsSpan().IndexOfAny(ProseMarks) < 0;

    private static readonly System.Buffers.SearchValues<char> ProseMarks = System.Buffers.SearchValues.Create("，,。；《》〔：:");

    private static int Characters(string text) => text.Length - text.Count(TextKey.IsSpace);

    private static bool NamesReport(string text) => text.Contains("报告", StringComparison.Ordinal) || text.Contains("年报", StringComparison.Ordinal);

    private static string BlockText(Block block) => block switch
    {
        Paragraph p => p.Text.Trim(),
        TableRow r => string.Join(" ", r.Cells.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim())),
        _ => "",
    };

    /// <summary>The signature (落款) at the end: the agency, then the date the report was published.</summary>
    private Closing ReadClosing()
    {
        // The signature ends the report, but a portal's page dumped to text (w3m, html2text, a crawler) goes on with
        // its footer: links, the site's owner, its licence numbers. Past the last section's heading the signature is
        // looked for as far back as that heading; else among the last eight lines.
        var last = _sections.Start(6) ?? _sections.Start(5) ?? _blocks.Count;
        var seen = 0;
        for (var i = _blocks.Count - 1; i >= 0 && (seen < 8 || (i > last && seen < ClosingReach)); i--)
        {
            if (Sections.HeadingText(_blocks[i]) is not { } text) continue;
            var compact = TextKey.Compact(text);
            if (compact.Length == 0) continue;
            seen++;
            var m = ClosingDate().Match(compact);
            // A date whose figures and words a PDF drew in two fonts, each run a line of its own in the order it draws them
            // (pdftotext -raw: "2022" / "年" / "1" / "月" / "13" / "日"): the lines that end here, joined.
            if (!m.Success && compact.EndsWith('日') && DatePieces(i) is { } pieces) m = ClosingDate().Match(pieces);
            // A date in figures ("2024-01-20", "2024.1.20") signs only after the agency's name, on its line or the one
            // above: a page's footer writes its dates so too, after a label ("更新时间：2024-03-01").
            if (!m.Success && NumericDate().Match(compact) is { Success: true } figures
                && (figures.Groups["agency"].Length > 0 ? IsAgencyLine(figures.Groups["agency"].Value) : SignatureAbove(i) is { } named && IsAgencyLine(named)))
            {
                m = figures;
            }

            if (!m.Success || ParseDate(m) is not { } date) continue;

            var agency = CleanAgency(m.Groups["agency"].Value);
            // The line above the date, past the date's own line printed again (mutool's text of a print that drew every glyph
            // three times, as GDI makes bold, repeats each line); never another date.
            if (agency.Length == 0 && PreviousText(i, unlike: compact) is { } previous && previous.Length <= 40 && !previous.Contains('。') && !ClosingDate().IsMatch(previous))
            {
                agency = CleanAgency(previous);
            }

            return new Closing(agency.Length is > 0 and <= 40 ? agency : null, date);
        }

        // Text that lost its line breaks ends with the signature run on after the last sentence.
        for (var i = _blocks.Count - 1; i >= 0 && i >= _blocks.Count - 3; i--)
        {
            if (_blocks[i] is not Paragraph p) continue;
            var compact = TextKey.Compact(p.Text);
            if (compact.Length <= 12) continue;
            var m = ClosingTail().Match(compact);
            if (!m.Success && ClosingTailInFigures().Match(compact) is { Success: true } figures && IsAgencyLine(figures.Groups["agency"].Value)) m = figures;
            if (!m.Success || ParseDate(m) is not { } date) continue;
            var agency = CleanAgency(m.Groups["agency"].Value);
            return new Closing(agency.Length is > 1 and <= 40 ? agency : null, date);
        }

        return new Closing(null, null);
    }

    // The date whose pieces (figures, 年, 月, 日: four characters at most each) end at block i, joined; null when there
    // are fewer than the six a date has.
    private string? DatePieces(int i)
    {
        var pieces = new List<string>();
        for (var k = i; k >= 0 && pieces.Count < 6; k--)
        {
            if (Sections.HeadingText(_blocks[k]) is not { } text) continue;
            var piece = TextKey.Compact(text);
            if (piece.Length is 0 or > 4 || !piece.All(c => char.IsAsciiDigit(c) || c is '年' or '月' or '日')) return null;
            pieces.Insert(0, piece);
        }

        return pieces.Count == 6 ? string.Concat(pieces) : null;
    }

    // The line above a date in figures: an agency's name alone, Chinese words and brackets.
    private static bool IsAgencyLine(string text)
    {
        var compact = TextKey.Compact(text);
        return compact.Length is >= 2 and <= 40 && compact.All(IsNameChar)
            && !compact.Contains("时间", StringComparison.Ordinal) && !compact.Contains("日期", StringComparison.Ordinal);
    }

    // A character of an agency's name as the title and signature write it: Chinese, or a bracket ("（筹）").
    private static bool IsNameChar(char c) => c is >= '\u4e00' and <= '\u9fff' or '（' or '）' or '(' or ')';

    // How many lines from the end the signature is looked for past the last section's heading.
    private const int ClosingReach = 80;

    /// <summary>
    /// The agency a portal page's byline names ("来源：平潭综合实验区管委会办公室", "发布机构：…",
    /// "信息来源：…", "供稿单位：…", "责任单位：…", and "作者：…" or "发布者：…" when it names an office, not a
    /// person), for a report whose title and signature name none. The byline may stand in a cell
    /// of the page's layout table, as text tools that keep tables write it (html2text: "| * 政策文件 |
    /// 信息来源：官渡区自然资源局 发布时间：… |").
    /// </summary>
    private string? ReadByline()
    {
        // Before section 一 a page dumped to text (pandoc, a text browser) may hold a hundred lines of
        // the portal's navigation above the title.
        var end = Math.Min(_sections.Start(1) ?? Math.Min(_blocks.Count, 40), 200);
        for (var i = 0; i < end; i++)
        {
            var texts = _blocks[i] switch
            {
                Paragraph p => [p.Text],
                TableRow r => r.Cells,
                _ => [],
            };

            foreach (var text in texts)
            {
                if (!text.Contains('：') && !text.Contains(':')) continue;
                foreach (Match m in Byline().Matches(text))
                {
                    var agency = CleanAgency(m.Groups["agency"].Value);
                    // 作者 and 发布者 are often a person ("作者：张明"): only an office's name is taken from them.
                    if (m.Groups["person"].Success && (agency.Length < 4 || !OfficeName().IsMatch(agency))) continue;
                    if (agency.Length is >= 3 and <= 40 && !agency.Contains("本网", StringComparison.Ordinal) && !agency.Contains("网站", StringComparison.Ordinal) && !agency.Contains("本站", StringComparison.Ordinal)) return agency;
                }
            }
        }

        return null;
    }

    // The line above a signature's date, past a picture of the seal an OCR tool set between them ("![](images/…)").
    private string? SignatureAbove(int index)
    {
        var above = PreviousText(index);
        if (above is null || !above.StartsWith("![", StringComparison.Ordinal)) return above;
        for (var i = index - 1; i >= 0; i--)
        {
            if (Sections.HeadingText(_blocks[i]) is { } text && TextKey.Compact(text) == above) return PreviousText(i);
        }

        return null;
    }

    // The nearest text above block index, compacted; past lines that read `unlike` when it is given.
    private string? PreviousText(int index, string? unlike = null)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            if (Sections.HeadingText(_blocks[i]) is { } text && TextKey.Compact(text) is { Length: > 0 } compact && compact != unlike) return compact;
        }

        return null;
    }

    private int? ReadStatisticalYear()
    {
        // Text wrapped at a fixed width may break the period over two lines ("…统计期限为2023年1月" /
        // "1日至2023年12月31日"): a paragraph is read together with the next.
        var blocks = _blocks.Take(41).ToList();
        for (var i = 0; i < Math.Min(blocks.Count, 40); i++)
        {
            if (blocks[i] is not Paragraph p) continue;
            var text = i + 1 < blocks.Count && blocks[i + 1] is Paragraph next ? p.Text + next.Text : p.Text;
            if (StatisticalPeriod().Match(TextKey.Compact(text)) is { Success: true } m)
            {
                return int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
            }

            // The period's start without its year ("统计期限为1月1日至2024年12月31日": written so, or its
            // year lost past a page's edge, "…的统计" / "月1日至2024年12月31日"): the year of its end.
            if (StatisticalPeriodEnd().Match(TextKey.Compact(text)) is { Success: true } end)
            {
                return int.Parse(end.Groups["year"].Value, CultureInfo.InvariantCulture);
            }

            // The period cut at the line's end, and the line after it not the rest (a printed page
            // sets its menu's words between the lines): "…统计期限为2020年1" is the period's start.
            if (StatisticalPeriodCut().Match(TextKey.Compact(p.Text)) is { Success: true } cut)
            {
                return int.Parse(cut.Groups["year"].Value, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    /// <summary>The prose of section 一, with paragraphs cut by a page break joined again.</summary>
    private string SectionOneText()
    {
        var start = (_sections.Start(1) ?? -1) + 1;
        return ProseText(start, _sections.End(1, Math.Min(_blocks.Count, start + 60)));
    }

    /// <summary>
    /// The prose the 雷同 check compares: sections 一, 五 and 六 (overview, problems and
    /// improvements, other matters), each section's paragraphs as <see cref="SectionOneText"/>
    /// joins them, sections separated by a blank line; a section whose heading is absent is left out.
    /// </summary>
    private string ComparableProse()
    {
        var parts = new List<string>(3);
        foreach (var number in (ReadOnlySpan<int>)[1, 5, 6])
        {
            if (_sections.Start(number) is not { } heading) continue;
            var text = ProseText(heading + 1, _sections.End(number, _blocks.Count));
            if (text.Length > 0) parts.Add(text);
        }

        return string.Join("\n\n", parts);
    }

    // Section 一's prose is read for the stated figures and again for the 雷同 comparison: once.
    private (int Start, int End, string Text)? _lastProse;

    private string ProseText(int start, int end)
    {
        if (_lastProse is { } last && last.Start == start && last.End == end) return last.Text;
        var joined = JoinProse(start, end);
        _lastProse = (start, end, joined);
        return joined;
    }

    private string JoinProse(int start, int end)
    {
        var text = new System.Text.StringBuilder();
        for (var i = start; i < end; i++)
        {
            // A sentence whose figure a browser set apart ("…共发布各类信息   411" / "条，及时回应…") comes out of a PDF
            // as a row of cells: among the prose, its cells are the sentence's words.
            var line = _blocks[i] switch
            {
                Paragraph p => p.Text,
                TableRow row => string.Join(" ", row.Cells.Where(c => !string.IsNullOrWhiteSpace(c))),
                _ => null,
            };
            if (line is null) continue;
            var compact = TextKey.Compact(line);
            if (compact.Length == 0) continue;
            if (text.Length > 0 && EndsSentence(text[^1])) text.Append('\n');
            text.Append(compact);
        }

        return text.ToString();
    }

    private static bool EndsSentence(char c) => c is '。' or '；' or ';' or '！' or '？' or '：' or ':' or '）' or ')';

    private static string CleanAgency(string raw)
    {
        var s = raw.Trim().Trim('#', '*', '“', '”', '"', '《', '》', '【', '】');
        if (s.EndsWith("关于", StringComparison.Ordinal)) s = s[..^2];
        return s.Trim();
    }

    private static DateOnly? ParseDate(Match m)
    {
        var y = ReadNumber(m.Groups["y"].Value, year: true);
        var mo = ReadNumber(m.Groups["m"].Value, year: false);
        var d = ReadNumber(m.Groups["d"].Value, year: false);
        if (y is null || mo is null || d is null) return null;
        if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > DateTime.DaysInMonth(y.Value, mo.Value)) return null;
        return new DateOnly(y.Value, mo.Value, d.Value);
    }

    // Digits, or Chinese numerals: 二〇二四 (digit by digit, TitleForms.ReadYear) and 二十一 (tens).
    private static int? ReadNumber(string s, bool year)
    {
        if (year) return TitleForms.ReadYear(s);
        if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
        const string digits = "〇一二三四五六七八九";
        var ten = s.IndexOf('十');
        if (ten < 0) return s.Length == 1 && digits.IndexOf(s[0]) > 0 ? digits.IndexOf(s[0]) : null;
        var tens = ten == 0 ? 1 : digits.IndexOf(s[0]);
        var ones = ten == s.Length - 1 ? 0 : digits.IndexOf(s[^1]);
        return tens < 0 || ones < 0 ? null : (tens * 10) + ones;
    }

    [GeneratedRegex(@"^(?<agency>[^。，,；]{0,40}?)(?<y>" + TitleForms.Year + @")年(?<m>\d{1,2}|[一二三四五六七八九十]{1,2})月(?<d>\d{1,2}|[一二三四五六七八九十]{1,3})日(?![前后起止至以内])[^。，,；：:！？\d]{0,8}$")]
    private static partial Regex ClosingDate();

    // A line of a date in figures, "2024-01-20", "2024.1.20", "2024/1/20", after Chinese words at most (the agency).
    [GeneratedRegex(@"^(?<agency>[\p{IsCJKUnifiedIdeographs}（）()]{0,40}?)(?<y>(?:19|20)\d{2})[-.．/／](?<m>\d{1,2})[-.．/／](?<d>\d{1,2})$")]
    private static partial Regex NumericDate();

    // Text that lost its breaks, ending "…。邯郸经济技术开发区自然资源局 2024-01-20", a few words of the page after it.
    [GeneratedRegex(@"[。；！？）)](?<agency>[\p{IsCJKUnifiedIdeographs}（）()]{2,40}?)(?<y>(?:19|20)\d{2})[-.．/／](?<m>\d{1,2})[-.．/／](?<d>\d{1,2})[\p{IsCJKUnifiedIdeographs}]{0,8}$")]
    private static partial Regex ClosingTailInFigures();

    // A portal's page ends with a few words of its own after the signature ("附件下载", "打印本页").
    [GeneratedRegex(@"[。；！？）)](?<agency>[^。，,；：:！？]{0,40}?)(?<y>" + TitleForms.Year + @")年(?<m>\d{1,2}|[一二三四五六七八九十]{1,2})月(?<d>\d{1,2}|[一二三四五六七八九十]{1,3})日(?![前后起止至以内])[^。，,；：:！？\d]{0,8}$")]
    private static partial Regex ClosingTail();

    [GeneratedRegex(@"(?:信息来源|来源单位|发布机构|发布单位|发布部门|发文机关|发文单位|公开主体|供稿单位|责任单位|(?<person>作者|发布者|发布人)|来源)\s*[:：]\s*(?<agency>[\p{IsCJKUnifiedIdeographs}（）()]{2,40})")]
    private static partial Regex Byline();

    // The ending of an office's name: a bureau, commission, office, government, centre, department, street or township.
    [GeneratedRegex(@"(?:局|委员会|委|办公室|办|政府|中心|厅|院|署|馆|站|处|队|所|街道办事处|街道|镇|乡|管委会|管理委员会|指挥部)$")]
    private static partial Regex OfficeName();

    [GeneratedRegex(@"(?:统计期限|统计时限|统计期间|数据统计期)[^。]{0,8}?(?<year>(?:19|20)\d{2})年1月1日")]
    private static partial Regex StatisticalPeriod();

    // "统计期限为" and the start's year and month may be lost past a page's edge: "…所列数据的统计" / "月1日至2022年12月31日".
    [GeneratedRegex(@"统计[^。\d]{0,10}?1?月1日(?:起)?至(?<year>(?:19|20)\d{2})年12月31日")]
    private static partial Regex StatisticalPeriodEnd();

    [GeneratedRegex(@"(?:统计期限|统计时限|统计期间|数据统计期)[^。]{0,8}?(?<year>(?:19|20)\d{2})年(?:1(?:月(?:1日?)?)?)?$")]
    private static partial Regex StatisticalPeriodCut();

    [GeneratedRegex(@"(?<=[\u4e00-\u9fff])\s{3,}(?=[\u4e00-\u9fff])")]
    private static partial Regex TitleGap();

    // A year, its zeros now and then typed as the letter O ("2O2O").
    [GeneratedRegex(@"^\s*([12１２][09０９OoＯ][0-9０-９OoＯ]{2})\s*$")]
    private static partial Regex YearAlone();
}
