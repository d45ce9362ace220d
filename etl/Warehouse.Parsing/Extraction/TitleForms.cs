using System.Globalization;
using System.Text.RegularExpressions;
using Warehouse.Parsing.Text;

namespace Warehouse.Parsing.Extraction;

/// <summary>
/// The forms a report's title takes, found anywhere in a line:
/// "X2023年政府信息公开工作年度报告", "X 2023年度政府信息公开工作年度报告" (a space, ASCII or 　),
/// "X关于2023年度政府信息公开工作的年度报告", "2023年X政府信息公开工作年度报告" (year first),
/// "X政府信息公开工作年度报告（2023年）", "X（2023年）政府信息公开工作年度报告", "X政府信息公开工作2023年度报告" (year after the report's words), "关于X2023年
/// 政府信息公开工作情况的报告", "【X】2023年…" (agency set off by brackets, a colon or a dash), "X关于公布2023年…年度报告的公告",
/// and without agency or year ("2023年政府信息公开工作年度报告"
/// under the agency's name; "X政府信息公开工作年度报告" with the year left to the statistics period).
/// A portal's &lt;title&gt; appends its column and site after "_"; a breadcrumb ("首页 > 政务公开 >")
/// or a byline may precede the title on its line.
/// </summary>
internal static partial class TitleForms
{
    private const string Agency = @"[\p{IsCJKUnifiedIdeographs}（）()·“”〈〉A-Za-z]{2,40}?";
    // A year in Chinese numerals has its zero typed every way: 〇, 零, ○, a Latin O or o, the digit 0
    // ("二O二三年", "二0二三年").
    // A year in digits may have a zero misread or typed as a letter ("2O23", "2o24").
    internal const string Year = @"(?:19|20)\d{2}|2[0Oo][0-9Oo]{2}(?<=[Oo].{0,3})|(?=[〇零○ＯOo0０]*[一二三四五六七八九])[〇零○ＯOo0０一二三四五六七八九]{4}";
    // The words of a report: 政府信息公开 (or 政府信息主动公开), 政务公开, or both joined ("政府信息与政务公开", "政务公开和政府信息公开").
    private const string Report = @"(?:(?:政府\s*信息\s*(?:公开)?|政务\s*公开)\s*[与和及、]\s*)?(?:(?:政府|政务)?\s*信息\s*(?:主动\s*)?公开|政务\s*公开)\s*(?:工作)?\s*(?:情况)?\s*(?:的)?\s*(?:年度)?\s*(?:工作)?\s*(?:报告|年报)";

    // Words of a breadcrumb or a column name that stand before the title on a crawled line.
    private static readonly string[] Breadcrumb = ["当前位置", "您的位置", "首页", "年报", "专栏", "栏目", "标题", "正文", "题名"];

    private static readonly string[] Generic = ["本机关", "本单位", "我局", "我区", "我县", "我市", "我委", "我办", "本局", "本委", "本级", "全区", "全县", "全市", "政府", "政务", "人民政府", "本级政府", "年度", "工作"];

    public static ExtractedTitle? Match(string text)
    {
        if (!text.Contains("报告", StringComparison.Ordinal) && !text.Contains("年报", StringComparison.Ordinal)) return null;
        var line = text.Any(c => c is >= '\uFF01' and <= '\uFF5E' or '\u3000' or >= '\u2E80' and <= '\u2FDF' or >= '\uF900' and <= '\uFAFF') ? text.Normalize(System.Text.NormalizationForm.FormKC) : text;
        if (!NamesAReport(line) && !ReportWordsThenYear().Matches(line).Any(m => !CitesANotice(line, m))) return null;
        foreach (var (regex, form) in Forms)
        {
            for (var m = regex.Match(line); m.Success; m = m.NextMatch())
            {
                if (CitesANotice(line, m)) continue;
                var year = m.Groups["year"].Success ? ReadYear(m.Groups["year"].Value) : null;
                var agency = m.Groups["agency"].Success ? Clean(m.Groups["agency"].Value) : null;
                if (year is not null and (< 1990 or > 2100)) continue;
                if (form == Form.YearOnly) return new ExtractedTitle(null, year);
                if (agency is null) continue;
                if (form == Form.AgencyOnly) return new ExtractedTitle(agency, null);
                return new ExtractedTitle(agency, year);
            }
        }

        return null;
    }

    private enum Form
    {
        Full,
        YearOnly,
        AgencyOnly,
    }

    private static readonly (Regex Regex, Form Form)[] Forms =
    [
        (AgencyThenYear(), Form.Full),
        (AgencyThenBracketedYear(), Form.Full),
        (AgencyReportYear(), Form.Full),
        (YearThenAgency(), Form.Full),
        (AgencyThenYearInBrackets(), Form.Full),
        (YearAlone(), Form.YearOnly),
        (AgencyAlone(), Form.AgencyOnly),
    ];

