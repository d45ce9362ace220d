using System.Text.RegularExpressions;
using Warehouse.Parsing.Documents;
using Warehouse.Parsing.Text;

namespace Warehouse.Parsing.Extraction;

/// <summary>Where the six section headings of the template stand in a document.</summary>
internal sealed partial class Sections
{
    public static readonly IReadOnlyList<string> Names =
    [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ];

    internal static readonly string[][] Keys =
    [
        ["总体情况"],
        ["主动公开政府信息情况", "主动公开政府信息的情况"],
        ["收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请的情况"],
        ["政府信息公开行政复议行政诉讼情况", "行政复议行政诉讼情况", "政府信息公开行政复议行政诉讼的情况", "因政府信息公开申请行政复议提起行政诉讼的情况", "因政府信息公开申请行政复议行政诉讼情况", "政府信息公开行政复议和行政诉讼情况"],
        ["存在的主要问题及改进情况", "存在的主要问题及改进措施", "存在的问题及改进情况", "存在问题及改进情况", "存在问题及改进措施", "存在的问题及改进措施", "主要问题及改进情况", "存在的主要问题和改进情况", "政府信息公开工作存在的主要问题及改进情况", "存在的主要问题"],
        ["其他需要报告的事项", "其它需要报告的事项", "其他需要报告事项"],
    ];

    /// <summary>
    /// Words that name each section (0-5) whatever else its heading says: offices word headings their
    /// own way ("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况", "五、存在的不足及改进措施",
    /// "三、行政机关收到和处理政府信息公开申请情况"). Taken only under the section's own number.
    /// </summary>
    internal static readonly string[][] Stems =
    [
        ["总体", "基本情况", "概况", "概述"],
        ["主动公开"],
        // Not "依申请公开": "三、依申请公开政府信息情况" heads the report format used before 2019.
        ["收到"],
        ["行政复议", "行政诉讼"],
        ["问题", "不足", "改进"],
        ["其他", "其它"],
    ];

    private readonly int?[] _starts = new int?[6];
    private readonly int?[] _anchors = new int?[6];
    private readonly HashSet<int> _misprinted = [];
    private readonly HashSet<int> _worded = [];
    private readonly Dictionary<int, string> _renumbered = [];

    public Sections(IReadOnlyList<Block> blocks)
    {
        var headings = new List<(int Index, int Number)>();
        var rank = new Dictionary<int, int>();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (HeadingText(blocks[i]) is not { } text) continue;
            var n = Match(text, out var misprinted, out var worded, out var renumbered);
            // Another section's number on tables 二 to 四's words ("（一）主动公开政府信息情况", "1.收到和处理政府信息公开
            // 申请情况") is a point of section 一, never the table's heading: without the heading, the table's own header
            // places it (Anchor).
            // A top-level heading under another number ("一、主动公开政府信息情况"): the section's heading, numbered its own way.
            if (n >= 0 && renumbered && NumberedHeading().IsMatch(text)) _renumbered.TryAdd(n, text.Trim());
            if (n < 0 || (renumbered && n is >= 1 and <= 3)) continue;
            headings.Add((i, n));
            if (misprinted) _misprinted.Add(i);
            if (worded) _worded.Add(i);
            // 0: the template's heading ("二、主动公开政府信息情况"); 1: under its own number in the template's form, its
            // words misprinted or its own ("二、主动公开府信息情况"); 2: anything else ("（一）主动公开政府信息情况" or
            // "2.主动公开政府信息情况", sub-headings of section 一; "二是主动公开政府信息情况", a point of its prose).
            rank[i] = renumbered || !NumberedHeading().IsMatch(text) ? 2 : misprinted || worded ? 1 : 0;
        }

        // A heading gives way to one of a better rank further on, of the same section or an earlier one (with section 三's
        // heading left out, "2.收到和处理政府信息公开申请情况" in section 一 is no start of section 三 before section 二).
        // A report whose headings of sections 一, 五 and 六 are all numbered its own way keeps them (those of 二 to 四 so
        // numbered were dropped above: their tables' own headers place them).
        headings = headings.Where((h, k) => rank[h.Index] == 0 || !headings.Skip(k + 1).Any(o => o.Number <= h.Number && rank[o.Index] < rank[h.Index])).ToList();

