namespace Warehouse.Parsing;

/// <summary>What the caller knows about a document beyond its bytes.</summary>
/// <param name="Name">File name or URL, for messages only; the layout is decided by content.</param>
/// <param name="ContentType">The HTTP Content-Type, whose charset is trusted before the page's own.</param>
/// <param name="RegionHint">Region code of the portal the report came from; decides repeated county names.</param>
/// <param name="MaxBytes">Documents larger than this are refused unread.</param>
/// <param name="MaxInflatedBytes">A DOCX whose parts inflate beyond this is refused (zip bombs).</param>
public sealed record ParseOptions(
    string Name = "(input)",
    string? ContentType = null,
    string? RegionHint = null,
    long MaxBytes = ParseOptions.DefaultMaxBytes,
    long MaxInflatedBytes = ParseOptions.DefaultMaxInflatedBytes)
{
    public const long DefaultMaxBytes = 64L * 1024 * 1024;
    public const long DefaultMaxInflatedBytes = 256L * 1024 * 1024;
}
