namespace Warehouse.Parsing.Documents;

/// <summary>A report reduced to paragraphs and table rows: what every layout reader produces.</summary>
/// <param name="Titles">Titles the container states besides the body (a portal page's ArticleTitle meta and &lt;title&gt;), best first.</param>
public sealed record ReportDocument(IReadOnlyList<Block> Blocks, string Layout, IReadOnlyList<string>? Titles = null)
{
    public IReadOnlyList<string> Titles { get; } = Titles ?? [];

    /// <summary>
    /// A PDF whose pages place text outside the paper (content laid out wider than the page): text
    /// past the edge may be missing from the file, so a table short of columns says so.
    /// </summary>
    public bool TextBeyondPage { get; init; }

    /// <summary>
    /// A scanned PDF made searchable: its text is an OCR tool's invisible layer over pictures of the pages, not the
    /// document's own text, so a misrecognised character or digit is read as it was recognised.
    /// </summary>
    public bool OcrTextLayer { get; init; }

    /// <summary>The day a saved portal page's own metadata says it was published (<c>&lt;meta name="PubDate"&gt;</c> and its variants); null when none.</summary>
    public DateOnly? PageDate { get; init; }
}
