using System.Text.RegularExpressions;
using Warehouse.Parsing.Documents;

namespace Warehouse.Parsing.Extraction;

/// <summary>
/// Gives back the line structure that crawlers and copy-paste tools take away: a paragraph that
/// runs on through section headings ("…助力服务型政府建设。（一）… 二、主动公开政府信息情况 第二十条…")
/// is cut before and after each numbered heading, so that every later step sees the headings as
/// the document's own paragraphs. Headings are recognised only with their numbering ("二、"), so a
/// preamble that lists the sections by name ("本报告包括总体情况、主动公开政府信息情况…") is left whole.
/// </summary>
internal static partial class Restructure
{
    /// <param name="glyphsChecked">The layout reader already read the text's radicals as characters (text, HTML).</param>
    public static IReadOnlyList<Block> Apply(IReadOnlyList<Block> blocks, bool glyphsChecked = false)
    {
        // Text and HTML lose them before they are read (ReportParser); a page's entities (&#8203;, &shy;) and DOCX or PDF text here.
        if (blocks.Any(b => b is Paragraph p ? Invisible(p.Text) : b is TableRow r && r.Cells.Any(Invisible))) blocks = blocks.Select(WithVisibleText).ToList();
        if (!glyphsChecked && AnyOdd(blocks)) blocks = blocks.Select(b => Glyphs(b) ?? b).ToList();
        if (!glyphsChecked && AnyWideDigit(blocks)) blocks = blocks.Select(WithNarrowDigits).ToList();
        List<Block>? result = null;
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is Paragraph p && p.Text.Length > 12 && MayHoldHeading(p.Text) && Split(p.Text) is { } pieces)
            {
                result ??= blocks.Take(i).ToList();
                result.AddRange(pieces.Select(t => new Paragraph(t)));
                continue;
            }

