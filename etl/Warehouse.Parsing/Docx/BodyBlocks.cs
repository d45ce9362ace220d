using Warehouse.Parsing.Documents;

namespace Warehouse.Parsing.Docx;

/// <summary>
/// Turns the body tree into paragraphs and table rows in document order. A table that lays out
/// the page is read as body content: OA 红头 templates put the whole document in a one-cell
/// "frame" table with the report's tables nested in that cell, sometimes frames two deep.
/// </summary>
internal static class BodyBlocks
{
    public static List<Block> From(IReadOnlyList<BodyNode> body)
    {
        var blocks = new List<Block>();
        Content(body, blocks);
        return blocks;
    }

    private static void Content(IReadOnlyList<BodyNode> nodes, List<Block> blocks)
    {
        // Text of paragraphs whose mark a tracked deletion removed, waiting for the paragraph it joins.
        var joined = "";
        foreach (var node in nodes)
        {
            switch (node)
            {
                case BodyNode.Para { InTextBox: true } box:
                    blocks.Add(new Paragraph(box.Text));
                    break;
                case BodyNode.Para { MarkDeleted: true } p:
                    joined += p.Text;
                    break;
                case BodyNode.Para p:
                    Add(joined + p.Text, blocks);
                    joined = "";
                    break;
                case BodyNode.Table t:
                    Add(joined, blocks);
                    joined = "";
                    Table(t, blocks);
                    break;
                case BodyNode.Picture:
                    Add(joined, blocks);
                    joined = "";
                    blocks.Add(new Picture(null));
                    break;
                case BodyNode.Chunk c:
                    Add(joined, blocks);
                    joined = "";
                    blocks.AddRange(c.Blocks);
                    break;
            }
        }

        Add(joined, blocks);
    }

    private static void Add(string text, List<Block> blocks)
    {
        if (text.Length > 0) blocks.Add(new Paragraph(text));
    }

    // Loops rather than LINQ: this runs for every cell of every table (a tenth of a DOCX parse
    // went to the iterators and lists of the LINQ version).
    private static void Table(BodyNode.Table table, List<Block> blocks)
    {
        var rows = new List<List<BodyNode.Cell>>(table.Rows.Count);
        foreach (var row in table.Rows)
        {
            if (row.Deleted) continue;
            var kept = new List<BodyNode.Cell>(row.Cells.Count);
            foreach (var cell in row.Cells)
            {
                if (!cell.Deleted) kept.Add(cell);
            }

            rows.Add(kept);
        }

        var frame = IsFrame(rows);
        foreach (var cells in rows)
        {
            if (frame || cells.Exists(HoldsBlocks))
            {
                // Page layout: the cells hold the document, read them as a page of their own.
                foreach (var cell in cells) Content(cell.Content, blocks);
                continue;
            }

            foreach (var cell in cells)
            {
                foreach (var node in cell.Content)
                {
                    if (node is BodyNode.Para { InTextBox: true } box) blocks.Add(new Paragraph(box.Text));
                }
            }

            if (cells.Count == 0) continue;
            var texts = new List<string>(cells.Count);
            foreach (var cell in cells) texts.Add(Text(cell));
            blocks.Add(new TableRow(texts));
        }
    }

    // A table of one column whose cell holds several paragraphs is a frame around text, not data:
    // no table of the template has a single column.
    private static bool IsFrame(List<List<BodyNode.Cell>> rows)
    {
        var severalParagraphs = false;
        foreach (var cells in rows)
        {
            if (cells.Count > 1) return false;
            if (cells.Count == 1 && !severalParagraphs) severalParagraphs = Paragraphs(cells[0]) > 1;
        }

        return severalParagraphs;
    }

    private static int Paragraphs(BodyNode.Cell cell)
    {
        var count = 0;
        foreach (var node in cell.Content)
        {
            if (node is BodyNode.Para { InTextBox: false, MarkDeleted: false, Text.Length: > 0 }) count++;
        }

        return count;
    }

    private static bool HoldsBlocks(BodyNode.Cell cell) => cell.Content.Exists(n => n is BodyNode.Table or BodyNode.Chunk);

    // The paragraphs of a data cell are one label split over lines ("三、\n本年\n度办\n理结\n果").
    private static string Text(BodyNode.Cell cell)
    {
        string? first = null;
        System.Text.StringBuilder? joined = null;
        foreach (var node in cell.Content)
        {
            if (node is not BodyNode.Para { InTextBox: false } p) continue;
            if (first is null) first = p.Text;
            else (joined ??= new System.Text.StringBuilder(first)).Append(p.Text);
        }

        return joined?.ToString() ?? first ?? "";
    }
}
