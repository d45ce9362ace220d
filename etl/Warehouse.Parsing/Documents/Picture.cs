namespace Warehouse.Parsing.Documents;

/// <summary>
/// A picture in the body (an HTML <c>&lt;img&gt;</c>): its content is not text, so a table published as one
/// cannot be read, and the report says so where that table should be.
/// </summary>
/// <param name="Source">Where the picture comes from as the document names it (the <c>src</c> of an <c>&lt;img&gt;</c>), or null.</param>
public sealed record Picture(string? Source) : Block
{
    /// <summary>The picture as a reader names it: the file name of its source (at most 60 characters), else "图片".</summary>
    public string Name
    {
        get
        {
            // An image held in the page itself (a data: URI) has no name.
            if (Source is null || Source.TrimStart().StartsWith("data:", StringComparison.OrdinalIgnoreCase)) return "图片";
            var path = Source.Split('?', '#')[0].TrimEnd('/');
            var name = path[(path.LastIndexOf('/') + 1)..];
            if (name.Length == 0) return "图片";
            return name.Length <= 60 ? name : name[..57] + "…";
        }
    }
}