        // A table of contents lists the headings one after another with nothing between them;
        // when the same headings come again, the later ones are the sections.
        var kept = headings.Where((h, k) => !(k + 1 < headings.Count && headings[k + 1].Index == h.Index + 1 && headings[k + 1].Number == h.Number + 1
                                                && headings.Skip(k + 2).Any(o => o.Number == h.Number))).ToList();
        // A document that holds another report after this one (a county's reports bound in one file): its headings start
        // again at 一 after this one's 四, 五 or 六, and 二 and 三 follow, or a report's title stands before it (a PDF is
        // read only a page past its last section). This report ends there.
        var past = false;
        for (var k = 0; k < kept.Count; k++)
        {
            if (kept[k].Number >= 3) past = true;
            if (!past || kept[k].Number != 0 || rank[kept[k].Index] > 1) continue;
            var titled = Enumerable.Range(0, 12).Select(d => kept[k].Index - 1 - d).TakeWhile(i => i > kept[k - 1].Index).Any(i => TitleStart(blocks, i) >= 0);
            if (!titled && kept.Skip(k + 1).Select(h => h.Number).Where(n => n is 1 or 2).Distinct().Count() < 2) continue;
            NextReport = kept[k].Index;
            kept = kept.Take(k).ToList();
            break;
        }

        var from = 0;
        foreach (var (i, n) in kept)
        {
            if (n < from || _starts[n] is not null) continue;
            _starts[n] = i;
            from = n + 1;
        }