            result?.Add(blocks[i]);
        }

        return result ?? blocks;
    }

    /// <summary>
    /// PDF producers (WPS, Word's PDF export with some fonts) and OCR write Kangxi radicals and
    /// compatibility ideographs for common characters ("⾏政" for "行政", "⼀" for "一"): read them
    /// as the characters they stand for. Null when the block has none.
    /// </summary>
    private static bool AnyOdd(IReadOnlyList<Block> blocks)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            switch (blocks[i])
            {
                case Paragraph p when Odd(p.Text):
                    return true;
                case TableRow r:
                    for (var c = 0; c < r.Cells.Count; c++)
                    {
                        if (Odd(r.Cells[c])) return true;
                    }

                    break;
            }
        }

        return false;
    }

    // Unicode's format characters (category Cf) that text from the web and from office tools carries: the soft
    // hyphen, the Arabic letter mark, the Mongolian vowel separator, zero-width spaces and joiners, direction marks
    // and embeddings, the word joiner and invisible operators, direction isolates, the byte order mark (a zero-width
    // no-break space inside a text), the interlinear annotation marks.
    private static readonly System.Buffers.SearchValues<char> FormatCharacters = System.Buffers.SearchValues.Create(
        "\u00AD\u061C\u180E\u200B\u200C\u200D\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2060\u2061\u2062\u2063\u2064"
        + "\u2066\u2067\u2068\u2069\u206A\u206B\u206C\u206D\u206E\u206F\uFEFF\uFFF9\uFFFA\uFFFB");

    private static bool Invisible(string text) => text.AsSpan().IndexOfAny(FormatCharacters) >= 0;

    /// <summary>True for a character no reader sees (see <see cref="Visible"/>).</summary>
    public static bool IsInvisible(char ch) => FormatCharacters.Contains(ch);

    /// <summary>
    /// The text without the characters a reader never sees: zero-width spaces, soft hyphens, word joiners, byte
    /// order marks and direction marks, which web editors, copy tools and anti-copy scripts leave inside words and
    /// numbers. Read as displayed, "18\u00AD651.06" is 18651.06 and "平\u200B潭" is 平潭; taken for spaces, they cut
    /// a number in two (the first part read as the cell) and a label apart.
    /// </summary>
    public static string Visible(string text)
    {
        if (!Invisible(text)) return text;
        var kept = new System.Text.StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (!FormatCharacters.Contains(ch)) kept.Append(ch);
        }

        return kept.ToString();
    }

    private static Block WithVisibleText(Block block) => block switch
    {
        Paragraph p => new Paragraph(Visible(p.Text)),
        TableRow r => r with { Cells = r.Cells.Select(Visible).ToList() },
        _ => block,
    };

    /// <summary>
    /// The text with full-width digits ("０" to "９", as some offices type a table's numbers) read as ASCII
    /// digits, and a full-width point between two digits as a point ("９１１６．３６" is 9116.36). Every
    /// character stays in its place (one for one), so text laid out in columns keeps its columns;
    /// other full-width forms stay, for the readers that measure or match them.
    /// </summary>
    public static string Digits(string text)
    {
        if (text.AsSpan().IndexOfAnyInRange('\uFF10', '\uFF19') < 0) return text;
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var ch = source[i];
                span[i] = ch is >= '\uFF10' and <= '\uFF19' ? (char)(ch - 0xFEE0) : ch;
            }

            for (var i = 1; i < span.Length - 1; i++)
            {
                if (span[i] == '．' && char.IsAsciiDigit(span[i - 1]) && char.IsAsciiDigit(span[i + 1])) span[i] = '.';
            }
        });
    }

    private static bool AnyWideDigit(IReadOnlyList<Block> blocks) => blocks.Any(b => b switch
    {
        Paragraph p => p.Text.AsSpan().IndexOfAnyInRange('\uFF10', '\uFF19') >= 0,
        TableRow r => r.Cells.Any(c => c.AsSpan().IndexOfAnyInRange('\uFF10', '\uFF19') >= 0),
        _ => false,
    });

    private static Block WithNarrowDigits(Block block) => block switch
    {
        Paragraph p => new Paragraph(Digits(p.Text)),
        TableRow r => r with { Cells = r.Cells.Select(Digits).ToList() },
        _ => block,
    };

    /// <summary>The text with Kangxi radicals and compatibility ideographs read as the characters they stand for.</summary>
    public static string Glyphs(string text) => Odd(text) ? Unify(text) : text;

    // CJK Radicals Supplement (U+2E80-U+2EFF) and the unified ideograph each stands for, from
    // the Unicode Character Database's EquivalentUnifiedIdeograph.txt (15.0.0), where it is in
    // the Basic Multilingual Plane. NFKC leaves these alone (only Kangxi radicals and
    // compatibility ideographs have decompositions), yet Chromium's and some WPS PDFs give
    // "⺠" for 民, "⻚" for 页, "⻓" for 长.
    private const string Radicals = "⺁⺂⺃⺄⺅⺆⺈⺉⺊⺋⺌⺍⺎⺏⺐⺒⺓⺔⺖⺗⺘⺙⺛⺜⺝⺞⺟⺠⺡⺢⺣⺤⺥⺦⺧⺨⺩⺫⺬⺭⺯⺰⺱⺲⺳⺴⺶⺹⺺⺻⺼⺾⺿⻀⻁⻂⻃⻄⻅⻆⻈⻉⻋⻌⻍⻎⻏⻐⻑⻒⻓⻔⻖⻗⻘⻙⻚⻛⻜⻝⻟⻠⻢⻣⻤⻥⻦⻧⻨⻩⻪⻫⻬⻭⻮⻯⻰⻱⻲⻳";
    private const string RadicalIdeographs = "厂乛乚乙亻冂刀刂卜㔾小小兀尣尢巳幺彑忄心扌攵旡日月歺母民氵氺灬爫爫丬牛犭王目示礻糹纟罓罒㓁冗羊耂肀聿肉艹艹艹虎衤覀西见角讠贝车辶辶辶邑钅長镸长门阝雨青韦页风飞食飠饣马骨鬼鱼鸟卤麦黄黾斉齐歯齿竜龙龜亀龟";

    /// <summary>The text with Kangxi radicals, compatibility ideographs and supplementary radicals read as the ideographs they stand for.</summary>
    private static string Unify(string text)
    {
        var normal = text.Normalize(System.Text.NormalizationForm.FormKC);
        if (normal.AsSpan().IndexOfAnyInRange('\u2E80', '\u2EFF') < 0) return normal;
        return string.Create(normal.Length, normal, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var k = Radicals.IndexOf(source[i], StringComparison.Ordinal);
                span[i] = k >= 0 ? RadicalIdeographs[k] : source[i];
            }
        });
    }

    private static bool Odd(string t) =>
        t.AsSpan().IndexOfAnyInRange('\u2E80', '\u2FDF') >= 0 || t.AsSpan().IndexOfAnyInRange('\uF900', '\uFAFF') >= 0;

    private static Block? Glyphs(Block block)
    {

        return block switch
        {
            Paragraph p when Odd(p.Text) => new Paragraph(Unify(p.Text)),
            TableRow r when r.Cells.Any(Odd) => r with { Cells = r.Cells.Select(c => Odd(c) ? Unify(c) : c).ToList() },
            _ => null,
        };
    }

    // Every heading ends in 情况, 事项 or 措施: most paragraphs are passed over without the regex.
    private static bool MayHoldHeading(string text)
    {
        // A heading numbered as a part: "第二部分 主动公开政府信息情况".
        for (var at = text.IndexOf("部分", StringComparison.Ordinal); at >= 0; at = text.IndexOf("部分", at + 2, StringComparison.Ordinal))
        {
            if (at >= 2 && text[at - 2] == '第' && "一二三四五六".Contains(text[at - 1], StringComparison.Ordinal)) return true;
        }

        // A numbered heading: 一 to 六, then 、 or a point (spaces between allowed).
        var span = text.AsSpan();
        for (var i = span.IndexOfAny(Numerals); i >= 0 && i < span.Length - 1; i = span[(i + 1)..].IndexOfAny(Numerals) is var k and >= 0 ? i + 1 + k : -1)
        {
            var j = i + 1;
            while (j < span.Length && span[j] == ' ') j++;
            if (j < span.Length && span[j] is '、' or '.' or '．') return true;
        }

        return false;
    }

    private static readonly System.Buffers.SearchValues<char> Numerals = System.Buffers.SearchValues.Create("一二三四五六");

    private static List<string>? Split(string text)
    {
        var found = new List<(int Index, int Length)>();
        var sections = new HashSet<int>();
        foreach (Match m in InlineHeading().Matches(text))
        {
            // A heading alone is already a paragraph.
            if (m.Index == 0 && m.Length == text.Length) return null;
            found.Add((m.Index, m.Length));
            sections.Add("一二三四五六".IndexOf(m.Value.TrimStart()[0], StringComparison.Ordinal));
        }

        foreach (var (index, length, section) in MisprintedHeadings(text))
        {
            if (sections.Contains(section) || found.Any(f => index < f.Index + f.Length && f.Index < index + length)) continue;
            if (index == 0 && length == text.Length) return null;
            found.Add((index, length));
        }

        // Headings in an office's own wording ("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况").
        for (var section = 0; section < WordedHeadings.Length; section++)
        {
            if (sections.Contains(section) || WordedHeadings[section].Match(text) is not { Success: true } m) continue;
            if (found.Any(f => m.Index < f.Index + f.Length && f.Index < m.Index + m.Length)) continue;
            // A heading line of its own whose words run on past the shortest match ("五、存在的主要问题和下一步工作打算").
            if (m.Index == 0 && (m.Length == text.Length || (text.Length <= 40 && text.AsSpan().IndexOfAny('。', '，') < 0))) return null;
            found.Add((m.Index, m.Length));
            sections.Add(section);
        }

        // A table whose heading was left out begins a paragraph of its own at its header, where the
        // heading would have been (Sections anchors the table there).
        foreach (var (section, anchor) in TableStarts)
        {
            if (sections.Contains(section) || anchor.Match(text) is not { Success: true, Index: > 0 } m) continue;
            if (found.Any(f => m.Index < f.Index + f.Length && f.Index < m.Index)) continue;
            found.Add((m.Index, 0));
        }

        // Most long paragraphs hold no heading.
        if (found.Count == 0) return null;
        var pieces = new List<string>();
        var at = 0;
        foreach (var (index, length) in found.OrderBy(f => f.Index))
        {
            var before = text[at..index].Trim();
            if (before.Length > 0) pieces.Add(before);
            if (length > 0) pieces.Add(text.Substring(index, length).Trim());
            at = index + length;
        }

        var rest = text[at..].Trim();
        if (rest.Length > 0) pieces.Add(rest);
        return pieces.Count > 1 ? pieces : null;
    }

    /// <summary>
    /// Numbered headings whose words are misprinted ("四、政府信息公开行政法复议、行政诉讼情况"): after a
    /// numeral 二 to 六 and its 、, the shortest run of text whose folded words are that section's
    /// wording within a character or two (<see cref="Sections.IsMisprint"/>). Yields (index, length, section 0-5).
    /// </summary>
    private static IEnumerable<(int Index, int Length, int Section)> MisprintedHeadings(string text)
    {
        var longest = Sections.Keys.Max(k => k.Max(w => w.Length)) + 2;
        for (var i = text.IndexOfAny(NumeralChars); i >= 0 && i < text.Length - 1; i = text.IndexOfAny(NumeralChars, i + 1))
        {
            var j = i + 1;
            while (j < text.Length && text[j] == ' ') j++;
            if (j >= text.Length || text[j] is not ('、' or '.' or '．')) continue;
            var section = "一二三四五六".IndexOf(text[i], StringComparison.Ordinal);

            // The folded words after the numbering, with where each stands in the text.
            var key = new System.Text.StringBuilder();
            var ends = new List<int>();
            for (var k = j + 1; k < text.Length && key.Length < longest; k++)
            {
                var folded = Text.TextKey.Of(text[k].ToString());
                if (folded.Length == 0) continue;
                key.Append(folded);
                ends.Add(k + 1);
            }

            var words = key.ToString();
            for (var n = 1; n <= words.Length; n++)
            {
                if (!Sections.IsMisprint(section, words[..n])) continue;
                yield return (i, ends[n - 1] - i, section);
                break;
            }
        }
    }

    private static readonly char[] NumeralChars = "二三四五六".ToCharArray();

    // Where tables 二, 三 and 四 begin in running text: their first header (section 0-5, pattern).
    private static readonly (int Section, Regex Anchor)[] TableStarts =
    [
        (1, new Regex(@"第二十条第\s*[（(]\s*一\s*[）)]\s*项", RegexOptions.CultureInvariant)),
        (2, new Regex(@"[（(]\s*本列数据的勾稽关系", RegexOptions.CultureInvariant)),
        (3, new Regex(@"行政复议\s*行政诉讼\s*(?:结果维持|未经复议)", RegexOptions.CultureInvariant)),
    ];

    [GeneratedRegex(
        @"(?:一\s*[、.．]\s*总体情况" +
        @"|二\s*[、.．]\s*主动公开政府信息(?:的)?情况" +
        @"|三\s*[、.．]\s*收到和处理政府信息公开申请(?:的)?情况" +
        @"|四\s*[、.．]\s*(?:因)?(?:政府信息公开)?(?:申请)?(?:提起)?行政复议[、和及，,\s]*(?:提起)?行政诉讼(?:的)?情况" +
        @"|五\s*[、.．]\s*(?:政府信息公开工作)?存在的?(?:主要)?问题(?:及|和)(?:其)?改进(?:情况|措施)" +
        @"|六\s*[、.．]\s*其[他它]需要报告的?事项)")]
    private static partial Regex InlineHeading();

    /// <summary>
    /// Numbered headings in a wording of their own inside running text, by section (0-5): the
    /// numbering ("四、", "第四部分"), then up to a few characters, the words that name the section
    /// (<see cref="Sections.Stems"/>) and the word that ends a heading (情况, 事项, 措施…), with no
    /// sentence punctuation or space between.
    /// </summary>
    private static readonly Regex[] WordedHeadings =
    [
        Worded("一", @"(?:[^\s。；，,：:]{0,14}?(?:总体|基本)(?:工作)?情况|概述|概况)"),
        Worded("二", @"[^\s。；，,：:]{0,8}?主动公开[^\s。；，,：:]{0,8}?情况"),
        Worded("三", @"[^\s。；，,：:]{0,8}?收到和处理[^\s。；，,：:]{0,12}?情况(?:统计表?)?"),
        Worded("四", @"[^\s。；，,：:]{0,14}?行政复议[^\s。；，,：:]{0,14}?情况"),
        Worded("五", @"[^\s。；，,：:]{0,14}?(?:问题|不足)[^\s。；，,：:]{0,10}?(?:情况|措施|打算|方向|思路|计划|工作(?:打算|思路|计划|安排)?)"),
        Worded("六", @"其[他它][^\s。；，,：:]{0,8}?事项"),
    ];

    private static Regex Worded(string numeral, string words) =>
        new($@"(?:第{numeral}部分\s*|{numeral}\s*[、.．]\s*){words}", RegexOptions.CultureInvariant);
}
