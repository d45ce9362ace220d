using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Warehouse.Parsing.Documents;

namespace Warehouse.Parsing.Html;

/// <summary>
/// Reads a portal article page. CMSs wrap the article in layout tables, so only tables that
/// hold no other table are read as data; labels split by &lt;br&gt; or &lt;p&gt; inside a
/// cell are joined again.
/// </summary>
public static class HtmlLayout
{
    public const string Layout = "html";

    private static readonly HashSet<string> BlockTags =
        ["P", "DIV", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "SECTION", "ARTICLE", "BLOCKQUOTE", "PRE", "HEADER", "FOOTER", "CENTER", "DD", "DT"];

    private static readonly HashSet<string> Skipped = ["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "HEAD", "TITLE", "SELECT", "OPTION", "IFRAME"];

    // Local names of elements that break an inline element's text into lines, matched without
    // case as a CSS type selector matches them.
    private static readonly HashSet<string> Breaks = new(["table", "p", "div", "br"], StringComparer.OrdinalIgnoreCase);

    private static readonly string[] TitleMetaNames = ["ArticleTitle", "articletitle", "title", "Title"];

    public static ReportDocument Read(string html)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        // OCR markdown whose tables MinerU wraps as "<html><body><table>…" reads as a page: its inline formulas too.
        using var document = parser.ParseDocument(Text.PlainTextLayout.WithoutTagsInPipeRows(Text.InlineMath.Apply(Text.PlainTextLayout.WithLineFeeds(html))));
        var blocks = new List<Block>();
        if (document.Body is { } body) Walk(body, blocks);
        // A page whose article a script writes (a front-end framework's portal, saved by a crawler that runs no script):
        // the article's HTML from the script, read after what the page itself shows.
        if (!blocks.Exists(b => b is TableRow) && ScriptContent.Article(document) is { } article)
        {
            using var written = parser.ParseDocument(article);
            if (written.Body is { } shown) Walk(shown, blocks);
        }

        // The meta tags are gathered once for the title and the date: each walk of the page costs.
        var metas = document.QuerySelectorAll("meta");
        return new ReportDocument(blocks, Layout, Titles(document, metas)) { PageDate = PageDate(metas) };
    }

    /// <summary>
    /// The text of a page whose body is preformatted text and no table: what <c>pdftotext -htmlmeta -layout</c> writes (the
    /// laid-out text in one &lt;pre&gt;), or a portal that posts a report as preformatted text. Its lines and runs of
    /// spaces are its table's columns, which a page's whitespace rules would collapse: it is read as text laid out by
    /// columns. Null when the page has a table, or its &lt;pre&gt; elements hold less than nine tenths of its body's text.
    /// </summary>
    public static string? PreformattedText(string html)
    {
        if (html.IndexOf("<pre", StringComparison.OrdinalIgnoreCase) < 0) return null;
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using var document = parser.ParseDocument(html);
        if (document.Body is not { } body || body.QuerySelector("table") is not null) return null;
        var pres = body.QuerySelectorAll("pre").Where(p => p.ParentElement?.Closest("pre") is null).ToList();
        var text = string.Join("\n", pres.Select(p => p.TextContent));
        var all = body.TextContent.Count(c => !char.IsWhiteSpace(c));
        return all > 0 && text.Count(c => !char.IsWhiteSpace(c)) * 10 >= all * 9 ? text : null;
    }

    private static DateOnly? PageDate(IHtmlCollection<IElement> metas)
    {
        foreach (var name in PageDates.MetaNames)
        {
            foreach (var meta in metas)
            {
                if (string.Equals(meta.GetAttribute("name"), name, StringComparison.OrdinalIgnoreCase) && PageDates.Day(meta.GetAttribute("content")) is { } day) return day;
            }
        }

        return null;
    }

