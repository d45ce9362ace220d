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
        if (!glyphsChecked && AnyOdd(blocks)) blocks = blocks.Select(b => Glyphs(b) ?? b).ToList();
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
        // Most long paragraphs hold no heading, and a heading alone is already a paragraph.
        var any = false;
        foreach (var m in InlineHeading().EnumerateMatches(text))
        {
            if (m.Index == 0 && m.Length == text.Length) return null;
            any = true;
            break;
        }

        if (!any) return null;
        List<string>? pieces = null;
        var at = 0;
        foreach (Match m in InlineHeading().Matches(text))
        {
            if (m.Index == 0 && m.Length == text.Length) return null;
            pieces ??= [];
            var before = text[at..m.Index].Trim();
            if (before.Length > 0) pieces.Add(before);
            pieces.Add(m.Value.Trim());
            at = m.Index + m.Length;
        }

        if (pieces is null) return null;
        var rest = text[at..].Trim();
        if (rest.Length > 0) pieces.Add(rest);
        return pieces.Count > 1 ? pieces : null;
    }

    [GeneratedRegex(
        @"(?:一\s*[、.．]\s*总体情况" +
        @"|二\s*[、.．]\s*主动公开政府信息(?:的)?情况" +
        @"|三\s*[、.．]\s*收到和处理政府信息公开申请(?:的)?情况" +
        @"|四\s*[、.．]\s*(?:因)?(?:政府信息公开)?(?:申请)?(?:提起)?行政复议[、和及，,\s]*(?:提起)?行政诉讼(?:的)?情况" +
        @"|五\s*[、.．]\s*(?:政府信息公开工作)?存在的?(?:主要)?问题(?:及|和)(?:其)?改进(?:情况|措施)" +
        @"|六\s*[、.．]\s*其[他它]需要报告的?事项)")]
    private static partial Regex InlineHeading();
}
