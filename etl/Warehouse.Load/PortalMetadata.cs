namespace Warehouse.Load;

/// <summary>
/// What the portal said about a crawled document, kept with its <c>raw_document</c> row
/// (<c>portal_url</c>, <c>portal_title</c>, <c>portal_published</c>, <c>http_last_modified</c>);
/// the publication date judges lateness before the date the report is signed.
/// </summary>
/// <param name="PageUrl">The article page the document was found on: the page itself, or the page an attachment hangs from.</param>
/// <param name="Title">The article's title (its ArticleTitle meta, the link's title, or its &lt;title&gt;); null when none.</param>
/// <param name="Published">The day the portal published the article (PubDate meta, byline, list page); null when nothing says it.</param>
/// <param name="LastModified">The HTTP <c>Last-Modified</c> of the document's own response; null when the server sent none.</param>
public sealed record PortalMetadata(string? PageUrl, string? Title, DateOnly? Published, DateTimeOffset? LastModified)
{
    /// <summary>Null when nothing is known (a file, or a portal that said nothing), else this.</summary>
    public PortalMetadata? OrNull() => PageUrl is null && Title is null && Published is null && LastModified is null ? null : this;
}
