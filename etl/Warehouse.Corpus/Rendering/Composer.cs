using System.Globalization;
using Warehouse.Core;

namespace Warehouse.Corpus.Rendering;

/// <summary>Writes a generated report as the template orders it: title, the six sections, their tables, the signature.</summary>
public static class Composer
{
    public static IReadOnlyList<Part> Compose(GeneratedReport g) => Compose(g, Quirks.None);

    /// <param name="quirks">The title's wording and table 三's labels and rows as this rendering prints them.</param>
    public static IReadOnlyList<Part> Compose(GeneratedReport g, Quirks quirks)
    {
        var r = g.Report;
        var rng = new Random(g.QuirkSeed);
        var year = quirks.YearZero is { } zero ? ChineseNumerals.Year(r.Year, zero)
            : quirks.TitleYearLetterZero ? r.Year.ToString(CultureInfo.InvariantCulture).Replace('0', 'O')
            : r.Year.ToString(CultureInfo.InvariantCulture);
        var parts = new List<Part>
        {
            new TitlePart(r.Agency, $"{year}{(rng.NextDouble() < 0.2 ? "年度" : "年")}{quirks.TitleWords}", r.Year) { Form = quirks.Title, YearText = year, Words = quirks.TitleWords },
            new ParagraphPart($"根据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（{(r.Template == Template.Template2019 ? "国办公开办函〔2019〕60号" : "国办公开办函〔2021〕30号")}）要求，编制本报告。本报告中所列数据的统计期限为{r.Year}年1月1日至{r.Year}年12月31日。"),
        };
        AddHeading(parts, quirks, 1);
        var prose = new ProseBank(g.QuirkSeed);
        parts.AddRange(SectionOne(g, prose).Select(p => new ParagraphPart(p)));
        AddHeading(parts, quirks, 2);
        parts.Add(new TablePart(Tables.Active(r)));
        AddHeading(parts, quirks, 3);
        parts.Add(new TablePart(Tables.Applications(r, quirks)));
        AddHeading(parts, quirks, 4);
        parts.Add(new TablePart(Tables.Review(r)));
        AddHeading(parts, quirks, 5);
        parts.Add(new ParagraphPart(prose.Problems()));
        AddHeading(parts, quirks, 6);
        parts.Add(new ParagraphPart($"本机关{r.Year}年度未收取信息处理费。"));
        if (r.Published is { } date)
        {
            parts.Add(new ClosingPart(r.Agency, quirks.YearZero is { } z ? ChineseNumerals.Date(date, z)
                : quirks.SignatureInFigures ? date.ToString(date.Day % 2 == 0 ? "yyyy-MM-dd" : "yyyy.M.d", CultureInfo.InvariantCulture)
                : date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)));
        }