        Anchor(blocks);
    }

    /// <summary>
    /// Where tables 二, 三 and 四 begin when their section's heading is not found (left out, or worded
    /// past recognition): table 三 at its first header ("本列数据的勾稽关系", "申请人情况") or, with none, at its
    /// first row ("一、本年新收政府信息公开申请数量"), with an OCR tool's header right above it, table 二 at
    /// its first sub-table heading ("第二十条第（一）项") or "信息内容" header, table 四 after table 三
    /// at its header "行政复议". Without them table 二 would run from the top of the document over
    /// the prose, table 三 from the top over table 二, and table 三 on over table 四.
    /// </summary>
    private void Anchor(IReadOnlyList<Block> blocks)
    {
        if (_starts[2] is null)
        {
            var from = (_starts[1] ?? _starts[0] ?? -1) + 1;
            var to = _starts[3] ?? _starts[4] ?? _starts[5] ?? blocks.Count;
            _anchors[2] = FirstBlock(blocks, from, to, ["本列数据的勾稽关系", "申请人情况"], atStart: false) ?? FirstRow(blocks, from, to);
        }

        if (_starts[3] is null && (_starts[2] ?? _anchors[2]) is { } applications)
        {
            var to = _starts[4] ?? _starts[5] ?? blocks.Count;
            _anchors[3] = FirstBlock(blocks, applications + 1, to, ["行政复议"], atStart: true);
        }

        if (_starts[1] is null)
        {
            var from = (_starts[0] ?? -1) + 1;
            var to = _starts[2] ?? _anchors[2] ?? _starts[3] ?? blocks.Count;
            _anchors[1] = FirstBlock(blocks, from, to, ["第二十条第", "信息内容"], atStart: true);
        }
    }

    /// <summary>
    /// The first block in [from, to) where one of <paramref name="phrases"/> begins (at the block's
    /// start when <paramref name="atStart"/>), read on through the short blocks after it: text
    /// extracted without layout wraps a header cell a few characters a line ("（本列" / "数据的" / "勾稽关").
    /// Only a table row or a short line: a sentence of prose may cite the same words.
    /// </summary>
    private static int? FirstBlock(IReadOnlyList<Block> blocks, int from, int to, string[] phrases, bool atStart)
    {
        to = Math.Min(to, blocks.Count);
        for (var i = Math.Max(from, 0); i < to; i++)
        {
            // A long paragraph is a table's start only when it opens with the phrase (running text cut at a table's header: Restructure).
            if (blocks[i] is Paragraph { Text.Length: > 80 } paragraph)
            {
                var opening = TextKey.Of(paragraph.Text[..80]);
                if (phrases.Any(p => opening.StartsWith(p, StringComparison.Ordinal))) return i;
                continue;
            }

            if (Short(blocks[i]) is not { } first) continue;
            var own = TextKey.Of(first);
            if (own.Length == 0) continue;
            var key = own;
            for (var j = i + 1; j < to && key.Length < 40 && Short(blocks[j]) is { Length: <= 12 } next; j++) key += TextKey.Of(next);
            foreach (var phrase in phrases)
            {
                var at = key.IndexOf(phrase, StringComparison.Ordinal);
                if (at >= 0 && (atStart ? at == 0 : at < own.Length)) return i;
            }
        }

        return null;
    }

    /// <summary>
    /// Table 三 without its header (an OCR tool's "项目 数据1 … 数据7" in its place) begins at its first row: a table
    /// row whose label is "一、本年新收政府信息公开申请数量" (or that label misprinted), with such a header right above it.
    /// </summary>
    private static int? FirstRow(IReadOnlyList<Block> blocks, int from, int to)
    {
        for (var i = Math.Max(from, 0); i < Math.Min(to, blocks.Count); i++)
        {
            if (blocks[i] is not TableRow { Cells.Count: > 1 } row || !IsFirstRow(TextKey.Of(row.Cells[0]))) continue;
            // An OCR tool's header in the template's place ("项目 | 数据1 | … | 数据7") goes with it.
            return i > from && blocks[i - 1] is TableRow above && above.Cells.Any(c => TextKey.Of(c) == "数据1") ? i - 1 : i;
        }

        return null;
    }

    // The label of table 三's first row as printed, a character or two misprinted or dropped ("一、本年新收政府信息公开申情数量");
    // not the second row's ("二、上年结转政府信息公开申请数量" holds 11 of its 14 characters).
    private static bool IsFirstRow(string key) =>
        key.EndsWith("本年新收政府信息公开申请数量", StringComparison.Ordinal) || ApplicationRows.Similarity("new_received", key) >= 0.85;

    private static string? Short(Block block) => block switch
    {
        TableRow r => string.Concat(r.Cells),
        Paragraph p when p.Text.Length <= 80 => p.Text,
        _ => null,
    };

    /// <summary>
    /// True when the block is a report's title, or its last line: a short line that names the government information
    /// disclosure and ends with 报告 or 年报 ("2024 年政府信息公开工作年度报告", "…工作年度报告（2023年）", "…政府信息与政务公开
    /// 工作年度报告", "…政务公开工作年度报告", "…政府信息公开年报"), no sentence.
    /// </summary>
    public static bool IsReportTitle(Block block) =>
        block is Paragraph { Text.Length: <= 60 } p && (p.Text.Contains("政府信息", StringComparison.Ordinal) || p.Text.Contains("政务", StringComparison.Ordinal)) && p.Text.Contains("公开", StringComparison.Ordinal) && !p.Text.Contains('。')
        && !p.Text.Contains('《') && ReportTitleEnd().IsMatch(p.Text);

    /// <summary>
    /// Where the report title that ends at block <paramref name="end"/> begins: that block, or the one before when the
    /// title is set over two lines ("水磨沟区市场监督管理局二0二二年政府信" over "息公开工作年度报告"); -1 when it ends none.
    /// </summary>
    public static int TitleStart(IReadOnlyList<Block> blocks, int end)
    {
        if (IsReportTitle(blocks[end])) return end;
        return end > 0 && blocks[end - 1] is Paragraph { Text.Length: <= 40 } above && blocks[end] is Paragraph { Text.Length: <= 40 } below
            && !DateLike(above.Text) && IsReportTitle(new Paragraph(above.Text.TrimEnd() + below.Text.TrimStart())) ? end - 1 : -1;
    }

    /// <summary>True when the line holds a date, a signature's ("2023.1.15", "二〇二三年一月十五日"): no line of a title.</summary>
    public static bool DateLike(string text) => PageDates.Day(text) is not null || ChineseDate().IsMatch(text);

    [GeneratedRegex(@"[〇○零OoＯ一二三四五六七八九十]{2,4}\s*年\s*[一二三四五六七八九十]{1,3}\s*月")]
    private static partial Regex ChineseDate();

    [GeneratedRegex(@"(?:报告|年报)\s*(?:[（(]\s*\d{4}\s*年?(?:度)?\s*[)）])?\s*$")]
    private static partial Regex ReportTitleEnd();

    /// <summary>
    /// Block index of the heading "一、总体情况" of another report that follows this one in the same document (its
    /// sections 一, 二 and 三 again after this one's 四, 五 or 六), or null when the document holds one report.
    /// </summary>
    public int? NextReport { get; }

    /// <summary>
    /// Block index of section <paramref name="number"/> (1-6): its heading, else, for sections 二 to
    /// 四, where its table begins (<see cref="Anchor"/>); null when neither is found.
    /// </summary>
    public int? Start(int number) => _starts[number - 1] ?? _anchors[number - 1];

    /// <summary>Block index where section <paramref name="number"/> ends: the next section's start found, else <paramref name="fallback"/>.</summary>
    public int End(int number, int fallback)
    {
        for (var n = number; n < 6; n++)
        {
            if (Start(n + 1) is { } s) return s;
        }

        return fallback;
    }

    public IEnumerable<string> Missing() => Enumerable.Range(0, 6).Where(n => _starts[n] is null).Select(n => Names[n]);

    /// <summary>Of the sections <see cref="Missing"/>, those whose words head a block under another top-level number: the template's heading and the printed one.</summary>
    public IReadOnlyDictionary<string, string> Renumbered() =>
        _renumbered.Where(r => _starts[r.Key] is null).ToDictionary(r => Names[r.Key], r => r.Value);

    /// <summary>The sections (1-6) whose heading was taken although misprinted, with the block index of each.</summary>
    public IEnumerable<(int Number, int Block)> Misprinted() =>
        Enumerable.Range(0, 6).Where(n => _starts[n] is { } s && _misprinted.Contains(s)).Select(n => (n + 1, _starts[n]!.Value));

    /// <summary>The sections (1-6) whose heading was taken by its number and a word of its own, in a wording not the template's.</summary>
    public IEnumerable<(int Number, int Block)> Worded() =>
        Enumerable.Range(0, 6).Where(n => _starts[n] is { } s && _worded.Contains(s)).Select(n => (n + 1, _starts[n]!.Value));

    public static bool IsHeading(Block block) => HeadingText(block) is { } t && Match(t, out _, out _, out _) >= 0;

    public static string? HeadingText(Block block)
    {
        if (block is Paragraph p) return p.Text;
        if (block is not TableRow r) return null;
        string? only = null;
        foreach (var cell in r.Cells)
        {
            if (string.IsNullOrWhiteSpace(cell)) continue;
            if (only is not null) return null;
            only = cell;
        }

        return only;
    }

    /// <param name="renumbered">The heading's words are section n's, its number another section's ("（一）主动公开政府信息情况").</param>
    private static int Match(string text, out bool misprinted, out bool worded, out bool renumbered)
    {
        misprinted = false;
        worded = false;
        renumbered = false;
        // The template's headings end in 情况, 事项, 措施 or 问题 (况 or 项 even misprinted), other wordings
        // start with their number; most blocks are cells and prose, so look first.
        if (text.Length > 60 || !(text.Contains('况', StringComparison.Ordinal) || text.Contains('项', StringComparison.Ordinal) || text.Contains("问题", StringComparison.Ordinal)
                                  || NumberedHeading().IsMatch(text))) return -1;
        var key = TextKey.Of(text);
        if (key.Length == 0 || key.Length > 40) return -1;
        var number = -1;
        if (key[0] is >= '0' and <= '9' || "第一二三四五六七八九十".Contains(key[0]))
        {
            var numbering = Numbering().Match(key);
            number = Number(numbering.Value);
            key = key[numbering.Length..];
        }

        for (var n = 0; n < Keys.Length; n++)
        {
            foreach (var k in Keys[n])
            {
                if (key.StartsWith(k, StringComparison.Ordinal) && key.Length <= k.Length + 4)
                {
                    renumbered = number >= 0 && number != n;
                    return n;
                }
            }
        }

        // Only a heading that carries its own section's number is read through a misprint.
        if (number >= 0 && IsMisprint(number, key))
        {
            misprinted = true;
            return number;
        }

        // Or in a wording of its own, numbered "四、" or "第四部分" (not "（四）", a sub-heading of prose),
        // short, and holding a word that names its section.
        if (number >= 0 && key.Length is >= 2 and <= 30 && NumberedHeading().IsMatch(text) && Stems[number].Any(w => key.Contains(w, StringComparison.Ordinal)))
        {
            worded = true;
            return number;
        }

        return -1;
    }

    /// <summary>The section (0-5) a heading's numbering names ("四", "第四部分", "4"), or -1.</summary>
    private static int Number(string numbering)
    {
        var core = numbering.TrimStart('第');
        if (core.EndsWith("部分", StringComparison.Ordinal)) core = core[..^2];
        if (core.Length != 1) return -1;
        var n = "一二三四五六".IndexOf(core[0], StringComparison.Ordinal);
        return n >= 0 ? n : core[0] is >= '1' and <= '6' ? core[0] - '1' : -1;
    }

    /// <summary>
    /// Whether <paramref name="key"/> (the folded words of a heading after its numbering) is one of
    /// section <paramref name="section"/>'s (0-5) wordings misprinted: a character or two dropped, added
    /// or typed wrong ("政府信息公开行政法复议、行政诉讼情况", pingtan 2022), ending as the wording ends.
    /// Wordings under eight characters ("总体情况") are too short to tell from other words.
    /// </summary>
    internal static bool IsMisprint(int section, string key)
    {
        if (key.Length == 0) return false;
        foreach (var k in Keys[section])
        {
            if (k.Length < 8) continue;
            var slack = k.Length >= 12 ? 2 : 1;
            if (Math.Abs(key.Length - k.Length) > slack || key[^1] != k[^1]) continue;
            var common = TextKey.CommonSubsequence(k, key);
            if (k.Length - common <= slack && key.Length - common <= slack) return true;
        }

        return false;
    }

    [GeneratedRegex(@"^(?:第?[一二三四五六七八九十]+部分|[一二三四五六七八九十]+|\d+)")]
    private static partial Regex Numbering();

    // A section's own numbering at the start: "四、", "四.", "四 ", "第四部分" (after a markdown "#" or "**").
    [GeneratedRegex(@"^[\s#*]*(?:第[一二三四五六]部分|[一二三四五六]\s*[、.．]|[一二三四五六]\s)")]
    private static partial Regex NumberedHeading();
}
