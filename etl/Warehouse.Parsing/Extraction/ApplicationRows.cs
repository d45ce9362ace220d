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
    ];

    // Phrases by their first character: a label is scanned once instead of once per phrase.
    private static readonly Dictionary<char, (string Phrase, string Code, int Rank)[]> ByFirstChar =
        Phrases.Select((p, rank) => (p.Phrase, p.Code, Rank: rank)).GroupBy(p => p.Phrase[0]).ToDictionary(g => g.Key, g => g.ToArray());

    /// <summary>The row code a label names, or null. <paramref name="key"/> is the folded label.</summary>
    public static string? Match(string key)
    {
        if (key.Length == 0) return null;
        var best = int.MaxValue;
        string? found = null;
        for (var i = 0; i < key.Length; i++)
        {
            if (!ByFirstChar.TryGetValue(key[i], out var candidates)) continue;
            foreach (var (phrase, code, rank) in candidates)
            {
                if (rank < best && string.CompareOrdinal(key, i, phrase, 0, phrase.Length) == 0 && i + phrase.Length <= key.Length)
                {
                    best = rank;
                    found = code;
                }
            }
        }

        if (found is not null) return found;

        var bare = LeadingNumbering().Replace(key, "");
        if (bare.EndsWith("总计", StringComparison.Ordinal) && bare.Length <= 6) return "total_processed";

        // "3.其他" under 其他处理 (2021), or the single 其他处理 row of the 2019 template.
        if (bare == "其他" || bare.EndsWith("其他处理", StringComparison.Ordinal) || bare.EndsWith("其他处理其他", StringComparison.Ordinal)) return "other_other";
        return null;
    }

    [GeneratedRegex(@"^(?:[一二三四五六七八九十]+|\d+)+")]
    private static partial Regex LeadingNumbering();
}
