using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace Warehouse.Crawl.Crawling;

/// <summary>Finds the attachments of an article page: the report as DOCX, PDF or a legacy Word file, and spreadsheets.</summary>
public static partial class ArticlePage
{
    private static readonly HtmlParser Parser = new();

    /// <summary>
    /// Links whose address or text names a document file (.pdf, .docx, .doc, .wps, .odt, .ofd) or a spreadsheet
    /// (.xls, .xlsx: never a report, but loaded to be refused with that reason, tied to its article;
    /// <see cref="IsSpreadsheet"/>), including CMS download endpoints that carry the file name in the query; and the document
    /// the page shows inside itself (<see cref="Parsing.Documents.EmbeddedDocument"/>: a viewer's iframe, an embed, an object).
    /// </summary>
    public static IReadOnlyList<(Uri Url, string Title)> Attachments(string html, Uri pageUrl)
    {
        var found = new List<(Uri, string)>();
        var document = Parser.ParseDocument(html);
        foreach (var a in document.QuerySelectorAll("a[href]"))
        {
            var href = a.GetAttribute("href")!;
            var text = a.TextContent.Trim();
            if (!Document().IsMatch(Uri.UnescapeDataString(href)) && !Document().IsMatch(text)) continue;
            if (Urls.Normalise(pageUrl, href) is { } url && !found.Any(f => f.Item1 == url)) found.Add((url, text));
        }

        // The report shown in the page by a viewer (an iframe of pdf.js with its file=, an embed, an object): the address is
        // the frame's own, or its file resolved against the viewer's address, as the viewer fetches it.
        foreach (var frame in document.QuerySelectorAll("iframe[src], embed[src], object[data]"))
        {
            var address = frame.GetAttribute(frame.LocalName == "object" ? "data" : "src")!;
            if (Parsing.Documents.EmbeddedDocument.Of(address) is not { } embedded || Urls.Normalise(pageUrl, address) is not { } viewer) continue;
            if (Urls.Normalise(viewer, embedded.Source) is { } url && !found.Any(f => f.Item1 == url)) found.Add((url, embedded.Name));
        }

        return found;
    }

    /// <summary>True when the attachment's address or title names a spreadsheet (.xls, .xlsx), not a report document.</summary>
    public static bool IsSpreadsheet((Uri Url, string Title) attachment) =>
        Spreadsheet().IsMatch(Uri.UnescapeDataString(attachment.Url.AbsoluteUri)) || Spreadsheet().IsMatch(attachment.Title);

    [GeneratedRegex(@"\.(pdf|docx|doc|wps|odt|ofd|xlsx|xls)(\b|$)", RegexOptions.IgnoreCase)]
    private static partial Regex Document();

    [GeneratedRegex(@"\.(xlsx|xls)(\b|$)", RegexOptions.IgnoreCase)]
    private static partial Regex Spreadsheet();
}