    // Every form ends in the words of a report (Report), and every form but the bracketed one
    // is refused when those words cite a notice. The boilerplate opening of nearly every report
    // ("根据《…关于印发〈…政府信息公开工作年度报告格式〉的通知》…编制本报告") names a report only
    // in a citation: one scan for the report's words settles it, where the five forms would each try
    // up to 40 characters of agency at every position of the paragraph (about 70 µs a report).
    private static bool NamesAReport(string line)
    {
        for (var m = ReportWords().Match(line); m.Success; m = m.NextMatch())
        {
            if (!CitesANotice(line, m)) return true;
            var after = line.AsSpan(m.Index + m.Length).TrimStart();
            if (after.Length > 0 && after[0] is '（' or '(') return true;
        }

        return false;
    }

    // "根据《XX省人民政府办公厅关于编制公布2021年政府信息公开工作年度报告有关事项的通知》": a notice, not the title.
    private static bool CitesANotice(string line, Match m)
    {
        var after = line.AsSpan(m.Index + m.Length, Math.Min(8, line.Length - m.Index - m.Length));
        if (IssuesTheReport(line, m)) return false;
        return after.Contains("有关", StringComparison.Ordinal) || after.Contains("事项", StringComparison.Ordinal) || after.Contains("通知", StringComparison.Ordinal)
            || after.Contains("格式", StringComparison.Ordinal) || after.Contains("编制", StringComparison.Ordinal);
    }

    /// <summary>
    /// Whether the line is the title of a notice that issues the report: "赣县区商务局关于印发2023年政府信息公开工作年度报告的通知",
    /// the report's words then "的通知" and nothing more, a verb of issuing after 关于, and no book-title mark open before
    /// them (a preamble cites "《…关于公布2023年…年度报告的通知》"), nor 根据, 按照 or 依据 opening the line.
    /// </summary>
    private static bool IssuesTheReport(string line, Match m)
    {
        if (line.AsSpan(m.Index + m.Length).Trim() is not "的通知") return false;
        // The match may hold the agency and the verb (a title form) or the report's words alone (ReportWords).
        var before = line.AsSpan(0, m.Index + m.Length);
        if (before.TrimStart() is var start && (start.StartsWith("根据", StringComparison.Ordinal) || start.StartsWith("按照", StringComparison.Ordinal) || start.StartsWith("依据", StringComparison.Ordinal))) return false;
        if (before.LastIndexOfAny('《', '〈') > before.LastIndexOfAny('》', '〉')) return false;
        foreach (var verb in IssuingVerbs)
        {
            if (before.Contains("关于" + verb, StringComparison.Ordinal)) return true;
        }

        return false;
    }

    // What a page or notice that issues the report says it does: "关于印发…", "关于公布…".
    private static readonly string[] IssuingVerbs = ["印发", "公布", "发布", "公开"];

    private static string? Clean(string raw)
    {
        var s = TextKey.Compact(raw);
        foreach (var word in Breadcrumb)
        {
            var at = s.LastIndexOf(word, StringComparison.Ordinal);
            if (at >= 0 && at + word.Length < s.Length - 1) s = s[(at + word.Length)..];
        }

        s = s.Trim('#', '*', '“', '”', '"', '《', '》', '【', '】', '（', '(', '·', '：', ':', '-', '—', '–');
        // No name opens with a closing bracket: it closes a year ("（2023年）政府…" read from its year on).
        s = s.TrimStart('）', ')');
        // "X关于公布2023年…年度报告的公告", "X关于印发2023年…年度报告的通知": the page or notice that issues the report names
        // X; "X办公室关于印发Y2023年…" names Y, the agency reported on (a cited notice is refused before this, CitesANotice).
        foreach (var verb in IssuingVerbs)
        {
            var at = s.IndexOf("关于" + verb, StringComparison.Ordinal);
            if (at < 0) continue;
            var reported = s[(at + 2 + verb.Length)..];
            s = reported.Length >= 2 ? reported : s[..(at + 2)];
        }

        if (s.EndsWith("关于", StringComparison.Ordinal)) s = s[..^2];
        // "关于赣县区商务局2023年政府信息公开工作情况的报告": the agency reported on follows 关于.
        if (s.StartsWith("关于", StringComparison.Ordinal)) s = s[2..];
        if (s.EndsWith('的')) s = s[..^1];
        // "年上海市人民政府办公厅政府信息公开工作年度报告": a title whose year a reader set apart from it (plain pdftotext of
        // Chromium's print of a bold title puts "2019" at the page's foot). What follows 年 (or 年度) is the agency when it
        // names a place and an office; the year is left to the statistics period.
        if (s.Length >= 6 && s[0] == '年' && (s.StartsWith("年度", StringComparison.Ordinal) ? s[2..] : s[1..]) is var rest
            && rest.AsSpan().IndexOfAny(PlaceEnds) is >= 1 and <= 12 && OfficeEnd().IsMatch(rest)) s = rest;
        // "洪泽区人民政府信息公开工作年度报告" writes 政府 once for two words.
        if (s.EndsWith("人民", StringComparison.Ordinal)) s += "政府";
        // "首页 > 政务公开 > 政府信息公开年报": a breadcrumb's column, not an agency; no agency's name ends in 公开.
        // Nor does one start with 年 or 度: those end a year the form did not read ("2O23年政府…"). Nor end with 年: its year
        // stands elsewhere ("拉萨市生态环境局      年政府信息…" over "2023", pdftotext's layout of a title set in two fonts).
        if (s.Length is < 2 or > 40 || s[0] is '年' or '度' || s[^1] == '年' || s.EndsWith('和') || s.EndsWith('与') || Generic.Contains(s) || s.EndsWith("公开", StringComparison.Ordinal) || s.Contains("信息公开", StringComparison.Ordinal) || s.Contains("报告", StringComparison.Ordinal) || s.Contains("关于", StringComparison.Ordinal)) return null;
        return s;
    }

