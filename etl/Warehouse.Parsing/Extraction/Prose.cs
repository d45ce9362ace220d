using System.Globalization;
using System.Text.RegularExpressions;
using Warehouse.Core;

namespace Warehouse.Parsing.Extraction;

/// <summary>Figures stated in the prose of section 一 (总体情况).</summary>
internal static partial class Prose
{
    /// <summary>
    /// The items published in the year, only when stated as the year's total: "公开信息 1455 条，其中…",
    /// "共发布各类信息 184 条", "主动公开政府信息X条", "在政府网站平台主动发布各类政府信息 X 条",
    /// "全年累计主动公开政府信息X条（其中…）", "共公布政府信息X条", "主动公开各类信息数量为X条", "公开政府信息达X条",
    /// and the figure before its object: "全年共主动公开X条政府信息". The object must be government
    /// information as a whole (政府信息, 各类信息, 政务信息) or the clause must say it is a total;
    /// per-category counts ("主动公开相关信息2条", "财政信息5条"), one channel's figure ("政务微博发布信息300条"),
    /// the information given on application ("依申请公开政府信息12条") and vague ones ("近10条", "40余条", "1.2万条")
    /// are not. Counted in 件 or 篇, the object must name government information as a whole ("主动公开政府信息1455件").
    /// </summary>
    public static int? ItemsPublished(string sectionOne)
    {
        sectionOne = WithoutOtherPoints(sectionOne);
        foreach (var m in ItemsPattern().Matches(sectionOne).Concat(ItemsBeforeObjectPattern().Matches(sectionOne)).Concat(ItemsObjectFirstPattern().Matches(sectionOne)).OrderBy(m => m.Index))
        {
            if (!StatesYearsTotal(sectionOne, m)) continue;
            if (int.TryParse(m.Groups["n"].Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
        }

        return null;
    }

    /// <summary>
    /// The clause that states the items published with nothing where its figure stands ("全年主动公开我区各级单位政府信息
    /// 条，…", compacted), as <c>pdftotext -layout</c> leaves a browser's print whose figure, set in another font on another
    /// baseline, it moved to the end of the line; null when none. Where <see cref="ItemsPublished"/> finds no figure,
    /// such a clause makes the figure unknown, not unstated.
    /// </summary>
    public static string? ItemsFigureLost(string sectionOne)
    {
        sectionOne = WithoutOtherPoints(sectionOne);
        foreach (Match m in ItemsLostPattern().Matches(sectionOne))
        {
            if (StatesYearsTotal(sectionOne, m)) return sectionOne[(sectionOne.LastIndexOfAny(ClauseEnds, Math.Max(0, m.Index - 1)) + 1)..(m.Index + m.Length)].Trim();
        }

        return null;
    }

    /// <summary>
    /// Section 一 without its sub-points on other matters than active disclosure: the template's 总体情况 goes through
    /// （一）主动公开, （二）依申请公开, （三）政府信息管理, （四）平台建设 and （五）监督保障, and a figure under the last four
    /// counts something else ("（四）平台建设方面 … “上海国际服务门户”… 共发布各类信息 13528 条": one portal's). Each such
    /// sub-point runs from its heading to the next numbered sub-heading.
    /// </summary>
    internal static string WithoutOtherPoints(string sectionOne)
    {
        if (!sectionOne.Contains('（', StringComparison.Ordinal) && !sectionOne.Contains('(', StringComparison.Ordinal)) return sectionOne;
        var points = SubHeading().Matches(sectionOne);
        if (points.Count == 0) return sectionOne;
        var kept = new System.Text.StringBuilder(sectionOne.Length);
        var at = 0;
        for (var k = 0; k < points.Count; k++)
        {
            var end = k + 1 < points.Count ? points[k + 1].Index : sectionOne.Length;
            kept.Append(sectionOne, at, points[k].Index - at);
            if (!OtherPoint().IsMatch(points[k].Groups["name"].Value)) kept.Append(sectionOne, points[k].Index, end - points[k].Index);
            at = end;
        }

        return kept.Append(sectionOne, at, sectionOne.Length - at).ToString();
    }

    // A numbered sub-heading of section 一 at a line's or sentence's start, and the words after it ("（四）平台建设方面").
    [GeneratedRegex(@"(?<=^|\n|。|；)\s*[（(][一二三四五六七八九十][）)](?<name>[^，,。；;：:\n]{0,16})")]
    private static partial Regex SubHeading();

    // The template's sub-points of section 一 on other matters than active disclosure.
    [GeneratedRegex(@"^\s*(?:依申请|政府信息管理|信息管理|(?:政府信息公开|政务公开)?平台|监督|保障)")]
    private static partial Regex OtherPoint();

    // The object is government information as a whole, or the clause says the figure is a total; not one channel's,
    // and not information given on application ("依申请公开政府信息12条", "予以公开信息8条", "部分公开信息2条"): those
    // count answers to applications, which section 三 reports. Counted in 件 or 篇 ("主动公开政府信息1455件"), the object
    // must name government information as a whole: "发布政策解读信息45篇" counts one kind of article.
    private static bool StatesYearsTotal(string sectionOne, Match m)
    {
        var clauseStart = sectionOne.LastIndexOfAny(ClauseEnds, Math.Max(0, m.Index - 1)) + 1;
        var clause = sectionOne[clauseStart..(m.Index + m.Length)];
        var after = sectionOne.AsSpan(m.Index + m.Length);
        var qualifier = m.Groups["what"].Value;
        if (OnApplication().IsMatch(sectionOne.AsSpan(clauseStart, m.Index - clauseStart))) return false;
        if (m.Groups["unit"] is { Success: true, Value: not "条" }) return qualifier.Length > 0 && GenericObject().IsMatch(qualifier) && !Channel().IsMatch(clause);
        var totalWord = m.Groups["sum"].Success || TotalWord().IsMatch(clause) || after.StartsWith("，其中") || after.StartsWith("其中") || after.StartsWith(",其中") || after.StartsWith("（其中");
        var generic = qualifier.Length == 0 || GenericObject().IsMatch(qualifier);
        // A clause that names channels with the website, or as some of several ("通过政府网站、政务新媒体等渠道"), counts them all.
        var oneChannel = Channel().IsMatch(clause) && !SeveralChannels().IsMatch(clause);
        return totalWord || (generic && !oneChannel);
    }

    public static StatedFigures Stated(string sectionOne)
    {
        int? received = Number(Received().Match(sectionOne));
        if (received is null && NoneReceived().IsMatch(sectionOne)) received = 0;
        int? reviews = Number(Reviews().Match(sectionOne));
        int? lawsuits = Number(Lawsuits().Match(sectionOne));
        if (NoReviewOrLawsuit().Match(sectionOne) is { Success: true } none)
        {
            reviews ??= 0;
            if (none.Groups["lit"].Success) lawsuits ??= 0;
        }

        static DocumentCounts? Counts(int?[]? stated) => stated is null ? null : new DocumentCounts(stated[0], stated[1], stated[2]);
        return new StatedFigures(received, Number(Decided().Match(sectionOne)), reviews, lawsuits,
            Counts(StatedActive(sectionOne, "regulations")), Counts(StatedActive(sectionOne, "normative_documents")));
    }

    /// <summary>
    /// The counts that the prose states for a row of table 二 (规章 or 行政规范性文件), as
    /// [本年制发, 本年废止, 现行有效] with null where it states none: "本年度制发行政规范性文件62件",
    /// "废止规章3件", "现行有效规范性文件440件". A sum of two objects ("制定规章和规范性文件共15件") and a
    /// column stated twice with two figures are not used. Null when the prose states none.
    /// </summary>
    public static int?[]? StatedActive(string sectionOne, string item)
    {
        if (item is not ("regulations" or "normative_documents")) return null;
        var stated = new int?[3];
        var conflicted = new bool[3];
        foreach (Match m in ActiveCount().Matches(sectionOne))
        {
            var isRegulation = m.Groups["obj"].Value == "规章";
            if (isRegulation != (item == "regulations")) continue;
            var column = m.Groups["verb"].Value switch
            {
                "废止" or "废除" => 1,
                "现行有效" => 2,
                _ => 0,
            };
            var n = Number(m);
            if (stated[column] is { } before && before != n) conflicted[column] = true;
            stated[column] = n;
        }

        for (var k = 0; k < 3; k++)
        {
            if (conflicted[k]) stated[k] = null;
        }

        return stated.Any(v => v is not null) ? stated : null;
    }

    private static readonly char[] ClauseEnds = ['，', ',', '。', '；', ';', '！', '？', '\n'];

    private static int? Number(Match m) =>
        m.Success && int.TryParse(m.Groups["n"].Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    // "公开各类政府信息10407条", "发布信息数量为10407条", "公开政府信息达10407条". Not 篇: "发布政策解读信息45篇" counts
    // one kind of article. The verb is the last before the object: "在政府信息公开专栏公开信息1234条" counts 信息.
    [GeneratedRegex(@"(?:公开|发布|公布)(?<what>(?:(?!公开|发布|公布)[^，,：:。；;\n\d]){0,15}?)信息(?:（[^（）\n]{0,30}）\n?|\([^()\n]{0,30}\)\n?)?(?:(?<sum>共计|共|合计|累计|总计|总数为|总数达|总数|总量为|总量达|总量|数量为|数量共计|数量达到|数量达|数量|条数为|条数)|达到|达|为)?(?<n>\d{1,3}(?:,\d{3})+|\d+)(?<unit>条|件|篇)")]
    private static partial Regex ItemsPattern();

    // The figure before its object: "全年共主动公开10407条政府信息".
    [GeneratedRegex(@"(?:公开|发布|公布)了?(?<sum>共计|共|合计|累计|总计)?(?<n>\d{1,3}(?:,\d{3})+|\d+)(?<unit>条|件|篇)(?<what>[^，,：:。；;\n\d]{0,6}?)信息")]
    private static partial Regex ItemsBeforeObjectPattern();

    // The object before its verb: "政府信息主动公开1234条", "全年政府信息主动公开总数为1234条".
    [GeneratedRegex(@"(?<what>政府|政务)信息(?:主动)?(?:公开|发布|公布)了?(?:(?<sum>共计|共|合计|累计|总计|总数为|总数达|总数|总量为|总量达|总量|数量为|数量)|达到|达|为)?(?<n>\d{1,3}(?:,\d{3})+|\d+)(?<unit>条|件|篇)")]
    private static partial Regex ItemsObjectFirstPattern();

    // The same with nothing where the figure stands: "政府信息 条" (the prose is compacted, so "政府信息条"); not 条目, 条例.
    [GeneratedRegex(@"(?:公开|发布|公布)(?<what>[^，,：:。；;\n\d]{0,15}?)信息(?<sum>共计|共|合计|累计|总计)?条(?![目例款文])")]
    private static partial Regex ItemsLostPattern();

    // The object is government information as a whole: "(各类)政府信息", "各类信息", "政务信息", "我区各级单位政府信息".
    [GeneratedRegex(@"(?:政府|政务|各类|各项|全部)$")]
    private static partial Regex GenericObject();

    // Just before the verb: answers to applications ("依申请公开", "申请公开", "予以公开", "不予公开", "部分公开").
    [GeneratedRegex(@"(?:申请|予以?|部分|不)$")]
    private static partial Regex OnApplication();

    [GeneratedRegex(@"微博|微信|公众号|新媒体|抖音|头条号|视频号|客户端|APP")]
    private static partial Regex Channel();

    [GeneratedRegex(@"网站|门户|等(?:渠道|平台|载体|途径|方式)")]
    private static partial Regex SeveralChannels();

    [GeneratedRegex(@"共|累计|合计|总计|全年|总数")]
    private static partial Regex TotalWord();

    // A verb, at most ten characters that are not a number, a clause end or a conjunction, the object, then its count.
    [GeneratedRegex(@"(?<verb>制发|出台|印发|制定|废止|废除|现行有效)[^，,。；;：:\n\d和及与、]{0,10}?(?<obj>行政规范性文件|规范性文件|规章)(?:共计|共|合计)?(?<n>\d+)(?:件|个|份|部)")]
    private static partial Regex ActiveCount();

    [GeneratedRegex(@"(?:收到|受理|新收)[^，,。；;\n]{0,14}?申请(?:共计|共)?(?<n>\d+)(?:件|个|条)")]
    private static partial Regex Received();

    [GeneratedRegex(@"未(?:收到|受理)[^，,。；;\n]{0,20}?申请")]
    private static partial Regex NoneReceived();

    [GeneratedRegex(@"办结[^，,。；;\n\d]{0,8}?(?<n>\d+)(?:件|个|条)")]
    private static partial Regex Decided();

    [GeneratedRegex(@"行政复议(?:案件)?(?:共)?(?<n>\d+)(?:起|件)")]
    private static partial Regex Reviews();

    [GeneratedRegex(@"行政诉讼(?:案件)?(?:共)?(?<n>\d+)(?:起|件)")]
    private static partial Regex Lawsuits();

    [GeneratedRegex(@"(?:无|未发生|没有)(?:政府信息公开)?(?:类)?行政复议(?:案件)?(?<lit>(?:和|、|及|或)行政诉讼)?")]
    private static partial Regex NoReviewOrLawsuit();
}
