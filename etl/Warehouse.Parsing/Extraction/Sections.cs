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

    private static readonly string[][] Keys =
    [
        ["总体情况"],
        ["主动公开政府信息情况", "主动公开政府信息的情况"],
        ["收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请的情况"],
        ["政府信息公开行政复议行政诉讼情况", "行政复议行政诉讼情况", "政府信息公开行政复议行政诉讼的情况", "因政府信息公开申请行政复议提起行政诉讼的情况", "因政府信息公开申请行政复议行政诉讼情况", "政府信息公开行政复议和行政诉讼情况"],
        ["存在的主要问题及改进情况", "存在的主要问题及改进措施", "存在的问题及改进情况", "主要问题及改进情况", "存在的主要问题和改进情况", "政府信息公开工作存在的主要问题及改进情况", "存在的主要问题"],
        ["其他需要报告的事项", "其它需要报告的事项", "其他需要报告事项"],
    ];

    private readonly int?[] _starts = new int?[6];

    public Sections(IReadOnlyList<Block> blocks)
    {
        var headings = new List<(int Index, int Number)>();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (HeadingText(blocks[i]) is not { } text) continue;
            var n = Match(text);
            if (n >= 0) headings.Add((i, n));
        }

        // A table of contents lists the headings one after another with nothing between them;
        // when the same headings come again, the later ones are the sections.
        var kept = headings.Where((h, k) => !(k + 1 < headings.Count && headings[k + 1].Index == h.Index + 1 && headings[k + 1].Number == h.Number + 1
                                                && headings.Skip(k + 2).Any(o => o.Number == h.Number))).ToList();
        var from = 0;
        foreach (var (i, n) in kept)
        {
            if (n < from || _starts[n] is not null) continue;
            _starts[n] = i;
            from = n + 1;
        }
    }

    /// <summary>Block index of section <paramref name="number"/> (1-6), or null when its heading is absent.</summary>
    public int? Start(int number) => _starts[number - 1];

    /// <summary>Block index where section <paramref name="number"/> ends: the next heading found, else <paramref name="fallback"/>.</summary>
    public int End(int number, int fallback)
    {
        for (var n = number; n < 6; n++)
        {
            if (_starts[n] is { } s) return s;
        }

        return fallback;
    }

    public IEnumerable<string> Missing() => Enumerable.Range(0, 6).Where(n => _starts[n] is null).Select(n => Names[n]);

    public static bool IsHeading(Block block) => HeadingText(block) is { } t && Match(t) >= 0;

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

    private static int Match(string text)
    {
        // Every heading ends in 情况, 事项 or 措施; most blocks are cells and prose, so look first.
        if (text.Length > 60 || !(text.Contains("情况", StringComparison.Ordinal) || text.Contains("事项", StringComparison.Ordinal) || text.Contains("问题", StringComparison.Ordinal))) return -1;
        var key = TextKey.Of(text);
        if (key.Length == 0 || key.Length > 40) return -1;
        if (key[0] is >= '0' and <= '9' || "第一二三四五六七八九十".Contains(key[0])) key = Numbering().Replace(key, "");
        for (var n = 0; n < Keys.Length; n++)
        {
            foreach (var k in Keys[n])
            {
                if (key.StartsWith(k, StringComparison.Ordinal) && key.Length <= k.Length + 4) return n;
            }
        }

        return -1;
    }

    [GeneratedRegex(@"^(?:第?[一二三四五六七八九十]+部分|[一二三四五六七八九十]+|\d+)")]
    private static partial Regex Numbering();
}
