using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Warehouse.Parsing.Documents;

namespace Warehouse.Parsing.Html;

/// <summary>
/// Reads a portal article page. CMSs wrap the article in layout tables, so only tables that
/// hold no other table are read as data; labels split by &lt;br&gt; or &lt;p&gt; inside a
/// cell are joined again.
/// </summary>
public static partial class HtmlLayout
{
    [System.Text.RegularExpressions.GeneratedRegex(@"\s+")]
    private static partial System.Text.RegularExpressions.Regex WhiteSpace();

    public const string Layout = "html";

    private static readonly HashSet<string> BlockTags =
        ["P", "DIV", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "SECTION", "ARTICLE", "BLOCKQUOTE", "PRE", "HEADER", "FOOTER", "CENTER", "DD", "DT"];

    private static readonly HashSet<string> Skipped = ["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "HEAD", "TITLE", "SELECT", "OPTION", "IFRAME"];

    public static ReportDocument Read(string html)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using var document = parser.ParseDocument(html);
        var blocks = new List<Block>();
        if (document.Body is { } body) Walk(body, blocks);
        return new ReportDocument(blocks, Layout, Titles(document));
    }

    // A portal states the article's title in meta tags and in <title> (with the column and site
    // appended: "X2024年度政府信息公开工作年度报告_政府信息公开年报_X党工委管委会").
    private static List<string> Titles(AngleSharp.Html.Dom.IHtmlDocument document)
    {
        var titles = new List<string>();
        foreach (var name in new[] { "ArticleTitle", "articletitle", "title", "Title" })
        {
            if (document.QuerySelector($"meta[name='{name}']")?.GetAttribute("content") is { Length: > 0 } content) titles.Add(Collapse(content));
        }

        if (document.QuerySelector("meta[property='og:title']")?.GetAttribute("content") is { Length: > 0 } og) titles.Add(Collapse(og));
        if (document.Title is { Length: > 0 } title) titles.Add(Collapse(title));
        return titles.Distinct().ToList();
    }

    private static string Collapse(string text) => WhiteSpace().Replace(text, " ").Trim();

    private static void Walk(INode node, List<Block> blocks)
    {
        var line = new System.Text.StringBuilder();

        void FlushLine()
        {
            var text = Collapse(line.ToString());
            if (text.Length > 0) blocks.Add(new Paragraph(text));
            line.Clear();
        }

        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    line.Append(text.Data);
                    break;
                case IElement element when Skipped.Contains(element.TagName):
                    break;
                case IElement { TagName: "BR" }:
                    FlushLine();
                    break;
                case IElement { TagName: "TABLE" } table:
                    FlushLine();
                    ReadTable(table, blocks);
                    break;
                case IElement element when BlockTags.Contains(element.TagName):
                    FlushLine();
                    Walk(element, blocks);
                    break;
                case IElement element when element.QuerySelector("table, p, div, br") is not null:
                    FlushLine();
                    Walk(element, blocks);
                    break;
                case IElement element:
                    line.Append(element.TextContent);
                    break;
            }
        }

        FlushLine();
    }

    private static void ReadTable(IElement table, List<Block> blocks)
    {
        foreach (var row in Rows(table))
        {
            var cells = row.Children.Where(c => c.TagName is "TD" or "TH").ToList();
            if (cells.Any(c => c.QuerySelector("table") is not null))
            {
                // A layout table: its cells hold the article, read them as a page of their own.
                foreach (var cell in cells) Walk(cell, blocks);
                continue;
            }

            if (cells.Count > 0) blocks.Add(new TableRow(cells.Select(CellText).ToList()));
        }
    }

    private static IEnumerable<IElement> Rows(IElement table)
    {
        foreach (var child in table.Children)
        {
            if (child.TagName == "TR") yield return child;
            else if (child.TagName is "TBODY" or "THEAD" or "TFOOT")
            {
                foreach (var row in child.Children.Where(r => r.TagName == "TR")) yield return row;
            }
        }
    }

    private static string CellText(IElement cell) =>
        string.Concat(cell.TextContent.Where(ch => !char.IsWhiteSpace(ch) || ch == ' ')).Replace('\u00a0', ' ').Trim();
}