    // A portal states the article's title in meta tags and in <title> (with the column and site
    // appended: "X2024年度政府信息公开工作年度报告_政府信息公开年报_X党工委管委会").
    // The meta tags come gathered in one walk of the page (Read): a selector query per name walked it five times.
    private static List<string> Titles(AngleSharp.Html.Dom.IHtmlDocument document, IHtmlCollection<IElement> metas)
    {
        var titles = new List<string>();
        foreach (var name in TitleMetaNames)
        {
            if (Content(metas, "name", name) is { Length: > 0 } content) titles.Add(Collapse(content));
        }

        if (Content(metas, "property", "og:title") is { Length: > 0 } og) titles.Add(Collapse(og));
        if (document.Title is { Length: > 0 } title) titles.Add(Collapse(title));
        return titles.Distinct().ToList();
    }

    /// <summary>The content of the first meta tag whose attribute has exactly the value (as <c>meta[name='value']</c> finds it).</summary>
    private static string? Content(IHtmlCollection<IElement> metas, string attribute, string value)
    {
        foreach (var meta in metas)
        {
            if (meta.GetAttribute(attribute) == value) return meta.GetAttribute("content");
        }

        return null;
    }

    /// <summary>Runs of white space (regex <c>\s</c>, which is <see cref="char.IsWhiteSpace(char)"/>) as one space, the ends trimmed.</summary>
    /// <remarks>By hand rather than a regex replace: it runs for every line of the page.</remarks>
    private static string Collapse(string text)
    {
        text = Extraction.Restructure.Visible(text);
        var trimmed = text.AsSpan().Trim();
        var buffer = trimmed.Length <= 256 ? stackalloc char[trimmed.Length] : new char[trimmed.Length];
        var n = 0;
        var inSpace = false;
        foreach (var ch in trimmed)
        {
            var space = char.IsWhiteSpace(ch);
            if (!space || !inSpace) buffer[n++] = space ? ' ' : ch;
            inSpace = space;
        }

        var collapsed = buffer[..n];
        return collapsed.SequenceEqual(text) ? text : new string(collapsed);
    }

    /// <summary>
    /// True when an element that breaks lines is nested in this one (what <c>QuerySelector("table, p, div, br")</c> finds,
    /// without parsing a selector per call). When none is, the pictures nested in it are added to <paramref name="pictures"/>:
    /// the element's text then joins its line, and they follow that line.
    /// </summary>
    private static bool HoldsBreak(IElement element, List<Picture> pictures)
    {
        var found = pictures.Count;
        foreach (var node in element.GetDescendants())
        {
            if (node is not IElement descendant) continue;
            if (Breaks.Contains(descendant.LocalName))
            {
                pictures.RemoveRange(found, pictures.Count - found);
                return true;
            }

            if (PictureOf(descendant) is { } picture) pictures.Add(picture);
        }

        return false;
    }

    /// <summary>
    /// The picture an <c>&lt;img&gt;</c> shows, where a table published as one would be; null for another element, or
    /// for an icon (set smaller than 64 pixels).
    /// </summary>
    private static Picture? PictureOf(IElement element) =>
        element.LocalName.Equals("img", StringComparison.OrdinalIgnoreCase) && !Small(element.GetAttribute("width")) && !Small(element.GetAttribute("height"))
            ? new Picture(element.GetAttribute("src"))
            : null;