    /// <summary>A year matched by <see cref="Year"/>: digits, or Chinese numerals digit by digit with any zero; null when neither.</summary>
    internal static int? ReadYear(string s)
    {
        if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
        const string digits = "〇一二三四五六七八九";
        var v = 0;
        foreach (var ch in s)
        {
            var k = ch is '零' or '○' or 'Ｏ' or 'O' or 'o' or '0' or '０' ? 0 : char.IsAsciiDigit(ch) ? ch - '0' : digits.IndexOf(ch);
            if (k < 0) return null;
            v = (v * 10) + k;
        }

        return v;
    }

    // The agency may be set off from the year: "【赣县区商务局】2023年…", "赣县区商务局：2023年…", "赣县区商务局——2023年…".
    // The year may lack its 年 before the report's words: "赣县区商务局2023政府信息公开工作年度报告".
    [GeneratedRegex(@"(?<agency>" + Agency + @")\s*(?:[】\]：:\-—–]{1,2}\s*)?(?:关于)?\s*(?<year>" + Year + @")\s*(?:年\s*度?|(?=\s*(?:政府|政务)))\s*(?:的)?\s*" + Report)]
    private static partial Regex AgencyThenYear();

    // The year in brackets between the agency and the report's words: "赣县区商务局（2023年）政府信息公开工作年度报告".
    [GeneratedRegex(@"(?<agency>" + Agency + @")\s*[（(【\[]\s*(?<year>" + Year + @")\s*年?\s*度?\s*[)）】\]]\s*(?:的)?\s*" + Report)]
    private static partial Regex AgencyThenBracketedYear();

    // The year after the report's words: "赣县区商务局政府信息公开工作2023年度报告".
    [GeneratedRegex(@"(?<agency>" + Agency + @")\s*(?:政府\s*信息\s*公开|政务\s*公开)\s*(?:工作)?\s*(?<year>" + Year + @")\s*年\s*度?\s*(?:工作)?\s*(?:报告|年报)")]
    private static partial Regex AgencyReportYear();

    [GeneratedRegex(@"(?<![\p{IsCJKUnifiedIdeographs}])(?<year>" + Year + @")\s*年\s*度?\s*(?<agency>" + Agency + @")\s*(?:的)?\s*" + Report)]
    private static partial Regex YearThenAgency();

    [GeneratedRegex(@"(?<agency>" + Agency + @")\s*" + Report + @"\s*[（(]\s*(?<year>" + Year + @")\s*年\s*度?\s*[)）]")]
    private static partial Regex AgencyThenYearInBrackets();

    [GeneratedRegex(@"(?<year>" + Year + @")\s*年\s*度?\s*(?:的)?\s*" + Report)]
    private static partial Regex YearAlone();

    [GeneratedRegex(@"(?<agency>" + Agency + @")\s*" + Report)]
    private static partial Regex AgencyAlone();

    [GeneratedRegex(Report)]
    private static partial Regex ReportWords();

    // The characters a place's name ends in.
    private static readonly System.Buffers.SearchValues<char> PlaceEnds = System.Buffers.SearchValues.Create("省市县区州旗盟镇乡");

    // The words an office's name ends in.
    [GeneratedRegex(@"(?:局|委员会|委|办公室|办|政府|中心|厅|院|署|馆|站|处|队|所|街道办事处|街道|镇|乡|管委会|管理委员会)$")]
    private static partial Regex OfficeEnd();

    [GeneratedRegex(@"(?:政府\s*信息\s*公开|政务\s*公开)\s*(?:工作)?\s*(?:" + Year + @")\s*年\s*度?\s*(?:工作)?\s*(?:报告|年报)")]
    private static partial Regex ReportWordsThenYear();
}

/// <summary>What a title names: the agency and the year reported on, either possibly missing.</summary>
internal sealed record ExtractedTitle(string? Agency, int? Year);
