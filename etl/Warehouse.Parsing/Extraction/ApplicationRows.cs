using System.Text.RegularExpressions;

namespace Warehouse.Parsing.Extraction;

/// <summary>Recognises the rows of table 三 by their labels, whatever numbering and wrapping they carry.</summary>
internal static partial class ApplicationRows
{
    // Distinctive phrases, longest first so that a row labelled with its group and its reason
    // ("（六）其他处理1.申请人无正当理由逾期不补正…") takes the reason.
    private static readonly (string Phrase, string Code)[] Phrases =
    [
        ("确认或重新出具", "not_processed_confirmation"),
        ("法律行政法规禁止", "denied_prohibited_by_law"),
        ("本年新收", "new_received"),
        ("上年结转", "carried_over"),
        ("结转下年度", "carried_forward"),
        ("逾期不补正", "other_no_correction"),
        ("收费通知", "other_fee_unpaid"),
        ("缴纳费用", "other_fee_unpaid"),
        ("三安全一稳定", "denied_three_safeties_one_stability"),
        ("第三方合法权益", "denied_third_party_rights"),
        ("行政执法案卷", "denied_law_enforcement_file"),
        ("行政查询事项", "denied_administrative_inquiry"),
        ("信访举报投诉", "not_processed_petition"),
        ("公开出版物", "not_processed_publication"),
        ("大量反复", "not_processed_excessive"),
        ("过程性信息", "denied_process_information"),
        ("内部事务", "denied_internal_affairs"),
        ("国家秘密", "denied_state_secret"),
        ("另行制作", "unavailable_needs_creation"),
        ("仍不明确", "unavailable_still_unclear"),
        ("不掌握", "unavailable_not_held"),
        ("重复申请", "not_processed_duplicate"),
        ("部分公开", "partially_granted"),
        ("予以公开", "granted"),

        // A label's first line when a narrow column wraps it before its distinctive words ("2.没有现成信息需要另行制" /
        // "作", "5.要求行政机关确认或重" / "新出具…"): the words that start it, which name no other row. Last, so a
        // label that also holds another row's distinctive words is that row.
        ("没有现成信息", "unavailable_needs_creation"),
        ("补正后申请内容", "unavailable_still_unclear"),
        ("本机关不掌", "unavailable_not_held"),
        ("要求行政机关确认", "not_processed_confirmation"),
        ("要求提供公开", "not_processed_publication"),
        ("无正当理由大量", "not_processed_excessive"),
        ("无正当理由逾期", "other_no_correction"),
        ("逾期未按收费", "other_fee_unpaid"),
        ("保护第三方", "denied_third_party_rights"),
        ("属于三类内部", "denied_internal_affairs"),
        ("属于四类过程", "denied_process_information"),
        ("属于行政执法", "denied_law_enforcement_file"),
        ("属于行政查询", "denied_administrative_inquiry"),
    ];

    // Phrases by their first character: a label is scanned once instead of once per phrase.
    private static readonly Dictionary<char, (string Phrase, string Code, int Rank)[]> ByFirstChar =
        Phrases.Select((p, rank) => (p.Phrase, p.Code, Rank: rank)).GroupBy(p => p.Phrase[0]).ToDictionary(g => g.Key, g => g.ToArray());

    /// <summary>The row code a label names, or null. <paramref name="key"/> is the folded label.</summary>
    public static string? Match(string key) => Match(key, 0, key.Length);

    /// <summary>
    /// The row code that a label names with words inside <c>[from, to)</c> of <paramref name="key"/>:
    /// a label joined with the lines around it must name its row with its own words, not with the
    /// next row's label that follows it.
    /// </summary>
    public static string? Match(string key, int from, int to)
    {
        if (key.Length == 0 || to <= from || IsReviewHeading(key)) return null;
        var best = int.MaxValue;
        string? found = null;
        for (var i = 0; i < key.Length; i++)
        {
            if (!ByFirstChar.TryGetValue(key[i], out var candidates)) continue;
            foreach (var (phrase, code, rank) in candidates)
            {
                if (rank < best && i + phrase.Length <= key.Length && i < to && i + phrase.Length > from
                    && string.CompareOrdinal(key, i, phrase, 0, phrase.Length) == 0)
                {
                    best = rank;
                    found = code;
                }
            }
        }

        if (found is not null) return found;
        if (to < key.Length) return null;

        // A numbering in figures, in Chinese or circled ("③其他", as OCR and conversion tools renumber) is no word of the label.
        var bare = key[0] is >= '0' and <= '9' or >= '①' and <= '⑳' || "一二三四五六七八九十".Contains(key[0]) ? LeadingNumbering().Replace(key, "") : key;
        if ((bare.EndsWith("总计", StringComparison.Ordinal) && bare.Length <= 6) || key.EndsWith("七总计", StringComparison.Ordinal)) return "total_processed";
        if (key.EndsWith("3其他", StringComparison.Ordinal)) return "other_other";

        // "3.其他" under 其他处理 (2021), numbered in any form ("（六）其他处理 | （三）其他"); a bare
        // "（六）其他处理" is the group (see GroupOnly).
        if (bare == "其他" || OtherUnderOtherProcessing(key)) return "other_other";
        return null;
    }

