using Warehouse.Corpus;

namespace Warehouse.SamplePortal.Content;

/// <summary>
/// Spreads the corpus over the sites and fills each column: reports, about one notice in four
/// items, and, with redirect faults on, three redirecting items. Dates and order depend only on
/// the seed and the corpus.
/// </summary>
internal static class ColumnPlanner
{
    // None matches a report-title pattern such as 政府信息公开.{0,6}(年度报告|年报): these are the column's other articles.
    private static readonly string[] NoticeTitles =
    [
        "关于开展{y}年政务公开培训的通知",
        "{y}年政务公开工作要点",
        "关于{p}年度政务公开工作考核情况的通报",
        "{site}{p}年法治政府建设情况报告",
        "{p}年国民经济和社会发展统计公报",
        "关于印发《{y}年政务公开工作方案》的通知",
        "政府信息公开指南（{y}年修订）",
        "{site}{y}年政府工作报告",
        "{y}年度部门预算公开说明",
    ];

    public static IReadOnlyList<SitePlan> Plan(IReadOnlyList<CorpusReport> reports, int sites, bool redirects, int seed, Func<int, CmsStyle> styleOf)
    {
        var bySite = Enumerable.Range(0, sites).Select(_ => new List<CorpusReport>()).ToArray();
        foreach (var r in reports)
        {
            var site = SiteFor(r, sites, styleOf);
            if (site is { } s) bySite[s].Add(r);
        }

        var (first, last) = reports.Count == 0
            ? (new DateOnly(2021, 1, 5), new DateOnly(2025, 3, 31))
            : (reports.Min(r => PostedOf(r, seed)), reports.Max(r => PostedOf(r, seed)));
        return Enumerable.Range(0, sites).Select(i => PlanSite(i, bySite[i], first, last, redirects, seed, styleOf(i))).ToList();
    }

    /// <summary>
    /// Round robin by corpus index; an HTML page goes to the nearest site of its own style, since a
    /// TRS portal never serves a Hanweb page (both TRS templates serve TRS pages). Null when no site has the style (one site only).
    /// </summary>
    public static int? SiteFor(CorpusReport report, int sites, Func<int, CmsStyle> styleOf)
    {
        var home = report.Index % sites;
        CmsStyle? style = report.Layout switch
        {
            Layouts.HtmlTrs => CmsStyle.Trs,
            Layouts.HtmlHanwebGbk => CmsStyle.Hanweb,
            _ => null,
        };
        bool Fits(int site) => styleOf(site) == style || (style == CmsStyle.Trs && styleOf(site) == CmsStyle.TrsWcm);
        if (style is null || Fits(home)) return home;
        for (var d = 1; d < sites; d++)
        {
            if (home - d >= 0 && Fits(home - d)) return home - d;
            if (home + d < sites && Fits(home + d)) return home + d;
        }

        return null;
    }

    public static string ReportTitle(CorpusReport r) => $"{r.Agency}{r.Year}年政府信息公开工作年度报告";

    // Reports go up in the first quarter after their year; the TRS page states its own date.
    private static DateOnly PostedOf(CorpusReport r, int seed) =>
        r.Posted ?? new DateOnly(r.Year + 1, 1, 5).AddDays(StableDraw.Below($"{seed}/posted/{r.Index}", 80));

    private static SitePlan PlanSite(int site, List<CorpusReport> reports, DateOnly first, DateOnly last, bool redirects, int seed, CmsStyle style)
    {
        var (regionCode, name) = SiteNames.For(site);
        var drafts = new List<(ItemKind Kind, string Title, DateOnly Posted, CorpusReport? Report)>();
        foreach (var r in reports) drafts.Add((ItemKind.Report, ReportTitle(r), PostedOf(r, seed), r));

        var span = last.DayNumber - first.DayNumber + 1;
        var notices = Math.Max(1, reports.Count / 3);
        for (var n = 0; n < notices; n++)
        {
            var key = $"{seed}/{site}/notice/{n}";
            var posted = first.AddDays(StableDraw.Below(key + "/date", span));
            var title = NoticeTitles[StableDraw.Below(key + "/title", NoticeTitles.Length)]
                .Replace("{y}", posted.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Replace("{p}", (posted.Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Replace("{site}", name);
            drafts.Add((ItemKind.Notice, title, posted, null));
        }

        // The redirecting items are the newest, so the first list page already shows them.
        if (redirects)
        {
            drafts.Add((ItemKind.Loop, $"{name}2018年政府信息公开工作年度报告", last.AddDays(1), null));
            drafts.Add((ItemKind.GoToReport, "", last.AddDays(2), null));
            drafts.Add((ItemKind.GoOffHost, $"{name}2017年政府信息公开工作年度报告", last.AddDays(3), null));
        }

        var ordered = drafts
            .OrderBy(d => d.Posted).ThenBy(d => d.Kind).ThenBy(d => d.Report?.Index ?? 0).ThenBy(d => d.Title, StringComparer.Ordinal)
            .Select((d, seq) => new ColumnItem(d.Kind, d.Title, d.Posted, seq, StableDraw.Unit($"{seed}/{site}/jitter/{seq}"), d.Report))
            .ToList();

        // The /go item leads to the oldest report, listed pages away: a crawler must see both are one document.
        var oldest = ordered.FirstOrDefault(i => i.Kind == ItemKind.Report);
        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].Kind != ItemKind.GoToReport) continue;
            ordered[i] = oldest is null
                ? ordered[i] with { Kind = ItemKind.Loop, Title = $"{name}2016年政府信息公开工作年度报告" }
                : ordered[i] with { Title = oldest.Title, Target = oldest };
        }

        var trap = new ColumnItem(ItemKind.Notice, $"{name}{last.Year - 1}年政府信息公开工作年度报告（内部审核稿）", last, ordered.Count, 0.5);
        return new SitePlan(site, name, regionCode, style, ordered.OrderByDescending(i => i.Seq).ToList(), trap, seed);
    }
}
