namespace Warehouse.Parsing.Documents;

public sealed record Paragraph(string Text) : Block;