        return parts;
    }

    // A heading the rendering leaves out (Quirks.Wordings) is no part at all.
    private static void AddHeading(List<Part> parts, Quirks quirks, int number)
    {
        if (quirks.Heading(number) is { Length: > 0 } heading) parts.Add(new HeadingPart(heading));
    }

    /// <summary>
    /// Section 一's paragraphs. A sixth of reports head its first two points on lines of their own in the words of
    /// sections 二 and 三's headings ("（一）主动公开政府信息情况", "1.收到和处理政府信息公开申请情况", "一是…"), as
    /// real reports do: a point is not the section it names. Chosen from the report's quirk seed, so that nothing
    /// else drawn changes.
    /// </summary>
    private static IEnumerable<string> SectionOne(GeneratedReport g, ProseBank prose)
    {
        var headed = g.QuirkSeed / 7 % 6 == 1;
        string[] numbering = (g.QuirkSeed / 42 % 3) switch { 0 => ["（一）", "（二）"], 1 => ["1.", "2."], _ => ["一是", "二是"] };
        foreach (var paragraph in SectionOneParagraphs(g, prose))
        {
            if (headed && paragraph.StartsWith("（一）主动公开情况。", StringComparison.Ordinal))
            {
                yield return numbering[0] + "主动公开政府信息情况";
                yield return paragraph["（一）主动公开情况。".Length..];
            }
            else if (headed && paragraph.StartsWith("（二）依申请公开情况。", StringComparison.Ordinal))
            {
                yield return numbering[1] + "收到和处理政府信息公开申请情况";
                yield return paragraph["（二）依申请公开情况。".Length..];
            }
            else
            {
                yield return paragraph;
            }
        }
    }

    private static IEnumerable<string> SectionOneParagraphs(GeneratedReport g, ProseBank prose)
    {
        var r = g.Report;
        var y = r.Year;
        var categories = string.Join("，", g.Categories.Select(c => $"{c.Name}{Count(c.Count)}条"));
        yield return g.Items switch
        {
            ItemsStatement.Total when g.QuirkSeed % 2 == 0 => $"（一）主动公开情况。{y}年，本机关公开信息 {Count(g.ItemsFigure)} 条，其中{categories}。主动公开的政府信息未涉及国家秘密、商业秘密和个人隐私。",
            // The figure before its object, or after 数量为 or 达: a fourth each of the other half.
            ItemsStatement.Total when g.QuirkSeed / 2 % 4 == 1 => $"（一）主动公开情况。{y}年，全年共主动公开{Count(g.ItemsFigure)}条政府信息，及时回应公众关注热点。",
            // 数量为, 数量达 or 总量为, a third each.
            ItemsStatement.Total when g.QuirkSeed / 2 % 4 == 2 => $"（一）主动公开情况。{y}年，本机关主动公开各类信息{(g.QuirkSeed / 16 % 3) switch { 0 => "数量为", 1 => "数量达", _ => "总量为" }}{Count(g.ItemsFigure)}条，及时回应公众关注热点。",
            // 达, or what the figure holds set in brackets before it, a half each.
            ItemsStatement.Total when g.QuirkSeed / 2 % 4 == 3 && g.QuirkSeed / 8 % 2 == 0 => $"（一）主动公开情况。{y}年，本机关主动公开政府信息{(g.QuirkSeed / 16 % 2 == 0 ? "达" : "（含政策文件、工作动态等）")}{Count(g.ItemsFigure)}条，及时回应公众关注热点。",
            // Counted in 件, as some offices count every item a document.
            ItemsStatement.Total when g.QuirkSeed / 2 % 4 == 3 => $"（一）主动公开情况。{y}年，本机关在政府网站主动公开政府信息{Count(g.ItemsFigure)}件，及时回应公众关注热点。",
            // The object before its verb; channels named as some of several; the verb after a place named for it: a fourth each.
            ItemsStatement.Total when g.QuirkSeed / 16 % 4 == 1 => $"（一）主动公开情况。{y}年，全年政府信息主动公开总数为{Count(g.ItemsFigure)}条，及时回应公众关注热点。",
            ItemsStatement.Total when g.QuirkSeed / 16 % 4 == 2 => $"（一）主动公开情况。{y}年，通过政府网站、政务新媒体等渠道主动公开政府信息{Count(g.ItemsFigure)}条，及时回应公众关注热点。",
            ItemsStatement.Total when g.QuirkSeed / 16 % 4 == 3 => $"（一）主动公开情况。{y}年，本机关在政府信息公开专栏公开信息{Count(g.ItemsFigure)}条，及时回应公众关注热点。",
            ItemsStatement.Total => $"（一）主动公开情况。{y}年通过门户网站、微信公众号共发布各类信息 {Count(g.ItemsFigure)} 条，及时回应公众关注热点。",
            ItemsStatement.PerCategory => "（一）主动公开情况。" + string.Join("", g.Categories.Select(c => $"主动公开{c.Name}，{y}年，我局主动公开相关信息{c.Count}条。")),
            // Seed 001: "各类政府信息近10条"; other portals write "40余条". Neither is the year's total.
            _ when g.QuirkSeed / 2 % 2 == 0 => $"（一）主动公开情况。{y}年以来，依托政府网站主动公开机构职能、政策文件等各类政府信息近{g.ItemsFigure}条。",
            _ => $"（一）主动公开情况。{y}年，本机关通过政府网站发布工作动态、通知公告等政务信息{g.ItemsFigure}余条。",
        };

        var received = r.Applications.Total("new_received") ?? 0;
        var decided = r.Applications.Total("total_processed") ?? 0;
        yield return received == 0
            ? $"（二）依申请公开情况。{y}年，本机关未收到政府信息公开申请。"
            : g.QuirkSeed / 2 % 3 == 1 && r.Applications.Total("granted") is > 0 and var granted
                // The information given on application, counted in 条 as the items published are: no total of those.
                ? $"（二）依申请公开情况。{y}年，本机关收到政府信息公开申请{received}件，办结{decided}件，依申请公开政府信息{granted}条，均在法定期限内答复。"
                : $"（二）依申请公开情况。{y}年，本机关收到政府信息公开申请{received}件，办结{decided}件，均在法定期限内答复。";
        var reviews = r.ReviewLitigation.Review[ReviewLitigation.TotalIndex] ?? 0;
        if (reviews > 0) yield return $"全年因政府信息公开被申请行政复议{reviews}起。";

        var issued = StatedActive(g, "normative_documents")?[0];
        yield return $"（三）政府信息管理情况。{(issued is null ? "" : $"本年度制发行政规范性文件{issued}件，均按规定公开。")}{prose.Management()}";
        // A third of reports give one portal's count under 平台建设 (real: 上海市人民政府办公厅 2025, "“上海国际服务门户”… 共发布
        // 各类信息 13528 条"): a total of that portal's, never the year's items published.
        var portal = g.QuirkSeed / 64 % 3 == 1 ? $"政府门户网站全年共发布各类信息{Count((g.ItemsFigure * 3) + 17)}条，总浏览量{g.ItemsFigure % 90 + 10}万次。" : "";
        yield return $"（四）政府信息公开平台建设情况。{portal}{prose.Platforms()}";
        yield return $"（五）监督保障情况。{prose.Oversight()}本年度未发生因政务公开工作引起的责任追究情况。";
    }

    /// <summary>
    /// The counts that section 一 states for a row of table 二, as [本年制发, 本年废止, 现行有效] with null
    /// where it states none, or null when it states none: a fifth of 2021-template reports say how many
    /// normative documents they issued ("本年度制发行政规范性文件62件"), as real reports do.
    /// </summary>
    public static int?[]? StatedActive(GeneratedReport g, string item) =>
        item == "normative_documents" && g.Report.Template == Template.Template2021 && g.QuirkSeed % 5 == 3
            && g.Report.ActiveDisclosure.NormativeDocuments.Issued is { } n
            ? [n, null, null]
            : null;

    private static string Count(int n) => n.ToString(n >= 1000 && n % 3 == 0 ? "N0" : "0", CultureInfo.InvariantCulture);
}
