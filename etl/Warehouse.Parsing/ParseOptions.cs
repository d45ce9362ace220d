namespace Warehouse.Parsing;

/// <summary>What the caller knows about a document beyond its bytes.</summary>
/// <param name="Name">File name or URL, for messages only; the layout is decided by content.</param>
/// <param name="ContentType">The HTTP Content-Type (<c>text/html</c>, or with its parameters), whose charset is trusted before the page's own.</param>
/// <param name="RegionHint">Region code of the portal the report came from; decides repeated county names.</param>
/// <param name="MaxBytes">Documents larger than this are refused unread.</param>
/// <param name="MaxInflatedBytes">A DOCX whose parts inflate beyond this is refused (zip bombs).</param>
/// <param name="Charset">
/// The charset the server declared (Content-Type's charset parameter, <c>gbk</c>), when the caller
/// has it apart from <paramref name="ContentType"/>; null: the charset parameter of ContentType, if any.
/// Trusted before the page's own meta charset, after a byte-order mark and valid UTF-8 (<see cref="Text.TextDecoding"/>).
/// </param>
/// <param name="PortalTitle">
/// The title the portal gave the document (the article's title, or the link's), when the caller
/// knows it: read as a title only after the document's own (its page metadata, the text before
/// section 一), for a report whose body and head name no agency or year.
/// </param>
public sealed record ParseOptions(
    string Name = "(input)",
    string? ContentType = null,
    string? RegionHint = null,
    long MaxBytes = ParseOptions.DefaultMaxBytes,
    long MaxInflatedBytes = ParseOptions.DefaultMaxInflatedBytes,
    string? Charset = null,
    string? PortalTitle = null)
{
    /// <summary>The charset the server declared: <see cref="Charset"/>, else the charset parameter of <see cref="ContentType"/>; null when neither names one.</summary>
    public string? DeclaredCharset => Charset ?? Text.TextDecoding.CharsetOf(ContentType);

    public const long DefaultMaxBytes = 64L * 1024 * 1024;
    public const long DefaultMaxInflatedBytes = 256L * 1024 * 1024;
}