    private static void Walk(INode node, List<Block> blocks)
    {
        var line = new System.Text.StringBuilder();
        // Pictures met on the line: they stand after it, so that a picture amid a sentence does not cut it.
        var pictures = new List<Picture>();

        void FlushLine()
        {
            var text = Collapse(line.ToString());
            if (text.Length > 0) blocks.Add(new Paragraph(text));
            line.Clear();
            blocks.AddRange(pictures);
            pictures.Clear();
        }

        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text when Text.PlainTextLayout.IsMarkdown(text.Data):
                    FlushLine();
                    blocks.AddRange(Text.PlainTextLayout.Read(Extraction.Restructure.Visible(text.Data)).Blocks);
                    break;
                case IText text:
                    // A page's invisible characters written as entities ("&#8203;", "&shy;") are characters only now
                    // (the raw ones went before the page was parsed).
                    line.Append(Extraction.Restructure.Visible(text.Data));
                    break;
                case IElement { TagName: "IFRAME" or "EMBED" or "OBJECT" } frame when EmbeddedDocument.Of(frame.GetAttribute(frame.TagName == "OBJECT" ? "data" : "src")) is { } embedded:
                    // The report shown in the page by a viewer: the page's text holds none of it.
                    FlushLine();
                    blocks.Add(embedded);
                    break;
                case IElement element when Skipped.Contains(element.TagName):
                    break;
                case IElement { TagName: "BR" }:
                    FlushLine();
                    break;
                case IElement { TagName: "IMG" } image:
                    // A table published as a picture: its place is kept, so that the table's absence says why.
                    if (PictureOf(image) is { } picture) pictures.Add(picture);
                    break;
                case IElement { TagName: "TABLE" } table:
                    FlushLine();
                    ReadTable(table, blocks);
                    break;
                case IElement element when BlockTags.Contains(element.TagName):
                    FlushLine();
                    Walk(element, blocks);
                    break;
                case IElement element when HoldsBreak(element, pictures):
                    FlushLine();
                    Walk(element, blocks);
                    break;
                case IElement element:
                    line.Append(Extraction.Restructure.Visible(element.TextContent));
                    break;
            }
        }

        FlushLine();
    }

    private static bool Small(string? pixels) =>
        int.TryParse(pixels?.Trim().TrimEnd('x', 'p', 'X', 'P'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n < 64;

    private static void ReadTable(IElement table, List<Block> blocks)
    {
        var walk = new Stack<INode>();
        var text = new System.Text.StringBuilder();
        foreach (var row in Rows(table))
        {
            var cells = new List<IElement>();
            foreach (var child in row.Children)
            {
                if (child.TagName is "TD" or "TH") cells.Add(child);
            }

            var texts = new List<string>(cells.Count);
            foreach (var cell in cells)
            {
                if (CellText(cell, walk, text) is not { } cellText) break;
                texts.Add(cellText);
            }

            if (texts.Count < cells.Count)
            {
                // A layout table: its cells hold the article, read them as a page of their own.
                foreach (var cell in cells) Walk(cell, blocks);
                continue;
            }

            if (cells.Count > 0) blocks.Add(new TableRow(texts));
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

    /// <summary>
    /// A data cell's text: its text nodes in document order without white space other than the
    /// plain space (no-break spaces go too), the ends trimmed. Null when a table is nested in the
    /// cell (page layout). One walk of the cell answers both, where TextContent and a selector
    /// query walked it twice.
    /// </summary>
    /// <param name="walk">Scratch stack of the walk, reused from cell to cell.</param>
    /// <param name="text">Scratch text, reused from cell to cell.</param>
    private static string? CellText(IElement cell, Stack<INode> walk, System.Text.StringBuilder text)
    {
        walk.Clear();
        text.Clear();
        Push(cell.ChildNodes, walk);
        while (walk.TryPop(out var node))
        {
            if (node is IText data)
            {
                foreach (var ch in data.Data)
                {
                    if (ch == ' ' || (!char.IsWhiteSpace(ch) && !Extraction.Restructure.IsInvisible(ch))) text.Append(ch);
                }
            }
            else if (node is IElement element && element.LocalName.Equals("table", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            Push(node.ChildNodes, walk);
        }

        var start = 0;
        var end = text.Length;
        while (start < end && text[start] == ' ') start++;
        while (end > start && text[end - 1] == ' ') end--;
        return text.ToString(start, end - start);
    }

    // Last child first, so that the walk pops them in document order.
    private static void Push(INodeList children, Stack<INode> walk)
    {
        for (var i = children.Length - 1; i >= 0; i--) walk.Push(children[i]);
    }
}