    private static readonly (string Label, string Group)[] GroupNames =
    [
        ("不予公开", "denied"),
        ("无法提供", "unavailable"),
        ("不予处理", "not_processed"),
        ("其他处理", "other"),
    ];

    // Table 四's column headings, which no label of table 三 holds: a line of them with numbers after it
    // ("结果纠正 |其他结果 |尚未审结 |总计 | |0 |- …", antiword's wrapped text of a .doc whose section 四 heading
    // it lost) is table 四, not "（七）总计". Looked for only when one of their rarer letters is there: Match is hot.
    private static readonly System.Buffers.SearchValues<char> ReviewLetters = System.Buffers.SearchValues.Create("维纠审");

    private static bool IsReviewHeading(string key) =>
        key.AsSpan().IndexOfAny(ReviewLetters) >= 0
        && (key.Contains("结果维持", StringComparison.Ordinal) || key.Contains("结果纠正", StringComparison.Ordinal) || key.Contains("尚未审结", StringComparison.Ordinal));

    /// <summary>
    /// The group a label names without any of its rows ("（六）其他处理"), or null: a group printed as
    /// one row (the 2019 form of 其他处理, or a table that leaves out a group's reasons).
    /// </summary>
    public static string? GroupOnly(string key)
    {
        foreach (var (label, group) in GroupNames)
        {
            if (key.EndsWith(label, StringComparison.Ordinal)) return group;
        }

        return null;
    }

    // What a printed label carries besides the row's own words: group headings above it and the
    // column headings of the table, which extraction glues to the first rows.
    private static readonly string[] Noise =
    [
        "三本年度办理结果", "本年度办理结果", "三不予公开", "四无法提供", "五不予处理", "六其他处理", "不予公开", "无法提供", "不予处理", "其他处理",
        "申请人情况", "法人或其他组织", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "总计",
    ];

    /// <summary>The folded label without its numbering, group headings and column headings.</summary>
    public static string Core(string key)
    {
        var text = key;
        foreach (var noise in Noise)
        {
            if (text.Length > noise.Length) text = text.Replace(noise, "", StringComparison.Ordinal);
        }

        return LeadingNumbering().Replace(text, "");
    }

    private static readonly Dictionary<string, string> TemplateCores = Warehouse.Core.DisposalCategories.All.ToDictionary(
        c => c.Code, c => LeadingNumbering().Replace(Text.TextKey.Of(c.Label), ""));

    /// <summary>True when the words of <paramref name="key"/> (a folded piece of a printed label) stand in the row's template label.</summary>
    public static bool HoldsWords(string code, string key) => Core(key) is { Length: > 0 } core && TemplateCores[code].Contains(core, StringComparison.Ordinal);

    /// <summary>
    /// How much of a row's template label a printed label holds in order, from 0 to 1: the longest
    /// common subsequence over the longer of the two. A dropped or misprinted character costs one.
    /// </summary>
    public static double Similarity(string code, string key)
    {
        var template = TemplateCores[code];
        var printed = Core(key);
        if (printed.Length == 0) return 0;
        return (double)Text.TextKey.CommonSubsequence(template, printed) / Math.Max(template.Length, printed.Length);
    }

    [GeneratedRegex(@"^(?:[一二三四五六七八九十]+|\d+|[①-⑳])+")]
    private static partial Regex LeadingNumbering();

    // "…其他处理其他", "…其他处理三其他", "…其他处理3其他", "…其他处理③其他": by hand, as Match runs for every piece of every label.
    private static bool OtherUnderOtherProcessing(string key)
    {
        if (!key.EndsWith("其他", StringComparison.Ordinal)) return false;
        var end = key.Length - 2;
        while (end > 0 && (char.IsAsciiDigit(key[end - 1]) || key[end - 1] is >= '①' and <= '⑳' || "一二三四五六七八九十".Contains(key[end - 1]))) end--;
        return key.AsSpan(0, end).EndsWith("其他处理", StringComparison.Ordinal);
    }
}
