namespace Warehouse.Parsing.Documents;

/// <summary>A paragraph of text (a line, in plain text), trimmed.</summary>
public sealed record Paragraph(string Text) : Block
{
    /// <summary>
    /// Characters of blank before the text on its line in plain text laid out by columns (<c>pdftotext -layout</c>), so that
    /// a word's column is <c>Indent</c> plus its index in <see cref="Text"/>; null where the document has no such columns.
    /// </summary>
    public int? Indent { get; init; }
}
