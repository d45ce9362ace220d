using Warehouse.Parsing.Documents;

namespace Warehouse.Parsing.Docx;

/// <summary>
/// The body of a DOCX as Word shows it with tracked changes accepted, in document order, before
/// deciding which tables are data and which are page layout (that needs a whole table).
/// </summary>
internal abstract record BodyNode
{
    /// <param name="InTextBox">Text of a text box anchored in the paragraph that follows it.</param>
    /// <param name="MarkDeleted">A tracked deletion removed the paragraph mark: Word joins it to the next paragraph.</param>
    public sealed record Para(string Text, bool InTextBox = false, bool MarkDeleted = false) : BodyNode;

    public sealed record Table(List<Row> Rows) : BodyNode;

    /// <summary>A picture anchored in the paragraph before it (its image, not text).</summary>
    public sealed record Picture : BodyNode;

    /// <summary>An imported part (w:altChunk) read as blocks, or the reason it could not be read.</summary>
    /// <param name="Titles">Titles an imported HTML page states besides its body (&lt;title&gt;, meta).</param>
    public sealed record Chunk(IReadOnlyList<Block> Blocks, string? Unreadable = null, IReadOnlyList<string>? Titles = null) : BodyNode;

    /// <summary>A table row while it is read; the reader marks it deleted when w:trPr holds w:del.</summary>
    public sealed class Row
    {
        public List<Cell> Cells { get; } = [];

        public bool Deleted { get; set; }
    }

    /// <summary>A table cell while it is read; the reader marks it deleted when w:tcPr holds w:cellDel.</summary>
    public sealed class Cell
    {
        public List<BodyNode> Content { get; } = [];

        public bool Deleted { get; set; }
    }
}
