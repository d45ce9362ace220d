using System.Text.RegularExpressions;

namespace Warehouse.Parsing.Documents;

/// <summary>
/// A document a page shows inside itself rather than as text: an <c>&lt;iframe&gt;</c>, <c>&lt;embed&gt;</c> or
/// <c>&lt;object&gt;</c> whose address names a PDF, Word or OFD file, directly ("/u/cms/2024/29123456.pdf", a download
/// endpoint's "downfile.jsp?classid=0&amp;filename=abc.pdf") or as the <c>file</c> of a viewer (pdf.js: "/pdfjs/web/viewer.html?file=%2Fzwgk%2FP020240129.pdf"). A portal that publishes its
/// report so has no report in its text: the report is that file.
/// </summary>
/// <param name="Source">The document's address as the page gives it (a viewer's <c>file</c>, decoded).</param>
public sealed partial record EmbeddedDocument(string Source) : Block
{
    /// <summary>The document's file name in <see cref="Source"/>: its path's, or a download endpoint's parameter's ("downfile.jsp?filename=abc.pdf" is abc.pdf); at most 60 characters.</summary>
    public string Name
    {
        get
        {
            var name = DocumentName().Matches(Source) is { Count: > 0 } found ? found[^1].Value : Source;
            return name.Length <= 60 ? name : name[..57] + "…";
        }
    }

    /// <summary>
    /// The document an element embeds: the <c>src</c> of an iframe or embed, the <c>data</c> of an object, or that
    /// address's <c>file</c> parameter when it is a viewer's; null when the address names no document file.
    /// </summary>
    public static EmbeddedDocument? Of(string? address)
    {
        if (string.IsNullOrWhiteSpace(address)) return null;
        var source = address.Trim();
        if (ViewerFile().Match(source) is { Success: true } viewer)
        {
            // A file= left unencoded keeps its own query's "&" ("file=/downfile.jsp?classid=0&filename=a.pdf"): when the part
            // up to the first "&" names no document, the file runs to the address's end.
            var file = viewer.Groups["file"].Value;
            if (!DocumentName().IsMatch(file)) file = source[viewer.Groups["file"].Index..].Split('#')[0];
            source = Uri.UnescapeDataString(file);
        }

        return DocumentName().IsMatch(source) ? new EmbeddedDocument(source) : null;
    }

    [GeneratedRegex(@"[?&]file=(?<file>[^&#]+)", RegexOptions.IgnoreCase)]
    private static partial Regex ViewerFile();

    // A file name with a document's extension, in the path or in a download endpoint's query ("filename=abc.pdf").
    [GeneratedRegex(@"[^/?&=#]+\.(?:pdf|docx?|wps|ofd)(?![a-z0-9])", RegexOptions.IgnoreCase)]
    private static partial Regex DocumentName();
}
