using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Warehouse.Parsing;

namespace Warehouse.Crawl.Crawling;

/// <summary>
/// What a portal says about an article: its title and the date it published it (发布时间), which
/// judges lateness before the date the report is signed (docs/crawler.md, "Intake").
/// </summary>
/// <param name="Title">The article's title; null when neither the page nor its link gives one.</param>
/// <param name="Published">The day the portal published the article (Beijing date as written); null when nothing says it.</param>
public sealed partial record ArticleMeta(string? Title, DateOnly? Published)
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    private static readonly string[] TitleMetaNames = ["ArticleTitle", "title"];

    /// <summary>
    /// Reads an article page, in this order of preference: for the date, a <c>&lt;meta name="PubDate"&gt;</c>
    /// (or its TRS and Hanweb variants, any case), then a byline in the page (<c>发布时间：</c>,
    /// <c>发布日期：</c>, then <c>时间：</c>), then <paramref name="listDate"/>; for the title, an
    /// <c>ArticleTitle</c> meta, then <paramref name="linkTitle"/>, then <c>&lt;title&gt;</c> up to the
    /// column and site the portal appends after <c>_</c>.
    /// </summary>
    /// <param name="html">The page's text, decoded.</param>
    /// <param name="linkTitle">The title of the link that led to the page (<c>crawl_url.title</c>), or null.</param>
    /// <param name="listDate">The date the list page showed beside that link, or null.</param>
    public static ArticleMeta Read(string html, string? linkTitle, DateOnly? listDate)
    {
        using var document = Parser.ParseDocument(html);
        var metas = document.QuerySelectorAll("meta[name][content]");
        var published = PageDates.MetaNames.Select(n => DateIn(Content(metas, n))).FirstOrDefault(d => d is not null)
            ?? Byline(document.Body?.TextContent ?? "")
            ?? listDate;
        var title = TitleMetaNames.Select(n => Blank(Content(metas, n))).FirstOrDefault(t => t is not null)
            ?? Blank(linkTitle)
            ?? HeadTitle(document.Title);
        return new ArticleMeta(Collapse(title), published);
    }

    /// <summary>The first date in the text (<c>2025-03-10</c>, <c>2025/3/10</c>, <c>2025年3月10日</c>), if it is a real day.</summary>
    public static DateOnly? DateIn(string? text) => PageDates.Day(text);

    // 发布时间 and 发布日期 before a bare 时间：, which may also head other lines (统计时间).
    private static DateOnly? Byline(string text) =>
        PageDates.Byline(text)
        ?? DateIn(TimeByline().Match(text) is { Success: true } t ? t.Value : null);

    private static string? Content(IHtmlCollection<IElement> metas, string name) =>
        metas.FirstOrDefault(m => string.Equals(m.GetAttribute("name"), name, StringComparison.OrdinalIgnoreCase))?.GetAttribute("content");

    // "X2024年度政府信息公开工作年度报告_政府信息公开年报_X党工委管委会": the article's title is the first part.
    private static string? HeadTitle(string? title) => Blank(title?.Split('_')[0]);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static string? Collapse(string? text) => text is null ? null : Spaces().Replace(text, " ").Trim();

    [GeneratedRegex(@"时间\s*[:：]\s*(19|20)\d\d[^\n]{0,20}")]
    private static partial Regex TimeByline();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
